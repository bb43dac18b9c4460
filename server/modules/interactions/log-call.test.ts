import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "@/db";
import { accounts, auditEvents, contactPoints, interactions, promises, tasks } from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createAccount, createOrg, FIXED_NOW, staffContext, type TestOrg } from "@/db/testing/factories";
import { ConflictError, ForbiddenError, NotFoundError, PreconditionError, ValidationError } from "@/server/lib/errors";
import { changeStatus } from "@/server/modules/accounts/change-status";
import type { LogCallInput } from "./interactions.schemas";
import { logCall } from "./log-call";

type Account = typeof accounts.$inferSelect;

/** A second debt of the same person. */
async function addDebt(db: Database, org: TestOrg, debtorId: string, ref: string, principalMinor = 20_000) {
  const [row] = await db
    .insert(accounts)
    .values({
      orgId: org.orgId,
      creditorId: org.creditorId,
      debtorId,
      externalRef: ref,
      principalMinor,
      originalBalanceMinor: principalMinor,
      dueOn: "2026-08-01",
    })
    .returning();
  return row!;
}

describe.each(testDrivers())("log a call (%s)", (driver) => {
  let handle: DatabaseHandle;
  let org: TestOrg;
  let other: TestOrg;
  let main: Account;
  let second: Account;
  let strangersDebt: Account;
  let foreignDebt: Account;
  let phoneId: string;
  let strangersPhoneId: string;

  const agent = () => staffContext(handle.db, org, "agent");
  const fresh = async (id: string) => (await handle.db.select().from(accounts).where(eq(accounts.id, id)))[0]!;
  const countOf = async (table: typeof interactions | typeof promises | typeof tasks) =>
    (await handle.db.select({ n: count() }).from(table).where(eq(table.orgId, org.orgId)))[0]!.n;
  const auditCount = async () =>
    (await handle.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.orgId, org.orgId)))[0]!.n;
  const base = (): LogCallInput => ({
    accountId: main.id,
    direction: "outbound",
    contactPointId: phoneId,
    personReached: "none",
    outcome: "no_answer",
    conversation: false,
    durationSeconds: 0,
  });

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    org = await createOrg(handle.db, "call");
    other = await createOrg(handle.db, "call-other");
    strangersDebt = await createAccount(handle.db, org, { ref: "STRANGER", lastName: "Stranger" });
    foreignDebt = await createAccount(handle.db, other, { ref: "FOREIGN" });
    const [strangersPhone] = await handle.db
      .select({ id: contactPoints.id })
      .from(contactPoints)
      .where(eq(contactPoints.debtorId, strangersDebt.debtorId));
    strangersPhoneId = strangersPhone!.id;
  });
  afterAll(() => handle.close());

  // Every test starts from a fresh debtor with two debts, so side effects never leak between tests.
  beforeEach(async () => {
    main = await createAccount(handle.db, org, { principalMinor: 30_000 });
    second = await addDebt(handle.db, org, main.debtorId, `SECOND-${main.id.slice(0, 6)}`);
    const [cp] = await handle.db
      .select({ id: contactPoints.id })
      .from(contactPoints)
      .where(eq(contactPoints.debtorId, main.debtorId));
    phoneId = cp!.id;
  });

  it("refuses contradictory facts with a message for each", async () => {
    const before = await countOf(interactions);
    const cases: [Partial<LogCallInput>, RegExp][] = [
      [{ outcome: "no_answer", conversation: true }, /“no answer” cannot have a conversation/],
      [{ outcome: "busy", personReached: "debtor" }, /Nobody is reached on a call with outcome “busy”/],
      [{ outcome: "disconnected", conversation: true }, /“disconnected” cannot have a conversation/],
      [
        { outcome: "right_party_contact", personReached: "third_party", conversation: true },
        /means the debtor was reached/,
      ],
      [{ outcome: "right_party_contact", personReached: "debtor", conversation: false }, /needs a conversation/],
      [{ outcome: "promise_taken", personReached: "debtor", conversation: true }, /Enter the promise/],
      [
        {
          outcome: "refused",
          personReached: "debtor",
          conversation: true,
          promise: { amountMinor: 100, dueOn: "2026-12-01" },
        },
        /only with the outcome “promise taken”/,
      ],
      [
        { outcome: "wrong_number", personReached: "debtor", conversation: true },
        /wrong number did not reach the debtor/,
      ],
      [{ contactPointId: undefined }, /Choose the number you called/],
      [{ contactPointId: undefined, phoneNumber: "+16025550177" }, /Outbound calls use one of the debtor's numbers/],
      [{ durationSeconds: 4 * 3600 + 1 }, /at most 4 hours/],
    ];
    for (const [patch, message] of cases) {
      const error = await logCall({ ctx: agent(), input: { ...base(), ...patch } }).catch((e: unknown) => e);
      expect(error, String(message)).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toMatch(message);
    }
    await expect(
      logCall({ ctx: agent(), input: { ...base(), occurredAt: new Date(FIXED_NOW.getTime() + 3_600_000) } }),
    ).rejects.toThrow(/cannot be in the future/);
    expect(await countOf(interactions)).toBe(before);
  });

  it("refuses debts of another debtor or another organization, and another debtor's number", async () => {
    await expect(logCall({ ctx: agent(), input: { ...base(), accountIds: [strangersDebt.id] } })).rejects.toThrow(
      /STRANGER belongs to another debtor/,
    );
    await expect(logCall({ ctx: agent(), input: { ...base(), accountIds: [foreignDebt.id] } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(logCall({ ctx: staffContext(handle.db, other, "admin"), input: base() })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(logCall({ ctx: agent(), input: { ...base(), contactPointId: strangersPhoneId } })).rejects.toThrow(
      /belongs to another debtor/,
    );
    await expect(logCall({ ctx: staffContext(handle.db, org, "auditor"), input: base() })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect((await fresh(main.id)).lastContactAt).toBeNull();
  });

  it("validates a typed-in number with the phone library and stores it in E.164", async () => {
    const inbound = (phoneNumber: string) =>
      logCall({
        ctx: agent(),
        input: { ...base(), direction: "inbound", contactPointId: undefined, phoneNumber },
      });
    for (const bad of ["555-0100", "+1 212 000 0000", "call me maybe"]) {
      const error = await inbound(bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]).toMatchObject({ path: "phoneNumber" });
      expect((error as Error).message).toContain(bad);
    }
    const known = await inbound("(602) 555-0100");
    expect(known.interaction).toMatchObject({ address: "+16025550100", contactPointId: phoneId, direction: "inbound" });
    const unknown = await inbound("+1 212-555-0199");
    expect(unknown.interaction).toMatchObject({ address: "+12125550199", contactPointId: null });
    const withheld = await logCall({
      ctx: agent(),
      input: { ...base(), direction: "inbound", contactPointId: undefined },
    });
    expect(withheld.interaction.address).toBeNull();
  });

  it("records the call for compliance counting and moves last contact forward, never back", async () => {
    const at = new Date(FIXED_NOW.getTime() - 2 * 3_600_000);
    const result = await logCall({
      ctx: agent(),
      input: {
        ...base(),
        outcome: "right_party_contact",
        personReached: "debtor",
        conversation: true,
        durationSeconds: 185,
        accountIds: [second.id],
        note: "Discussed both debts",
        occurredAt: at,
      },
    });
    const [row] = await handle.db.select().from(interactions).where(eq(interactions.id, result.interaction.id));
    expect(row).toMatchObject({
      debtorId: main.debtorId,
      accountId: main.id,
      channel: "call",
      contactPointId: phoneId,
      address: "+16025550100",
      conversation: true,
      agentId: org.users.agent.id,
      occurredAt: at,
    });
    expect(new Set(row!.accountIds)).toEqual(new Set([main.id, second.id]));
    // The compliance engine's question: calls to this person about this debt in the last 7 days.
    const [{ n }] = (await handle.db
      .select({ n: count() })
      .from(interactions)
      .where(
        and(
          eq(interactions.debtorId, main.debtorId),
          sql`${interactions.accountIds} @> array[${second.id}]::uuid[]`,
          sql`${interactions.occurredAt} > ${new Date(FIXED_NOW.getTime() - 7 * 86_400_000).toISOString()}::timestamptz`,
        ),
      )) as [{ n: number }];
    expect(n).toBe(1);

    for (const id of [main.id, second.id]) {
      const acc = await fresh(id);
      expect(acc.lastContactAt).toEqual(at);
      expect(acc.version).toBe(1); // a call alone changes nothing a person edits
    }
    const [audit] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.orgId), eq(auditEvents.action, "interaction.logged")))
      .orderBy(sql`${auditEvents.seq} desc`)
      .limit(1);
    expect(audit).toMatchObject({ entityType: "account", entityId: main.id, actorId: org.users.agent.id });
    expect(new Set((audit!.after as { accountIds: string[] }).accountIds)).toEqual(new Set([main.id, second.id]));

    await logCall({ ctx: agent(), input: { ...base(), occurredAt: new Date(at.getTime() - 86_400_000) } });
    expect((await fresh(main.id)).lastContactAt).toEqual(at);
  });

  it("takes a promise: a promise row, the account promised and its version bumped", async () => {
    const promiseCall = (promise: NonNullable<LogCallInput["promise"]>, extra: Partial<LogCallInput> = {}) =>
      logCall({
        ctx: agent(),
        input: {
          ...base(),
          outcome: "promise_taken",
          personReached: "debtor",
          conversation: true,
          durationSeconds: 300,
          promise,
          ...extra,
        },
      });
    await expect(promiseCall({ amountMinor: 30_001, dueOn: "2026-12-01" })).rejects.toThrow(
      /\$300\.01 is more than the balance of \$300\.00/,
    );
    await expect(promiseCall({ amountMinor: 0, dueOn: "2026-12-01" })).rejects.toThrow(/more than zero/);
    await expect(promiseCall({ amountMinor: 100, dueOn: "2026-11-23" })).rejects.toThrow(/cannot be due in the past/);
    await expect(promiseCall({ amountMinor: 100, dueOn: "2027-02-23" })).rejects.toThrow(/at most 90 days ahead/);
    await expect(promiseCall({ amountMinor: 100, dueOn: "2026-12-01", currency: "EUR" })).rejects.toThrow(
      /must be in USD/,
    );
    expect(await countOf(promises)).toBe(0);

    const result = await promiseCall({ amountMinor: 12_500, dueOn: "2027-02-22" }, { expectedVersion: 1 });
    expect(result.promise).toMatchObject({
      accountId: main.id,
      amountMinor: 12_500,
      currency: "USD",
      dueOn: "2027-02-22",
      status: "pending",
      interactionId: result.interaction.id,
    });
    expect(await fresh(main.id)).toMatchObject({
      status: "promised",
      promiseStatus: "pending",
      promiseDueOn: "2027-02-22",
      version: 2,
    });
    expect(result.accountVersion).toBe(2);
    // The other debt discussed is contacted, not promised.
    expect(await fresh(second.id)).toMatchObject({ status: "active", promiseStatus: null, version: 1 });
  });

  it("schedules a callback with the call, in the debtor's zone", async () => {
    const result = await logCall({
      ctx: agent(),
      input: {
        ...base(),
        outcome: "callback_requested",
        personReached: "third_party",
        conversation: true,
        callback: { due: { kind: "local", date: "2026-11-25", time: "09:00", timeZone: "America/Phoenix" } },
      },
    });
    expect(result.task).toMatchObject({
      kind: "callback",
      accountId: main.id,
      assigneeId: org.users.agent.id,
      dueAt: new Date("2026-11-25T16:00:00Z"),
      title: "Call back Dana Doe",
    });
  });

  it("is one transaction: a late failure leaves no call, promise, task, contact date or audit", async () => {
    const [calls, promisesBefore, tasksBefore, audits] = [
      await countOf(interactions),
      await countOf(promises),
      await countOf(tasks),
      await auditCount(),
    ];
    // The callback's assignee is checked last, after the call, contact dates and promise were written.
    await expect(
      logCall({
        ctx: agent(),
        input: {
          ...base(),
          outcome: "promise_taken",
          personReached: "debtor",
          conversation: true,
          accountIds: [second.id],
          promise: { amountMinor: 1_000, dueOn: "2026-12-10" },
          callback: {
            due: { kind: "instant", at: new Date(FIXED_NOW.getTime() + 86_400_000) },
            assigneeId: org.users.auditor.id,
          },
        },
      }),
    ).rejects.toBeInstanceOf(PreconditionError);
    expect(await countOf(interactions)).toBe(calls);
    expect(await countOf(promises)).toBe(promisesBefore);
    expect(await countOf(tasks)).toBe(tasksBefore);
    expect(await auditCount()).toBe(audits);
    expect(await fresh(main.id)).toMatchObject({
      status: "active",
      promiseStatus: null,
      lastContactAt: null,
      version: 1,
    });
    expect((await fresh(second.id)).lastContactAt).toBeNull();
  });

  it("never overwrites a concurrent change: stale promise refused, status change after a promise refused", async () => {
    const promiseInput = (dueOn: string): LogCallInput => ({
      ...base(),
      outcome: "promise_taken",
      personReached: "debtor",
      conversation: true,
      promise: { amountMinor: 2_000, dueOn },
      expectedVersion: 1,
    });
    // Two agents opened the account at version 1; the first saves a promise.
    await logCall({ ctx: agent(), input: promiseInput("2026-12-01") });
    const calls = await countOf(interactions);
    const second = await logCall({
      ctx: staffContext(handle.db, org, "manager"),
      input: promiseInput("2026-12-15"),
    }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(ConflictError);
    expect((second as Error).message).toMatch(/changed since you opened it; reload and try again/);
    expect(await countOf(interactions)).toBe(calls);
    expect(await fresh(main.id)).toMatchObject({ promiseDueOn: "2026-12-01", version: 2 });

    // A status change from a page opened before the promise is refused too.
    await expect(
      changeStatus({
        ctx: staffContext(handle.db, org, "manager"),
        input: { accountId: main.id, status: "disputed", expectedVersion: 1, reason: "stale page" },
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await fresh(main.id)).status).toBe("promised");

    // A plain call is a fact, not an edit: it is recorded whatever version the caller saw, and changes no version.
    // (The debtor calls in: after today's conversation the compliance gate would refuse an outbound call.)
    await logCall({ ctx: agent(), input: { ...base(), direction: "inbound", expectedVersion: 1 } });
    expect((await fresh(main.id)).version).toBe(2);
  });

  it("lets exactly one of two simultaneous promise saves through", async () => {
    const input = (manager: boolean, dueOn: string) =>
      logCall({
        ctx: staffContext(handle.db, org, manager ? "manager" : "agent"),
        input: {
          ...base(),
          outcome: "promise_taken",
          personReached: "debtor",
          conversation: true,
          promise: { amountMinor: 3_000, dueOn },
          expectedVersion: 1,
        },
      });
    const results = await Promise.allSettled([input(false, "2026-12-02"), input(true, "2026-12-03")]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
    const rows = await handle.db.select().from(promises).where(eq(promises.accountId, main.id));
    expect(rows).toHaveLength(1);
    expect((await fresh(main.id)).version).toBe(2);
  });

  it("keeps interactions append-only", async () => {
    const { interaction } = await logCall({ ctx: agent(), input: base() });
    await expect(
      handle.db.update(interactions).set({ note: "edited" }).where(eq(interactions.id, interaction.id)),
    ).rejects.toThrow();
    await expect(handle.db.delete(interactions).where(eq(interactions.id, interaction.id))).rejects.toThrow();
    const [row] = await handle.db.select().from(interactions).where(eq(interactions.id, interaction.id));
    expect(row!.note).toBeNull();
  });
});
