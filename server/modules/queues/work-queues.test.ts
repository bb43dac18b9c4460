import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents, workQueues } from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createOrg, staffContext, type TestOrg } from "@/db/testing/factories";
import { ConflictError, ForbiddenError, NotFoundError, PreconditionError, ValidationError } from "@/server/lib/errors";
import { createQueue } from "./create-queue";
import { getQueue } from "./get-queue";
import { listQueueAccounts } from "./list-queue-accounts";
import { listQueues } from "./list-queues";
import { nextAccount } from "./next-account";
import { addCallback, queueAccount } from "./test-fixtures";
import { updateQueue } from "./update-queue";

describe.each(testDrivers())("work queues (%s)", (driver) => {
  let handle: DatabaseHandle;
  let org: TestOrg;
  let other: TestOrg;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    org = await createOrg(handle.db, "wq");
    other = await createOrg(handle.db, "wq-other");
    const me = org.users.agent.id;
    const make = async (ref: string, seed: Parameters<typeof queueAccount>[2]) => {
      const a = await queueAccount(handle.db, org, { ref, ...seed });
      ids[ref] = a.id;
      return a;
    };
    await make("TX-MINE-SMALL", { state: "TX", principalMinor: 10_000, assigneeId: me, priority: 900 });
    await make("TX-FREE-BIG", { state: "TX", principalMinor: 90_000, assigneeId: null, priority: 100 });
    await make("TX-MINE-MID", { state: "TX", principalMinor: 50_000, assigneeId: me, priority: 500 });
    await make("TX-OTHERS", { state: "TX", principalMinor: 99_000, assigneeId: org.users.manager.id, priority: 999 });
    await make("TX-CLOSED", { state: "TX", principalMinor: 80_000, assigneeId: null, status: "closed" });
    await make("TX-BROKEN", {
      state: "TX",
      principalMinor: 1_000,
      assigneeId: null,
      promiseStatus: "pending",
      promiseDueOn: "2026-11-01",
    });
    await addCallback(
      handle.db,
      org,
      await make("TX-CALLBACK", { state: "TX", principalMinor: 2_000, assigneeId: me }),
      new Date("2026-11-24T12:00:00Z"),
      me,
    );
    await make("CA-MINE", { state: "CA", principalMinor: 70_000, assigneeId: me, priority: 950 });
    await queueAccount(handle.db, other, { ref: "OTHER-TX", state: "TX", principalMinor: 95_000 });
  });
  afterAll(() => handle.close());

  const admin = () => staffContext(handle.db, org, "admin");
  const agent = () => staffContext(handle.db, org, "agent");

  it("creates a queue with validated filters and an ordering, and audits it", async () => {
    const queue = await createQueue({
      ctx: admin(),
      input: {
        name: "  Texas by balance ",
        description: "TX accounts",
        filters: { state: "tx" },
        sort: "balance",
        dir: "desc",
      },
    });
    expect(queue).toMatchObject({
      name: "Texas by balance",
      description: "TX accounts",
      active: true,
      version: 1,
      definition: { state: "TX", sort: "balance", dir: "desc" },
      invalidReason: null,
    });
    const [stored] = await handle.db.select().from(workQueues).where(eq(workQueues.id, queue.id));
    expect(stored!.filters).toEqual({ state: "TX", sort: "balance", dir: "desc" });
    const [event] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "queue.created"), eq(auditEvents.entityId, queue.id)));
    expect(event!.after).toMatchObject({ name: "Texas by balance", filters: { state: "TX" } });
    ids.queue = queue.id;
  });

  it("refuses a duplicate name (any case), bad filters and non-admins", async () => {
    await expect(createQueue({ ctx: admin(), input: { name: "TEXAS BY BALANCE" } })).rejects.toThrow(
      new ConflictError('A queue named "TEXAS BY BALANCE" already exists; choose another name'),
    );
    await expect(createQueue({ ctx: admin(), input: { name: "Bad", filters: { state: "Texas" } } })).rejects.toThrow(
      /State must be a two-letter code/,
    );
    await expect(createQueue({ ctx: admin(), input: { name: "Bad", sort: "colour" as never } })).rejects.toThrow(
      /Unknown ordering "colour"/,
    );
    await expect(createQueue({ ctx: admin(), input: { name: "   " } })).rejects.toThrow(/Give the queue a name/);
    await expect(
      createQueue({ ctx: admin(), input: { name: "Bad range", filters: { minBalance: 5_000, maxBalance: 100 } } }),
    ).rejects.toThrow(/Balance: the minimum \(5,000\) is above the maximum \(100\)/);
    for (const role of ["manager", "agent", "auditor"] as const)
      await expect(createQueue({ ctx: staffContext(handle.db, org, role), input: { name: "Mine" } })).rejects.toThrow(
        ForbiddenError,
      );
    // The same name in another organization is fine.
    await expect(
      createQueue({ ctx: staffContext(handle.db, other, "admin"), input: { name: "Texas by balance" } }),
    ).resolves.toMatchObject({
      name: "Texas by balance",
    });
  });

  it("lists a queue's accounts with the list's filters and the queue's ordering", async () => {
    const page = await listQueueAccounts({ ctx: agent(), input: { queueId: ids.queue! } });
    expect(page.rows.map((r) => r.externalRef)).toEqual([
      "TX-OTHERS",
      "TX-FREE-BIG",
      "TX-CLOSED",
      "TX-MINE-MID",
      "TX-MINE-SMALL",
      "TX-CALLBACK",
      "TX-BROKEN",
    ]);
    expect(page.total).toBe(7);
    expect(page.rows[0]!.assigneeName).toMatch(/^Manager/);
  });

  it("walks a queue: callbacks, broken promises, then its ordering, over my and unassigned accounts", async () => {
    const walked: string[] = [];
    const skip: string[] = [];
    for (let next = await nextAccount({ ctx: agent(), input: { queueId: ids.queue } }); next;) {
      walked.push(Object.entries(ids).find(([, id]) => id === next!.accountId)![0]);
      skip.push(next.accountId);
      next = await nextAccount({ ctx: agent(), input: { queueId: ids.queue, skip } });
    }
    // Not TX-OTHERS (someone else's), TX-CLOSED (not workable), CA-MINE (outside the filters).
    expect(walked).toEqual(["TX-CALLBACK", "TX-BROKEN", "TX-FREE-BIG", "TX-MINE-MID", "TX-MINE-SMALL"]);
    const first = await nextAccount({ ctx: agent(), input: { queueId: ids.queue, skip: skip.slice(0, 2) } });
    expect(first).toEqual({ accountId: ids["TX-FREE-BIG"], section: "priority", reason: "Next in Texas by balance" });
  });

  it("updates with optimistic concurrency, deactivates, and audits each change", async () => {
    const renamed = await updateQueue({
      ctx: admin(),
      input: { queueId: ids.queue!, expectedVersion: 1, name: "Texas", filters: { state: "TX", minBalance: 50_000 } },
    });
    expect(renamed).toMatchObject({
      name: "Texas",
      version: 2,
      definition: { state: "TX", minBalance: 50_000, sort: "balance" },
    });
    await expect(
      updateQueue({ ctx: admin(), input: { queueId: ids.queue!, expectedVersion: 1, name: "Stale" } }),
    ).rejects.toThrow(new ConflictError('Queue "Texas" changed since you opened it; reload and try again'));
    const [dup] = await handle.db
      .insert(workQueues)
      .values({ orgId: org.orgId, name: "Other", filters: {} })
      .returning();
    await expect(
      updateQueue({ ctx: admin(), input: { queueId: dup!.id, expectedVersion: 1, name: "texas" } }),
    ).rejects.toThrow(/A queue named "texas" already exists/);
    const off = await updateQueue({ ctx: admin(), input: { queueId: ids.queue!, expectedVersion: 2, active: false } });
    expect(off).toMatchObject({ active: false, version: 3 });
    const actions = (
      await handle.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.entityId, ids.queue!))
    ).map((e) => e.action);
    expect(actions).toEqual(["queue.created", "queue.updated", "queue.deactivated"]);

    expect((await listQueues({ ctx: agent() })).map((q) => q.name)).toEqual(["Other"]);
    expect((await listQueues({ ctx: agent(), input: { includeInactive: true } })).map((q) => q.name)).toEqual([
      "Other",
    ]);
    expect((await listQueues({ ctx: admin(), input: { includeInactive: true } })).map((q) => q.name)).toEqual([
      "Other",
      "Texas",
    ]);
    await expect(nextAccount({ ctx: agent(), input: { queueId: ids.queue } })).rejects.toThrow(
      new PreconditionError('Queue "Texas" is inactive'),
    );
    await expect(
      updateQueue({
        ctx: staffContext(handle.db, org, "manager"),
        input: { queueId: ids.queue!, expectedVersion: 3, active: true },
      }),
    ).rejects.toThrow(ForbiddenError);
  });

  it("re-validates stored filters when read, and refuses to open an invalid queue until it is edited", async () => {
    const [broken] = await handle.db
      .insert(workQueues)
      .values({ orgId: org.orgId, name: "Old shape", filters: { colour: "red", sort: "priority", dir: "desc" } })
      .returning();
    const view = await getQueue({ ctx: agent(), input: { queueId: broken!.id } });
    expect(view.definition).toBeNull();
    expect(view.invalidReason).toMatch(/The filters of queue "Old shape" are no longer valid/);
    await expect(listQueueAccounts({ ctx: agent(), input: { queueId: broken!.id } })).rejects.toThrow(
      PreconditionError,
    );
    await expect(nextAccount({ ctx: agent(), input: { queueId: broken!.id } })).rejects.toThrow(/no longer valid/);
    await expect(
      updateQueue({ ctx: admin(), input: { queueId: broken!.id, expectedVersion: 1, name: "Still old" } }),
    ).rejects.toThrow(ValidationError);
    const fixed = await updateQueue({
      ctx: admin(),
      input: { queueId: broken!.id, expectedVersion: 1, filters: { state: "CA" } },
    });
    expect(fixed.definition).toEqual({ state: "CA", sort: "priority", dir: "desc" });
  });

  it("searches within a queue with the list's own search (settings applied)", async () => {
    await queueAccount(handle.db, org, { ref: "SEARCH-ME", lastName: "Okonkwo", assigneeId: org.users.agent.id });
    const queue = await createQueue({ ctx: admin(), input: { name: "Okonkwo", filters: { q: "okonkwo" } } });
    const page = await listQueueAccounts({ ctx: agent(), input: { queueId: queue.id } });
    expect(page.rows.map((r) => r.externalRef)).toEqual(["SEARCH-ME"]);
    // A typo still finds the name (trigram similarity, which needs the list's threshold setting).
    const typo = await createQueue({ ctx: admin(), input: { name: "Typo", filters: { q: "okonkow" } } });
    expect(
      (await listQueueAccounts({ ctx: agent(), input: { queueId: typo.id } })).rows.map((r) => r.externalRef),
    ).toEqual(["SEARCH-ME"]);
    expect(await nextAccount({ ctx: agent(), input: { queueId: queue.id } })).toMatchObject({
      accountId: page.rows[0]!.id,
    });
  });

  it("keeps queues inside their organization", async () => {
    const foreign = await createQueue({ ctx: staffContext(handle.db, other, "admin"), input: { name: "Foreign" } });
    await expect(getQueue({ ctx: agent(), input: { queueId: foreign.id } })).rejects.toThrow(NotFoundError);
    await expect(listQueueAccounts({ ctx: agent(), input: { queueId: foreign.id } })).rejects.toThrow(NotFoundError);
    await expect(nextAccount({ ctx: agent(), input: { queueId: foreign.id } })).rejects.toThrow(NotFoundError);
    await expect(
      updateQueue({ ctx: admin(), input: { queueId: foreign.id, expectedVersion: 1, name: "Taken" } }),
    ).rejects.toThrow(NotFoundError);
    expect((await listQueues({ ctx: admin(), input: { includeInactive: true } })).map((q) => q.name)).not.toContain(
      "Foreign",
    );
    const page = await listQueueAccounts({
      ctx: staffContext(handle.db, other, "agent"),
      input: { queueId: foreign.id },
    });
    expect(page.rows.map((r) => r.externalRef)).toEqual(["OTHER-TX"]);
  });
});
