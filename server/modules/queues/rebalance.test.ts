import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { accounts, auditEvents, debtors, users } from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createOrg, staffContext, type TestOrg } from "@/db/testing/factories";
import { ConflictError, ForbiddenError, NotFoundError, PreconditionError, ValidationError } from "@/server/lib/errors";
import { previewRebalance } from "./preview-rebalance";
import type { RebalanceInput } from "./queues.schemas";
import { rebalanceAccounts } from "./rebalance-accounts";
import { queueAccount } from "./test-fixtures";

describe.each(testDrivers())("rebalance (%s)", (driver) => {
  let handle: DatabaseHandle;
  let org: TestOrg;
  let other: TestOrg;
  let agent2: string;
  let leaver: string;
  const byRef: Record<string, string> = {};

  const addUser = async (o: TestOrg, name: string, role: "agent" | "manager", active = true) => {
    const [u] = await handle.db
      .insert(users)
      .values({ orgId: o.orgId, email: `${name}@${o.orgId.slice(0, 8)}.test`, name, role, passwordHash: "x", active })
      .returning();
    return u!.id;
  };

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    org = await createOrg(handle.db, "rb");
    other = await createOrg(handle.db, "rb-other");
    agent2 = await addUser(org, "Beth Agent", "agent");
    leaver = await addUser(org, "Lee Leaver", "agent", false);
    // Unassigned: [ref, balance, priority, state]
    const specs = [
      ["U1", 50_000, 900, "TX"],
      ["U2", 10_000, 800, "TX"],
      ["U3", 40_000, 700, "CA"],
      ["U4", 30_000, 600, "TX"],
      ["U5", 20_000, 500, "CA"],
    ] as const;
    for (const [ref, balance, priority, state] of specs)
      byRef[ref] = (await queueAccount(handle.db, org, { ref, principalMinor: balance, priority, state })).id;
    // The leaver's portfolio.
    for (const [ref, balance, state] of [
      ["L1", 70_000, "TX"],
      ["L2", 60_000, "CA"],
      ["L3", 5_000, "TX"],
    ] as const)
      byRef[ref] = (await queueAccount(handle.db, org, { ref, principalMinor: balance, state, assigneeId: leaver })).id;
    await queueAccount(handle.db, other, { ref: "FOREIGN", principalMinor: 99_000 });
  });
  afterAll(() => handle.close());

  const manager = () => staffContext(handle.db, org, "manager");
  const owners = async (refs: string[]) =>
    Object.fromEntries(
      (
        await handle.db
          .select({ ref: accounts.externalRef, assigneeId: accounts.assigneeId })
          .from(accounts)
          .where(
            inArray(
              accounts.id,
              refs.map((r) => byRef[r]!),
            ),
          )
      ).map((r) => [r.ref, r.assigneeId]),
    );

  it("previews and applies a round-robin auto-assignment in priority order, with one audit event", async () => {
    const me = org.users.agent.id;
    const input: RebalanceInput = { kind: "auto_assign", method: "round_robin", targetIds: [me, agent2] };
    const preview = await previewRebalance({ ctx: manager(), input });
    expect(preview).toEqual({
      total: 5,
      perAgent: [
        { userId: me, name: "Agent rb", count: 3, balanceMinor: 50_000 + 40_000 + 20_000 },
        { userId: agent2, name: "Beth Agent", count: 2, balanceMinor: 10_000 + 30_000 },
      ],
    });
    const [beforeRow] = await handle.db.select().from(accounts).where(eq(accounts.id, byRef.U1!));
    const result = await rebalanceAccounts({ ctx: manager(), input: { ...input, expectedCount: 5 } });
    expect(result).toEqual(preview);
    expect(await owners(["U1", "U2", "U3", "U4", "U5"])).toEqual({ U1: me, U2: agent2, U3: me, U4: agent2, U5: me });
    const [afterRow] = await handle.db.select().from(accounts).where(eq(accounts.id, byRef.U1!));
    expect(afterRow!.version).toBe(beforeRow!.version + 1);

    const events = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.orgId), eq(auditEvents.action, "account.auto_assigned")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      entityType: "account",
      entityId: null,
      before: { assigneeId: null },
      after: {
        method: "round_robin",
        count: 5,
        perAgent: [
          { userId: me, count: 3 },
          { userId: agent2, count: 2 },
        ],
        // Agent by agent, in perAgent order.
        accountIds: [byRef.U1, byRef.U3, byRef.U5, byRef.U2, byRef.U4],
      },
    });
    // Nothing unassigned is left to deal.
    await expect(rebalanceAccounts({ ctx: manager(), input })).rejects.toThrow(
      new PreconditionError("No accounts match; nothing was assigned"),
    );
  });

  it("reassigns a leaver's accounts by balance so totals end up even, optionally filtered", async () => {
    const me = org.users.agent.id;
    const base = { kind: "reassign" as const, fromUserId: leaver, method: "balance" as const };
    // Only the Texas part first: L1 (70,000) to the first target, L3 (5,000) to the one with less.
    const texas = await rebalanceAccounts({
      ctx: manager(),
      input: { ...base, targetIds: [agent2, me], filters: { state: "TX" } },
    });
    expect(texas.perAgent.map((p) => [p.userId, p.count, p.balanceMinor])).toEqual([
      [agent2, 1, 70_000],
      [me, 1, 5_000],
    ]);
    expect(await owners(["L1", "L2", "L3"])).toEqual({ L1: agent2, L2: leaver, L3: me });
    const rest = await rebalanceAccounts({ ctx: manager(), input: { ...base, targetIds: [me] } });
    expect(rest.total).toBe(1);
    expect(await owners(["L2"])).toEqual({ L2: me });
    const [event] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.orgId), eq(auditEvents.action, "account.reassigned")))
      .limit(1);
    expect(event).toMatchObject({
      before: { assigneeId: leaver },
      after: { accountIds: [byRef.L1, byRef.L3], filters: { state: "TX" } },
    });
  });

  it("deals by balance exactly and deterministically", async () => {
    const o = await createOrg(handle.db, "rb-balance");
    const a = await addUser(o, "A", "agent");
    const b = await addUser(o, "B", "agent");
    const c = await addUser(o, "C", "agent");
    for (const [i, balance] of [90, 80, 70, 60, 50, 40, 30, 20, 10].entries())
      await queueAccount(handle.db, o, { ref: `B${i}`, principalMinor: balance * 1_000 });
    const ctx = staffContext(handle.db, o, "manager");
    const input: RebalanceInput = { kind: "auto_assign", method: "balance", targetIds: [a, b, c] };
    const first = await previewRebalance({ ctx, input });
    // 90→A, 80→B, 70→C, 60→C(130), 50→B(130), 40→A(130), 30→A(160), 20→B(150), 10→C(140)
    expect(first.perAgent.map((p) => [p.name, p.count, p.balanceMinor])).toEqual([
      ["A", 3, 160_000],
      ["B", 3, 150_000],
      ["C", 3, 140_000],
    ]);
    expect(await previewRebalance({ ctx, input })).toEqual(first);
    const limited = await previewRebalance({ ctx, input: { ...input, limit: 2 } });
    expect(limited.perAgent.map((p) => p.balanceMinor)).toEqual([90_000, 80_000, 0]);
  });

  it("refuses deactivated users, auditors, other organizations' users, and the source as a target", async () => {
    const auto = (targetIds: string[]): RebalanceInput => ({ kind: "auto_assign", method: "round_robin", targetIds });
    await queueAccount(handle.db, org, { ref: "SPARE" });
    await expect(previewRebalance({ ctx: manager(), input: auto([leaver]) })).rejects.toThrow(
      new PreconditionError("Lee Leaver is deactivated; accounts cannot be assigned to them"),
    );
    await expect(rebalanceAccounts({ ctx: manager(), input: auto([org.users.auditor.id]) })).rejects.toThrow(
      /is an auditor; auditors cannot be assigned accounts/,
    );
    await expect(rebalanceAccounts({ ctx: manager(), input: auto([other.users.agent.id]) })).rejects.toThrow(
      NotFoundError,
    );
    await expect(
      rebalanceAccounts({
        ctx: manager(),
        input: { kind: "reassign", fromUserId: other.users.agent.id, method: "round_robin", targetIds: [agent2] },
      }),
    ).rejects.toThrow(NotFoundError);
    await expect(
      rebalanceAccounts({
        ctx: manager(),
        input: { kind: "reassign", fromUserId: agent2, method: "round_robin", targetIds: [agent2] },
      }),
    ).rejects.toThrow(ValidationError);
    await expect(previewRebalance({ ctx: manager(), input: auto([]) })).rejects.toThrow(/Choose at least one agent/);
    for (const role of ["agent", "auditor"] as const)
      await expect(
        rebalanceAccounts({ ctx: staffContext(handle.db, org, role), input: auto([agent2]) }),
      ).rejects.toThrow(ForbiddenError);
    // A preview that no longer matches refuses and moves nothing.
    await expect(rebalanceAccounts({ ctx: manager(), input: { ...auto([agent2]), expectedCount: 7 } })).rejects.toThrow(
      ConflictError,
    );
    const [spare] = await handle.db.select().from(accounts).where(eq(accounts.externalRef, "SPARE"));
    expect(spare!.assigneeId).toBeNull();
    const [foreign] = await handle.db.select().from(accounts).where(eq(accounts.orgId, other.orgId));
    expect(foreign!.assigneeId).toBeNull();
  });

  it("caps one operation at 50,000 accounts with a clear message", async () => {
    const big = await createOrg(handle.db, "rb-big");
    const [debtor] = await handle.db
      .insert(debtors)
      .values({ orgId: big.orgId, firstName: "Bulk", lastName: "Debtor" })
      .returning();
    await handle.db.execute(sql`
      insert into accounts (org_id, creditor_id, debtor_id, external_ref, principal_minor)
      select ${big.orgId}::uuid, ${big.creditorId}::uuid, ${debtor!.id}::uuid, 'BULK-' || g, 100 from generate_series(1, 50001) g`);
    const ctx = staffContext(handle.db, big, "manager");
    const input: RebalanceInput = { kind: "auto_assign", method: "round_robin", targetIds: [big.users.agent.id] };
    await expect(previewRebalance({ ctx, input })).rejects.toThrow(
      "More than 50,000 accounts match; one operation moves at most 50,000. Narrow the filters or set a limit, and run it again for the rest.",
    );
    await expect(previewRebalance({ ctx, input: { ...input, limit: 50_001 } })).rejects.toThrow(
      /One operation moves at most 50,000 accounts/,
    );
    expect((await previewRebalance({ ctx, input: { ...input, limit: 50_000 } })).total).toBe(50_000);
  }, 120_000);
});
