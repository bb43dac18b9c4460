import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { users } from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createOrg, staffContext, type TestOrg } from "@/db/testing/factories";
import { ForbiddenError, ValidationError } from "@/server/lib/errors";
import { listMyQueue } from "./my-queue";
import { nextAccount } from "./next-account";
import { addCallback, addHold, queueAccount } from "./test-fixtures";

// FIXED_NOW is 2026-11-24T15:00Z: 10:00 in New York (the agent's zone), whose day began at 05:00Z.
const at = (iso: string) => new Date(iso);

describe.each(testDrivers())("My queue and next account (%s)", (driver) => {
  let handle: DatabaseHandle;
  let org: TestOrg;
  let other: TestOrg;
  const ids: Record<string, string> = {};
  const refOf = new Map<string, string>();

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    const db = handle.db;
    org = await createOrg(db, "mq");
    other = await createOrg(db, "mq-other");
    const me = org.users.agent.id;
    const make = async (ref: string, seed: Parameters<typeof queueAccount>[2] = {}) => {
      const account = await queueAccount(db, org, { ref, assigneeId: me, ...seed });
      ids[ref] = account.id;
      refOf.set(account.id, ref);
      return account;
    };

    // Section 1: callbacks due, earliest first, even when contacted today.
    await addCallback(db, org, await make("CB-EARLIER", { priority: 5 }), at("2026-11-23T20:00:00Z"), me);
    const cbDue = await make("CB-DUE", { priority: 10, lastContactAt: at("2026-11-24T14:30:00Z") });
    await addCallback(db, org, cbDue, at("2026-11-24T14:00:00Z"), me);
    await addCallback(db, org, cbDue, at("2026-11-24T14:45:00Z"), me); // a second one: still one row
    // Section 2: broken promises not followed up since, oldest first.
    await make("BROKEN-OLDER", {
      priority: 1,
      promiseStatus: "broken",
      promiseDueOn: "2026-11-10",
      lastContactAt: at("2026-11-05T12:00:00Z"),
    });
    await make("BROKEN", { priority: 50, promiseStatus: "pending", promiseDueOn: "2026-11-20" });
    // Section 3: by priority, ties by id.
    await make("P-HIGH", { priority: 900 });
    await make("P-MID", { priority: 500 });
    await make("P-TIE-1", { priority: 300 });
    await make("P-TIE-2", { priority: 300 });
    await make("P-LOW", { priority: 100 });
    await addHold(db, org, await make("RELEASED-HOLD", { priority: 80 }), "dispute", { released: true });
    // 04:00Z is today in UTC but yesterday (23:00) in New York: not contacted on the agent's today.
    await make("CONTACTED-LOCAL-YESTERDAY", { priority: 70, lastContactAt: at("2026-11-24T04:00:00Z") });
    // The broken promise was followed up (contact after its date): back to priority order.
    await make("BROKEN-FOLLOWED", {
      priority: 60,
      promiseStatus: "pending",
      promiseDueOn: "2026-11-20",
      lastContactAt: at("2026-11-22T12:00:00Z"),
    });
    await make("PROMISE-KEPT", { priority: 40, promiseStatus: "kept", promiseDueOn: "2026-11-01" });
    await addCallback(db, org, await make("CB-DONE", { priority: 30 }), at("2026-11-24T13:00:00Z"), me, "done");

    // Exclusions.
    await addHold(db, org, await make("HELD-ACCOUNT", { priority: 999 }), "dispute");
    await addHold(db, org, await make("HELD-DEBTOR", { priority: 999 }), "cease", { debtorWide: true });
    await addHold(db, org, await make("HELD-MANUAL", { priority: 999 }), "manual");
    const cbHeld = await make("CB-HELD", { priority: 999 });
    await addHold(db, org, cbHeld, "bankruptcy", { debtorWide: true });
    await addCallback(db, org, cbHeld, at("2026-11-24T10:00:00Z"), me);
    await make("CLOSED", { priority: 999, status: "closed" });
    await make("PAID", { priority: 999, status: "paid" });
    await make("IN-PLAN", { priority: 999, status: "in_plan" });
    await make("LEGAL", { priority: 999, status: "legal" });
    await make("DISPUTED", { priority: 999, status: "disputed" });
    await make("CONTACTED-TODAY", { priority: 999, lastContactAt: at("2026-11-24T06:00:00Z") });
    await addCallback(db, org, await make("FUTURE-CALLBACK", { priority: 999 }), at("2026-11-24T20:00:00Z"), me);
    await addCallback(
      db,
      org,
      await make("OTHERS-CALLBACK", { priority: 999 }),
      at("2026-11-24T09:00:00Z"),
      org.users.manager.id,
    );
    await make("AWAITING-PROMISE", { priority: 999, promiseStatus: "pending", promiseDueOn: "2026-11-24" });
    await make("OTHER-AGENT", { priority: 999, assigneeId: org.users.manager.id });
    await make("UNASSIGNED", { priority: 999, assigneeId: null });
    // A callback of mine on an account in another organization cannot reach my queue.
    const foreign = await queueAccount(db, other, { ref: "FOREIGN", assigneeId: other.users.agent.id, priority: 999 });
    await addCallback(db, other, foreign, at("2026-11-24T08:00:00Z"), other.users.agent.id);
  });
  afterAll(() => handle.close());

  const expected = [
    "CB-EARLIER",
    "CB-DUE",
    "BROKEN-OLDER",
    "BROKEN",
    "P-HIGH",
    "P-MID",
    "P-TIE",
    "P-TIE",
    "P-LOW",
    "RELEASED-HOLD",
    "CONTACTED-LOCAL-YESTERDAY",
    "BROKEN-FOLLOWED",
    "PROMISE-KEPT",
    "CB-DONE",
  ];
  const agent = () => staffContext(handle.db, org, "agent");
  const refs = (rows: { id: string }[]) => rows.map((r) => refOf.get(r.id)!.replace(/-[12]$/, ""));

  it("orders callbacks due, then broken promises, then priority, and leaves out what is not due", async () => {
    const queue = await listMyQueue({ ctx: agent(), input: { pageSize: 100 } });
    expect(refs(queue.rows)).toEqual(expected);
    // Equal priorities by id, as the index keeps them.
    const ties = queue.rows.filter((r) => refOf.get(r.id)!.startsWith("P-TIE")).map((r) => r.id);
    expect(ties).toEqual([...ties].sort());
    expect(queue.counts).toEqual({ callback: 2, broken_promise: 2, priority: 10 });
    expect(queue.total).toBe(14);
    expect(queue.timeZone).toBe("America/New_York");
  });

  it("says why each account is there, in the agent's time zone", async () => {
    const queue = await listMyQueue({ ctx: agent(), input: { pageSize: 100 } });
    const reason = (ref: string) => queue.rows.find((r) => r.id === ids[ref])!;
    expect(reason("CB-EARLIER")).toMatchObject({ section: "callback", reason: "Callback due Nov 23, 3:00 PM" });
    expect(reason("CB-DUE")).toMatchObject({ section: "callback", reason: "Callback due 9:00 AM" });
    expect(reason("BROKEN")).toMatchObject({ section: "broken_promise", reason: "Promise broken 11/20" });
    expect(reason("P-HIGH")).toMatchObject({ section: "priority", reason: "Priority 900", externalRef: "P-HIGH" });
    expect(reason("P-HIGH").debtorName).toBe("Dana Doe");

    await handle.db.update(users).set({ timeZone: "America/Los_Angeles" }).where(eq(users.id, org.users.agent.id));
    try {
      const pacific = await listMyQueue({ ctx: agent(), input: { pageSize: 100 } });
      expect(pacific.rows.find((r) => r.id === ids["CB-DUE"])!.reason).toBe("Callback due 6:00 AM");
      // The Pacific day began at 08:00Z: the 06:00Z contact was yesterday there.
      expect(pacific.rows.map((r) => r.id)).toContain(ids["CONTACTED-TODAY"]);
    } finally {
      await handle.db.update(users).set({ timeZone: "America/New_York" }).where(eq(users.id, org.users.agent.id));
    }
  });

  it("pages across the sections", async () => {
    const pages = [];
    for (let page = 1; page <= 2; page++) {
      pages.push(...(await listMyQueue({ ctx: agent(), input: { page, pageSize: 10 } })).rows);
    }
    expect(refs(pages)).toEqual(expected);
    const third = await listMyQueue({ ctx: agent(), input: { page: 1, pageSize: 10 } });
    expect(third.rows).toHaveLength(10);
  });

  it("walks the same order with next, skipping what the agent passed over", async () => {
    const walked: string[] = [];
    let current: string | undefined;
    const skip: string[] = [];
    for (;;) {
      const next = await nextAccount({ ctx: agent(), input: { skip, currentAccountId: current } });
      if (!next) break;
      walked.push(refOf.get(next.accountId)!.replace(/-[12]$/, ""));
      if (current) skip.push(current);
      current = next.accountId;
      if (walked.length > 50) throw new Error("the walk does not end");
    }
    expect(walked).toEqual(expected);

    const first = await nextAccount({ ctx: agent(), input: {} });
    expect(first).toEqual({
      accountId: ids["CB-EARLIER"],
      section: "callback",
      reason: "Callback due Nov 23, 3:00 PM",
    });
    const afterSkip = await nextAccount({ ctx: agent(), input: { skip: [ids["CB-EARLIER"]!, ids["CB-DUE"]!] } });
    expect(afterSkip).toMatchObject({
      accountId: ids["BROKEN-OLDER"],
      section: "broken_promise",
      reason: "Promise broken 11/10",
    });
    const pastPromises = await nextAccount({
      ctx: agent(),
      input: { skip: [ids["CB-EARLIER"]!, ids["CB-DUE"]!, ids["BROKEN-OLDER"]!], currentAccountId: ids["BROKEN"] },
    });
    expect(pastPromises).toEqual({ accountId: ids["P-HIGH"], section: "priority", reason: "Priority 900" });
  });

  it("is empty for an agent with nothing due, and scoped to the organization", async () => {
    expect(await nextAccount({ ctx: staffContext(handle.db, org, "admin"), input: {} })).toBeNull();
    const empty = await listMyQueue({ ctx: staffContext(handle.db, org, "admin"), input: {} });
    expect(empty).toMatchObject({ total: 0, rows: [] });
    const foreign = await listMyQueue({ ctx: staffContext(handle.db, other, "agent"), input: {} });
    expect(foreign.rows.map((r) => r.externalRef)).toEqual(["FOREIGN"]);
    // Another organization's callback assignee cannot be impersonated by id: the scope is ctx.orgId.
    const crossed = {
      ...staffContext(handle.db, org, "agent"),
      actor: { type: "staff" as const, userId: other.users.agent.id, role: "agent" as const },
    };
    await expect(listMyQueue({ ctx: crossed, input: {} })).rejects.toThrow(ForbiddenError);
  });

  it("refuses the auditor and malformed input", async () => {
    await expect(nextAccount({ ctx: staffContext(handle.db, org, "auditor"), input: {} })).rejects.toThrow(
      ForbiddenError,
    );
    await expect(listMyQueue({ ctx: staffContext(handle.db, org, "auditor"), input: {} })).rejects.toThrow(
      ForbiddenError,
    );
    await expect(nextAccount({ ctx: agent(), input: { skip: ["nope"] } })).rejects.toThrow(/Malformed account id/);
    const tooMany = Array.from({ length: 101 }, () => ids["P-LOW"]!);
    await expect(nextAccount({ ctx: agent(), input: { skip: tooMany } })).rejects.toThrow(ValidationError);
  });
});
