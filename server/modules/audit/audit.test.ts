import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents } from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createAccount, createOrg, staffContext, type TestOrg } from "@/db/testing/factories";
import { addNote } from "@/server/modules/accounts/add-note";
import { assignAccounts } from "@/server/modules/accounts/assign-accounts";
import { changeStatus } from "@/server/modules/accounts/change-status";
import { createUser } from "@/server/modules/users/create-user";
import { setUserActive } from "@/server/modules/users/set-user-active";
import { setUserRole } from "@/server/modules/users/set-user-role";
import { canonicalJson, GENESIS_HASH, hashEvent } from "./chain";
import { verifyAuditChains } from "./verify";

describe("canonical content", () => {
  it("does not depend on key order and distinguishes values", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
    const base = {
      orgId: "o",
      actorType: "staff",
      actorId: "u",
      action: "x",
      entityType: "e",
      entityId: "1",
      before: null,
      after: { n: 1 },
      requestId: "r",
      occurredAt: new Date("2026-01-01T00:00:00Z"),
    };
    expect(hashEvent(GENESIS_HASH, base)).not.toBe(hashEvent(GENESIS_HASH, { ...base, after: { n: 2 } }));
    expect(hashEvent(GENESIS_HASH, base)).not.toBe(hashEvent("f".repeat(64), base));
  });
});

describe.each(testDrivers())("audit chain (%s)", (driver) => {
  let handle: DatabaseHandle;
  let org: TestOrg;
  let other: TestOrg;

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    org = await createOrg(handle.db, "audit");
    other = await createOrg(handle.db, "other");
  });
  afterAll(() => handle.close());

  const eventsOf = async (orgId: string) =>
    (await handle.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.orgId, orgId)))[0]!.n;

  it("every mutating verb writes exactly one event with its action, actor and request id", async () => {
    const admin = staffContext(handle.db, org, "admin");
    const account = await createAccount(handle.db, org);
    const cases: [string, () => Promise<unknown>][] = [
      [
        "user.created",
        () =>
          createUser({
            ctx: admin,
            input: { email: "x@audit.test", name: "X", role: "agent", password: "long-enough-pass" },
          }),
      ],
      ["user.role_changed", () => setUserRole({ ctx: admin, input: { userId: org.users.agent.id, role: "manager" } })],
      ["user.deactivated", () => setUserActive({ ctx: admin, input: { userId: org.users.agent.id, active: false } })],
      ["user.reactivated", () => setUserActive({ ctx: admin, input: { userId: org.users.agent.id, active: true } })],
      [
        "account.note_added",
        () => addNote({ ctx: admin, input: { accountId: account.id, body: "Called, no answer" } }),
      ],
      [
        "account.status_changed",
        () =>
          changeStatus({
            ctx: admin,
            input: { accountId: account.id, status: "on_hold", expectedVersion: 1, reason: "review" },
          }),
      ],
      [
        "account.bulk_assigned",
        () => assignAccounts({ ctx: admin, input: { accountIds: [account.id], assigneeId: org.users.manager.id } }),
      ],
    ];
    for (const [action, run] of cases) {
      const before = await eventsOf(org.orgId);
      await run();
      expect(await eventsOf(org.orgId), action).toBe(before + 1);
      const [last] = await handle.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.orgId, org.orgId))
        .orderBy(sql`seq desc`)
        .limit(1);
      expect(last).toMatchObject({
        action,
        actorType: "staff",
        actorId: org.users.admin.id,
        requestId: admin.requestId,
      });
    }
  });

  it("a failed mutation writes no event (same transaction)", async () => {
    const before = await eventsOf(org.orgId);
    await expect(
      createUser({
        ctx: staffContext(handle.db, org, "admin"),
        input: { email: "x@audit.test", name: "Dup", role: "agent", password: "long-enough-pass" },
      }),
    ).rejects.toThrow(/already exists/);
    expect(await eventsOf(org.orgId)).toBe(before);
  });

  it("the table refuses UPDATE, DELETE and TRUNCATE", async () => {
    await expect(handle.db.execute(sql`update audit_events set action = 'x'`)).rejects.toThrow();
    await expect(handle.db.execute(sql`delete from audit_events`)).rejects.toThrow();
    await expect(handle.db.execute(sql`truncate audit_events`)).rejects.toThrow();
  });

  it("stays valid under 20 parallel mutations, and a bulk action writes one summarising event", async () => {
    const accounts = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createAccount(handle.db, org, { ref: `PAR-${i}` })),
    );
    const before = await eventsOf(org.orgId);
    await Promise.all(
      accounts.map((a, i) =>
        addNote({
          ctx: staffContext(handle.db, org, i % 2 ? "agent" : "manager"),
          input: { accountId: a.id, body: `note ${i}` },
        }),
      ),
    );
    expect(await eventsOf(org.orgId)).toBe(before + 20);
    await assignAccounts({
      ctx: staffContext(handle.db, org, "manager"),
      input: { accountIds: accounts.map((a) => a.id), assigneeId: org.users.manager.id },
    });
    expect(await eventsOf(org.orgId)).toBe(before + 21);
    const reports = await verifyAuditChains(handle.db, [org.orgId, other.orgId]);
    expect(reports[0]).toMatchObject({ orgId: org.orgId, broken: null });
    expect(reports[0]!.events).toBe(await eventsOf(org.orgId));
  });

  it("audit:verify names the first event altered directly in SQL with triggers bypassed", async () => {
    const rows = await handle.db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .where(eq(auditEvents.orgId, org.orgId))
      .orderBy(auditEvents.seq);
    const victim = rows[3]!.seq;
    // A superuser can switch triggers off for its session; the chain is what still tells.
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update audit_events set after = '{"tampered": true}'::jsonb where seq = ${victim}`);
    });
    const [report] = await verifyAuditChains(handle.db, [org.orgId]);
    expect(report!.broken).toMatchObject({ seq: victim });
    expect(report!.broken!.reason).toMatch(/altered/);
    expect(report!.events).toBe(3);
    // Another organization's chain is unaffected.
    const [untouched] = await verifyAuditChains(handle.db, [other.orgId]);
    expect(untouched!.broken).toBeNull();
  });

  it("audit:verify detects a deleted event", async () => {
    const third = await createOrg(handle.db, "third");
    const ctx = staffContext(handle.db, third, "admin");
    const account = await createAccount(handle.db, third);
    for (let i = 0; i < 3; i++) await addNote({ ctx, input: { accountId: account.id, body: `n${i}` } });
    const rows = await handle.db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .where(eq(auditEvents.orgId, third.orgId))
      .orderBy(auditEvents.seq);
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`delete from audit_events where seq = ${rows[1]!.seq}`);
    });
    const [report] = await verifyAuditChains(handle.db, [third.orgId]);
    expect(report!.broken).toMatchObject({ seq: rows[2]!.seq });
    expect(report!.broken!.reason).toMatch(/removed/);
  });
});
