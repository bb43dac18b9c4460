import { TRPCError } from "@trpc/server";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents, users } from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createAccount, createOrg, FIXED_NOW, type TestOrg } from "@/db/testing/factories";
import type { Role } from "@/server/lib/permissions";
import { appRouter, createCaller } from "./root";
import { areaCases } from "./security-cases";
import type { Caller, SecurityFixture } from "./security-cases/types";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

describe.each(testDrivers())("API gates and tenancy (%s)", (driver) => {
  let handle: DatabaseHandle;
  let a: TestOrg;
  let b: TestOrg;
  let accountA: SecurityFixture["accountA"];
  let accountB: SecurityFixture["accountB"];
  const areaCalls: Record<string, (c: Caller) => Promise<unknown>> = {};
  const as = (org: TestOrg, role: Role): Caller =>
    createCaller({
      db: handle.db,
      staff: { userId: org.users[role].id, orgId: org.orgId, role, name: role, email: org.users[role].email },
      requestId: `req-${role}`,
      now: () => FIXED_NOW,
    });
  const anonymous = () => createCaller({ db: handle.db, staff: null, requestId: "anon", now: () => FIXED_NOW });

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    a = await createOrg(handle.db, "a");
    b = await createOrg(handle.db, "b");
    accountA = await createAccount(handle.db, a, { ref: "A-1" });
    accountB = await createAccount(handle.db, b, { ref: "B-1" });
    const fx: SecurityFixture = { db: handle.db, a, b, accountA, accountB };
    for (const cases of areaCases) {
      const extra = cases.setup ? await cases.setup(fx) : undefined;
      Object.assign(areaCalls, cases.calls(fx, extra as never));
    }
  });
  afterAll(() => handle.close());

  /** One valid input per procedure, so each gate is tested against a call that would otherwise succeed. */
  const calls = (): Record<string, (c: Caller) => Promise<unknown>> => ({
    "account.list": (c) => c.account.list({}),
    "account.byId": (c) => c.account.byId({ accountId: accountA.id }),
    "account.addNote": (c) => c.account.addNote({ accountId: accountA.id, body: "hello" }),
    "account.changeStatus": (c) =>
      c.account.changeStatus({ accountId: accountA.id, status: "on_hold", expectedVersion: 1, reason: "gate test" }),
    "account.assign": (c) => c.account.assign({ accountIds: [accountA.id], assigneeId: null }),
    "audit.list": (c) => c.audit.list({}),
    "dashboard.summary": (c) => c.dashboard.summary(),
    "dashboard.creditors": (c) => c.dashboard.creditors(),
    "user.me": (c) => c.user.me(),
    "user.list": (c) => c.user.list(),
    "user.create": (c) =>
      c.user.create({ email: "new@a.test", name: "New", role: "agent", password: "long-enough-password" }),
    "user.setRole": (c) => c.user.setRole({ userId: a.users.agent.id, role: "manager" }),
    "user.setActive": (c) => c.user.setActive({ userId: a.users.agent.id, active: false }),
    ...areaCalls,
  });

  it("covers every procedure of the router", () => {
    expect(Object.keys(calls()).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  it("rejects every procedure without a session (UNAUTHORIZED)", async () => {
    for (const [name, call] of Object.entries(calls())) {
      expect(await codeOf(call(anonymous())), name).toBe("UNAUTHORIZED");
    }
  });

  it("lets the auditor read but never mutate, and writes nothing when refusing", async () => {
    const [before] = await handle.db.select({ n: count() }).from(auditEvents);
    const mutations = Object.entries(appRouter._def.procedures).filter(
      ([, p]) => (p as unknown as { _def: { type: string } })._def.type === "mutation",
    );
    expect(mutations.length).toBeGreaterThanOrEqual(5);
    for (const [name] of mutations) {
      expect(await codeOf(calls()[name]!(as(a, "auditor"))), name).toBe("FORBIDDEN");
    }
    expect(await codeOf(as(a, "auditor").audit.list({}))).toBe("OK");
    expect(await codeOf(as(a, "auditor").account.list({}))).toBe("OK");
    const [after] = await handle.db.select({ n: count() }).from(auditEvents);
    expect(after!.n).toBe(before!.n);
  });

  it("gives an agent FORBIDDEN on user administration and the audit log", async () => {
    const agent = as(a, "agent");
    for (const name of ["user.list", "user.create", "user.setRole", "user.setActive", "audit.list", "account.assign"]) {
      expect(await codeOf(calls()[name]!(agent)), name).toBe("FORBIDDEN");
    }
    const [agentRow] = await handle.db.select().from(users).where(eq(users.id, a.users.agent.id));
    expect(agentRow!.active).toBe(true);
  });

  it("answers NOT_FOUND for another organization's account and user, by id", async () => {
    const admin = as(a, "admin");
    expect(await codeOf(admin.account.byId({ accountId: accountB.id }))).toBe("NOT_FOUND");
    expect(await codeOf(admin.account.addNote({ accountId: accountB.id, body: "x" }))).toBe("NOT_FOUND");
    expect(
      await codeOf(
        admin.account.changeStatus({ accountId: accountB.id, status: "on_hold", expectedVersion: 1, reason: "cross" }),
      ),
    ).toBe("NOT_FOUND");
    expect(await codeOf(admin.account.assign({ accountIds: [accountA.id, accountB.id], assigneeId: null }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(admin.user.setRole({ userId: b.users.agent.id, role: "manager" }))).toBe("NOT_FOUND");
    const list = await admin.account.list({});
    expect(list.rows.map((r) => r.externalRef)).toEqual(["A-1"]);
    expect((await admin.user.list()).every((u) => u.email.endsWith("@a.test"))).toBe(true);
  });

  it("rejects malformed ids and unknown values with specific messages", async () => {
    const admin = as(a, "admin");
    await expect(admin.account.byId({ accountId: "not-a-uuid" })).rejects.toThrow(/Malformed account id/);
    await expect(admin.user.setRole({ userId: a.users.agent.id, role: "owner" as never })).rejects.toThrow(
      /Unknown role "owner"/,
    );
    await expect(
      admin.user.create({ email: "nope", name: "", role: "agent", password: "short" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("hides internal errors behind a generic message", async () => {
    const broken = createCaller({
      db: {
        select: () => {
          throw new Error("secret internal detail");
        },
      } as never,
      staff: { userId: a.users.admin.id, orgId: a.orgId, role: "admin", name: "x", email: "x" },
      requestId: "req-broken",
      now: () => FIXED_NOW,
    });
    const error = await broken.user.list().catch((e: unknown) => e as TRPCError);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("INTERNAL_SERVER_ERROR");
    expect((error as TRPCError).message).toBe("Something went wrong (request req-broken)");
  });
});
