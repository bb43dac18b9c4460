import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { accounts, auditEvents } from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createAccount, createOrg, staffContext, type TestOrg } from "@/db/testing/factories";
import { ConflictError, ForbiddenError, NotFoundError, PreconditionError, ValidationError } from "@/server/lib/errors";
import { BULK_CAP } from "./accounts.schemas";
import { assignAccounts } from "./assign-accounts";
import { bulkChangeStatus } from "./bulk-change-status";
import { matchingLimitMessage } from "./bulk-target";
import { countMatchingAccounts } from "./count-matching";
import { tagAccounts } from "./tag-accounts";

describe.each(testDrivers())("bulk actions on a selection or all matching (%s)", (driver) => {
  let handle: DatabaseHandle;
  let org: TestOrg;
  let other: TestOrg;

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    org = await createOrg(handle.db, "blk");
    other = await createOrg(handle.db, "blk-other");
    for (let i = 0; i < 6; i++) await createAccount(handle.db, org, { ref: `B-${i}`, state: i < 4 ? "TX" : "CA" });
    // Same state as the filtered ones: must never be touched by "all matching".
    for (let i = 0; i < 3; i++) await createAccount(handle.db, other, { ref: `O-${i}`, state: "TX" });
  });
  afterAll(() => handle.close());

  const manager = () => staffContext(handle.db, org, "manager");
  const snapshot = async (orgId: string) =>
    Object.fromEntries(
      (await handle.db.select().from(accounts).where(eq(accounts.orgId, orgId))).map((a) => [
        a.externalRef,
        { version: a.version, tags: a.tags, status: a.status, assigneeId: a.assigneeId },
      ]),
    );
  const events = (action: string) =>
    handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.orgId), eq(auditEvents.action, action)));
  const idsOf = async (refs: string[]) =>
    (
      await handle.db
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.orgId, org.orgId), inArray(accounts.externalRef, refs)))
    ).map((r) => r.id);

  it("counts all matching accounts exactly, within the organization", async () => {
    expect(await countMatchingAccounts({ ctx: manager(), input: { state: "TX" } })).toMatchObject({
      count: 4,
      capped: false,
      cap: BULK_CAP,
      refusal: null,
    });
    expect(matchingLimitMessage(BULK_CAP + 1)).toMatch(/narrow the filters/);
    expect(matchingLimitMessage(BULK_CAP)).toBeNull();
  });

  it("tags all matching accounts in one transaction with one audit event naming them, and nothing elsewhere", async () => {
    const otherBefore = await snapshot(other.orgId);
    const before = await snapshot(org.orgId);
    const result = await tagAccounts({
      ctx: manager(),
      input: { matching: { filters: { state: "TX" }, expectedCount: 4 }, add: ["hardship", "Skip-Trace"] },
    });
    expect(result).toEqual({ count: 4, unchanged: 0 });
    const after = await snapshot(org.orgId);
    for (const ref of ["B-0", "B-1", "B-2", "B-3"]) {
      expect(after[ref]).toMatchObject({ tags: ["hardship", "skip-trace"], version: before[ref]!.version + 1 });
    }
    expect(after["B-4"]).toEqual(before["B-4"]);
    expect(await snapshot(other.orgId)).toEqual(otherBefore);

    const [event, ...more] = await events("account.bulk_tagged");
    expect(more).toHaveLength(0);
    const touched = await idsOf(["B-0", "B-1", "B-2", "B-3"]);
    expect(event!.after).toMatchObject({ count: 4, add: ["hardship", "skip-trace"], filters: { state: "TX" } });
    expect(new Set((event!.after as { accountIds: string[] }).accountIds)).toEqual(new Set(touched));
    // The account timeline finds the one event by containment.
    const [found] = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(sql`${auditEvents.after} @> ${JSON.stringify({ accountIds: [touched[0]] })}::jsonb`);
    expect(found!.n).toBe(1);
  });

  it("refuses all matching when the count changed since it was confirmed, changing nothing", async () => {
    const before = await snapshot(org.orgId);
    const eventsBefore = (await events("account.bulk_tagged")).length;
    await expect(
      tagAccounts({
        ctx: manager(),
        input: { matching: { filters: { state: "TX" }, expectedCount: 5 }, remove: ["hardship"] },
      }),
    ).rejects.toThrow(ConflictError);
    await expect(
      assignAccounts({
        ctx: manager(),
        input: { matching: { filters: { state: "TX" }, expectedCount: 3 }, assigneeId: org.users.agent.id },
      }),
    ).rejects.toThrow(/4 accounts match these filters now, not the 3 you confirmed/);
    expect(await snapshot(org.orgId)).toEqual(before);
    expect(await events("account.bulk_tagged")).toHaveLength(eventsBefore);
    expect(await events("account.bulk_assigned")).toHaveLength(0);
  });

  it("removes tags only where present, bumping only the accounts that changed", async () => {
    const [b0, b4] = await idsOf(["B-0", "B-4"]);
    const before = await snapshot(org.orgId);
    const result = await tagAccounts({ ctx: manager(), input: { accountIds: [b0!, b4!], remove: ["hardship"] } });
    expect(result).toEqual({ count: 1, unchanged: 1 });
    const after = await snapshot(org.orgId);
    expect(after["B-0"]).toMatchObject({ tags: ["skip-trace"], version: before["B-0"]!.version + 1 });
    expect(after["B-4"]).toEqual(before["B-4"]);
  });

  it("assigns all matching accounts, and another organization's ids are refused as not found", async () => {
    const result = await assignAccounts({
      ctx: manager(),
      input: { matching: { filters: { state: "CA" }, expectedCount: 2 }, assigneeId: org.users.agent.id },
    });
    expect(result.count).toBe(2);
    const after = await snapshot(org.orgId);
    expect([after["B-4"]!.assigneeId, after["B-5"]!.assigneeId]).toEqual([org.users.agent.id, org.users.agent.id]);
    expect(after["B-0"]!.assigneeId).toBeNull();

    const [foreign] = await handle.db.select().from(accounts).where(eq(accounts.orgId, other.orgId));
    const [mine] = await idsOf(["B-1"]);
    await expect(
      assignAccounts({ ctx: manager(), input: { accountIds: [mine!, foreign!.id], assigneeId: org.users.agent.id } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await snapshot(org.orgId))["B-1"]!.assigneeId).toBeNull();
  });

  it("assigns one account at the version the user saw, refusing a stale one", async () => {
    const [row] = await handle.db.select().from(accounts).where(eq(accounts.externalRef, "B-2"));
    await expect(
      assignAccounts({
        ctx: manager(),
        input: { accountIds: [row!.id], assigneeId: org.users.agent.id, expectedVersion: row!.version - 1 },
      }),
    ).rejects.toThrow(/changed since you opened it/);
    const done = await assignAccounts({
      ctx: manager(),
      input: { accountIds: [row!.id], assigneeId: org.users.agent.id, expectedVersion: row!.version },
    });
    expect(done).toEqual({ count: 1, version: row!.version + 1 });
    const [event] = (await events("account.bulk_assigned")).filter((e) => e.entityId === row!.id);
    expect(event!.after).toMatchObject({ accountIds: [row!.id], count: 1 });
    const [b3] = await idsOf(["B-3"]);
    await expect(
      assignAccounts({
        ctx: manager(),
        input: { accountIds: [row!.id, b3!], assigneeId: null, expectedVersion: row!.version },
      }),
    ).rejects.toThrow(/exactly one account/);
  });

  it("changes the status of all matching accounts with the reason, never to a status that follows payments", async () => {
    await expect(
      bulkChangeStatus({
        ctx: manager(),
        input: { matching: { filters: { state: "TX" }, expectedCount: 4 }, status: "paid", reason: "bulk" },
      }),
    ).rejects.toBeInstanceOf(PreconditionError);
    const [b0] = await idsOf(["B-0"]);
    await handle.db.update(accounts).set({ status: "on_hold" }).where(eq(accounts.id, b0!));
    const before = await snapshot(org.orgId);
    const result = await bulkChangeStatus({
      ctx: manager(),
      input: { matching: { filters: { state: "TX" }, expectedCount: 4 }, status: "on_hold", reason: "Hardship review" },
    });
    expect(result).toEqual({ count: 3, unchanged: 1 });
    const after = await snapshot(org.orgId);
    expect(after["B-0"]).toEqual(before["B-0"]);
    expect(after["B-1"]).toMatchObject({ status: "on_hold", version: before["B-1"]!.version + 1 });
    const [event] = await events("account.bulk_status_changed");
    expect(event!.before).toEqual({ statuses: { active: 3 } });
    expect(event!.after).toMatchObject({ status: "on_hold", reason: "Hardship review", count: 3, matched: 4 });
    expect((event!.after as { accountIds: string[] }).accountIds).toHaveLength(3);
    expect(Object.values(await snapshot(other.orgId)).every((a) => a.status === "active")).toBe(true);
  });

  it("holds each action to its permission and its input to one target", async () => {
    const agent = staffContext(handle.db, org, "agent");
    const [b5] = await idsOf(["B-5"]);
    await expect(tagAccounts({ ctx: agent, input: { accountIds: [b5!], add: ["x"] } })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(assignAccounts({ ctx: agent, input: { accountIds: [b5!], assigneeId: null } })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      tagAccounts({
        ctx: manager(),
        input: { accountIds: [b5!], matching: { filters: {}, expectedCount: 1 }, add: ["x"] },
      }),
    ).rejects.toThrow(/either the selected accounts or the filters/);
    await expect(tagAccounts({ ctx: manager(), input: { accountIds: [b5!] } })).rejects.toThrow(/Give a tag/);
    await expect(tagAccounts({ ctx: manager(), input: { accountIds: [b5!], add: ["a b"] } })).rejects.toBeInstanceOf(
      ValidationError,
    );
    // An agent may change statuses in bulk (account.status), within the same rules.
    expect(
      await bulkChangeStatus({ ctx: agent, input: { accountIds: [b5!], status: "legal", reason: "Sent to attorney" } }),
    ).toEqual({ count: 1, unchanged: 0 });
  });
});
