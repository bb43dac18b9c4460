import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { accounts, contactPoints, holds, ledgerTransactions } from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createAccount, createOrg, FIXED_NOW, staffContext, type TestOrg } from "@/db/testing/factories";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { NotFoundError, ValidationError } from "@/server/lib/errors";
import { addNote } from "@/server/modules/accounts/add-note";
import { assignAccounts } from "@/server/modules/accounts/assign-accounts";
import { changeStatus } from "@/server/modules/accounts/change-status";
import { recordAudit } from "@/server/modules/audit/record";
import { logCall } from "@/server/modules/interactions/log-call";
import { cancelPromise } from "@/server/modules/promises/cancel-promise";
import { createPromise } from "@/server/modules/promises/create-promise";
import { completeTask } from "@/server/modules/tasks/complete-task";
import { createTask } from "@/server/modules/tasks/create-task";
import type { TimelineItem } from "./describe";
import { listTimeline } from "./list-timeline";
import { TIMELINE_KINDS } from "./timeline.schemas";

const MIN = 60_000;

describe.each(testDrivers())("account timeline (%s)", (driver) => {
  let handle: DatabaseHandle;
  let org: TestOrg;
  let other: TestOrg;
  let accountId: string;
  let debtorId: string;
  /** The agent, with the clock at FIXED_NOW minus `minutesAgo`: events get distinct, known times. */
  const agentAt = (minutesAgo: number): ServiceContext => ({
    ...staffContext(handle.db, org, "agent"),
    now: () => new Date(FIXED_NOW.getTime() - minutesAgo * MIN),
  });
  const all = async (ctx: ServiceContext, kinds?: (typeof TIMELINE_KINDS)[number][]) =>
    (await listTimeline({ ctx, input: { accountId, kinds, limit: 100 } })).items;

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    org = await createOrg(handle.db, "tl");
    other = await createOrg(handle.db, "tl-other");
    const account = await createAccount(handle.db, org, { ref: "TL-1", principalMinor: 50_000 });
    accountId = account.id;
    debtorId = account.debtorId;
    const [phone] = await handle.db.select().from(contactPoints).where(eq(contactPoints.debtorId, debtorId));
    const [sibling] = await handle.db
      .insert(accounts)
      .values({
        orgId: org.orgId,
        creditorId: org.creditorId,
        debtorId,
        externalRef: "TL-2",
        principalMinor: 1_000,
      })
      .returning();
    const stranger = await createAccount(handle.db, org, { ref: "TL-STRANGER" });
    const foreign = await createAccount(handle.db, other, { ref: "TL-FOREIGN" });

    const call = {
      direction: "outbound" as const,
      contactPointId: phone!.id,
      personReached: "none" as const,
      outcome: "no_answer" as const,
      conversation: false,
      durationSeconds: 0,
    };
    await logCall({ ctx: agentAt(100), input: { ...call, accountId } });
    // Logged from the sibling debt, about both: it belongs on this timeline too, once.
    await logCall({ ctx: agentAt(95), input: { ...call, accountId: sibling!.id, accountIds: [accountId] } });
    // Only about the sibling: not on this timeline.
    await logCall({ ctx: agentAt(94), input: { ...call, accountId: sibling!.id } });
    await addNote({ ctx: agentAt(90), input: { accountId, body: "Asked for a statement" } });
    await handle.db.insert(ledgerTransactions).values({
      orgId: org.orgId,
      accountId,
      kind: "payment",
      principalMinor: -2_500,
      currency: "USD",
      effectiveOn: "2026-11-20",
      postedAt: new Date(FIXED_NOW.getTime() - 85 * MIN),
      description: "Card payment",
    });
    // Holds are written directly with the audit event the holds slice writes, to prove the event is not repeated.
    const placeHold = async (minutesAgo: number, values: Partial<typeof holds.$inferInsert>, forDebtor: string) => {
      const ctx = agentAt(minutesAgo);
      await withTransaction(ctx, async (tx) => {
        const [hold] = await tx.db
          .insert(holds)
          .values({
            orgId: ctx.orgId,
            debtorId: forDebtor,
            kind: "dispute",
            reason: "Debtor disputes the amount",
            placedById: org.users.agent.id,
            placedAt: ctx.now(),
            ...values,
          })
          .returning();
        await recordAudit(tx, {
          action: "hold.placed",
          entityType: "hold",
          entityId: hold!.id,
          after: { holdId: hold!.id, kind: hold!.kind, accountIds: [values.accountId ?? accountId] },
        });
      });
    };
    await placeHold(
      80,
      {
        accountId,
        releasedAt: new Date(FIXED_NOW.getTime() - 70 * MIN),
        releasedById: org.users.manager.id,
        releaseReason: "Verification sent and accepted",
      },
      debtorId,
    );
    await placeHold(75, { kind: "attorney", reason: "Represented by counsel" }, debtorId);
    await placeHold(74, { accountId: stranger.id, reason: "Someone else's dispute" }, stranger.debtorId);
    // The attorney hold stops calls: the refused call is not an interaction, but its block is on the timeline.
    await expect(logCall({ ctx: agentAt(70), input: { ...call, accountId } })).rejects.toThrow(/Blocked by compliance/);

    const task = await createTask({
      ctx: agentAt(60),
      input: {
        accountId,
        kind: "callback",
        title: "Call back after payday",
        due: { kind: "instant", at: FIXED_NOW },
      },
    });
    await completeTask({ ctx: agentAt(50), input: { taskId: task.id, expectedVersion: task.version } });
    const promise = await createPromise({
      ctx: agentAt(45),
      input: { accountId, amountMinor: 10_000, dueOn: "2026-12-01", expectedVersion: 1 },
    });
    await cancelPromise({
      ctx: agentAt(40),
      input: { promiseId: promise.id, expectedVersion: promise.accountVersion, reason: "Debtor changed their mind" },
    });
    await changeStatus({
      ctx: agentAt(30),
      input: {
        accountId,
        status: "on_hold",
        expectedVersion: promise.accountVersion + 1,
        reason: "Awaiting documents",
      },
    });
    await assignAccounts({
      ctx: { ...staffContext(handle.db, org, "manager"), now: () => new Date(FIXED_NOW.getTime() - 20 * MIN) },
      input: { accountIds: [accountId, sibling!.id], assigneeId: org.users.agent.id },
    });
    await withTransaction(agentAt(10), (tx) =>
      recordAudit(tx, {
        action: "contact.opted_out",
        entityType: "contact_point",
        entityId: phone!.id,
        after: { value: phone!.value, optOutSource: "debtor by phone", accountIds: [accountId, sibling!.id] },
      }),
    );
    // Another organization's event naming this account id must never show.
    await withTransaction(staffContext(handle.db, other, "agent"), (tx) =>
      recordAudit(tx, {
        action: "account.exported",
        entityType: "account",
        entityId: null,
        after: { accountIds: [accountId] },
      }),
    );
    void foreign;
  });
  afterAll(() => handle.close());

  it("shows every kind once, newest first, with who did it and what", async () => {
    const items = await all(staffContext(handle.db, org, "auditor"));
    const kinds = new Set(items.map((i) => i.kind));
    for (const k of TIMELINE_KINDS) expect(kinds, k).toContain(k);
    const times = items.map((i) => i.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);

    const summaries = items.map((i) => i.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        "Outbound call to +16025550100 — No answer",
        "Note",
        "Payment of $25.00",
        "Hold placed: Dispute",
        "Hold released: Dispute",
        "Hold placed: Attorney representation (every account of the debtor)",
        "Callback scheduled: Call back after payday",
        "Task completed: Call back after payday",
        "Promise to pay $100.00 by 2026-12-01",
        "Promise cancelled",
        "Status changed from active to on hold",
        "Opt-out recorded: +16025550100",
        "Blocked call",
      ]),
    );
    const block = items.find((i) => i.kind === "compliance")!;
    expect(block.facts[0]).toEqual({ label: "Rules", text: expect.stringContaining("REP-01") });
    expect(summaries.filter((s) => s.startsWith("Outbound call"))).toHaveLength(2);
    expect(
      items.find((i) => i.summary === "Outbound call to +16025550100 — No answer" && i.facts.length > 2),
    ).toBeTruthy();
    // One entry per hold event: the rows, never their audit events as well; another debtor's hold is absent.
    expect(items.filter((i) => i.action === "hold.placed")).toHaveLength(2);
    expect(items.some((i) => i.body === "Someone else's dispute")).toBe(false);
    // Notes, calls, task and promise creations appear as their rows only.
    expect(items.filter((i) => i.kind === "note")).toHaveLength(1);
    expect(items.some((i) => ["account.note_added", "interaction.logged", "task.created"].includes(i.key))).toBe(false);
    expect(items.filter((i) => i.key.startsWith("a:")).map((i) => i.action)).not.toEqual(
      expect.arrayContaining(["account.note_added"]),
    );

    const assigned = items.find((i) => i.action === "account.bulk_assigned")!;
    expect(assigned).toMatchObject({
      summary: "Assigned to Agent tl (bulk action on 2 accounts)",
      actorName: "Manager tl",
    });
    expect(items.find((i) => i.action === "account.status_changed")).toMatchObject({
      body: "Awaiting documents",
      actorName: "Agent tl",
    });
    expect(items.find((i) => i.action === "hold.released")).toMatchObject({
      body: "Verification sent and accepted",
      actorName: "Manager tl",
    });
    expect(items.find((i) => i.kind === "ledger" && i.summary.startsWith("Payment"))).toMatchObject({
      body: "Card payment",
      actorName: "System",
    });
    expect(items.find((i) => i.action === "account.exported")).toBeUndefined();
    // Audit details never carry the bulk id lists to the browser.
    expect(JSON.stringify(items)).not.toContain('"accountIds"');
  });

  it("filters by kind", async () => {
    const ctx = staffContext(handle.db, org, "agent");
    const onlyHolds = await all(ctx, ["hold"]);
    expect(onlyHolds.map((i) => i.action).sort()).toEqual(["hold.placed", "hold.placed", "hold.released"]);
    const changes = await all(ctx, ["change"]);
    expect(changes.every((i) => i.kind === "change")).toBe(true);
    expect(changes.map((i) => i.action)).toEqual(
      expect.arrayContaining(["account.status_changed", "account.bulk_assigned", "contact.opted_out"]),
    );
    const tasksAndPromises = await all(ctx, ["task", "promise"]);
    expect(new Set(tasksAndPromises.map((i) => i.kind))).toEqual(new Set(["task", "promise"]));
    expect(tasksAndPromises).toHaveLength(4);
    await expect(listTimeline({ ctx, input: { accountId, kinds: ["gossip" as never] } })).rejects.toThrow(
      /Unknown timeline kind "gossip"/,
    );
  });

  it("pages with a cursor through everything, without gaps or repeats, ties included", async () => {
    const ctx = staffContext(handle.db, org, "agent");
    // Two more events at the very same instant, to put ties on page boundaries.
    await addNote({ ctx: agentAt(5), input: { accountId, body: "Tie one" } });
    await addNote({ ctx: agentAt(5), input: { accountId, body: "Tie two" } });
    const everything = await all(ctx);
    for (const limit of [1, 2, 3, 7]) {
      const seen: TimelineItem[] = [];
      let cursor: string | null = null;
      for (let guard = 0; guard < 100; guard++) {
        const page: Awaited<ReturnType<typeof listTimeline>> = await listTimeline({
          ctx,
          input: { accountId, limit, cursor },
        });
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      expect(
        seen.map((i) => i.key),
        `limit ${limit}`,
      ).toEqual(everything.map((i) => i.key));
    }
    await expect(listTimeline({ ctx, input: { accountId, cursor: "bm9wZQ" } })).rejects.toBeInstanceOf(ValidationError);
  });

  it("is invisible to another organization", async () => {
    await expect(
      listTimeline({ ctx: staffContext(handle.db, other, "admin"), input: { accountId } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
