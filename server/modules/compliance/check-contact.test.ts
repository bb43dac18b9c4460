import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import {
  accounts,
  auditEvents,
  complianceDecisions,
  contactPoints,
  holds,
  interactions,
  validationNotices,
} from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createAccount, createOrg, FIXED_NOW, staffContext, type TestOrg } from "@/db/testing/factories";
import { ComplianceBlockedError, ForbiddenError, NotFoundError, ValidationError } from "@/server/lib/errors";
import { logCall } from "@/server/modules/interactions/log-call";
import type { LogCallInput } from "@/server/modules/interactions/interactions.schemas";
import { checkContact } from "./check-contact";
import { getCallStatus } from "./get-call-status";
import { getComplianceOverview } from "./get-overview";
import { listDecisions } from "./list-decisions";
import { getCompliancePolicy, setCompliancePolicy } from "./policy-settings";
import { getValidationNotice, recordValidationNotice } from "./record-validation-notice";

type Account = typeof accounts.$inferSelect;
const DAY = 86_400_000;

describe.each(testDrivers())("compliance gate wired in (%s)", (driver) => {
  let handle: DatabaseHandle;
  let org: TestOrg;
  let other: TestOrg;
  let account: Account;
  let phoneId: string;
  let foreign: Account;

  const agent = () => staffContext(handle.db, org, "agent");
  const manager = () => staffContext(handle.db, org, "manager");
  const call = (daysAgo: number, extra: Partial<LogCallInput> = {}): LogCallInput => ({
    accountId: account.id,
    direction: "outbound",
    contactPointId: phoneId,
    personReached: "none",
    outcome: "no_answer",
    conversation: false,
    durationSeconds: 0,
    // FIXED_NOW is 11:00 in Phoenix, the debtor's zone: inside the calling hours every day.
    occurredAt: new Date(FIXED_NOW.getTime() - daysAgo * DAY),
    ...extra,
  });
  const decisionsOf = async () =>
    handle.db
      .select()
      .from(complianceDecisions)
      .where(and(eq(complianceDecisions.orgId, org.orgId), eq(complianceDecisions.accountId, account.id)));
  const callsOf = async () =>
    (await handle.db.select({ n: count() }).from(interactions).where(eq(interactions.accountId, account.id)))[0]!.n;

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    org = await createOrg(handle.db, "gate");
    other = await createOrg(handle.db, "gate-other");
    foreign = await createAccount(handle.db, other, { ref: "FOREIGN" });
  });
  afterAll(() => handle.close());

  beforeEach(async () => {
    account = await createAccount(handle.db, org);
    const [cp] = await handle.db.select().from(contactPoints).where(eq(contactPoints.debtorId, account.debtorId));
    phoneId = cp!.id;
  });

  /** Seven unanswered calls, one a day, the last an hour ago (10:00 in Phoenix). */
  const sevenCalls = async () => {
    for (let d = 6; d >= 0; d--)
      await logCall({
        ctx: agent(),
        input: call(d, { occurredAt: new Date(FIXED_NOW.getTime() - d * DAY - 3_600_000) }),
      });
  };

  it("refuses the eighth call in seven days, records the refusal, and logs nothing", async () => {
    await sevenCalls();
    const refused = await logCall({ ctx: agent(), input: call(0) }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ComplianceBlockedError);
    expect((refused as ComplianceBlockedError).rules).toContain("FREQ-01");
    expect((refused as Error).message).toMatch(/more than 7 in seven consecutive days/);
    // Next allowed: the day after, at 08:00:01 in Phoenix (UTC-7).
    expect((refused as ComplianceBlockedError).nextAllowedAt?.toISOString()).toBe("2026-11-25T15:00:01.000Z");
    expect(await callsOf()).toBe(7);
    const decisions = await decisionsOf();
    expect(decisions).toHaveLength(8);
    const block = decisions.find((d) => d.decision === "block")!;
    expect(block).toMatchObject({
      channel: "call",
      contactPointId: phoneId,
      overrideById: null,
      ruleSetVersion: expect.any(String),
    });
    expect(block.rules).toContain("FREQ-01");
    expect(block.inputDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(decisions.filter((d) => d.decision !== "block")).toHaveLength(7);
  });

  it("lets a manager override with a reason, audited; an agent may not", async () => {
    await sevenCalls();
    const eighth = call(0);
    await expect(
      logCall({ ctx: agent(), input: { ...eighth, override: { reason: "Debtor asked us to call back today" } } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      logCall({ ctx: manager(), input: { ...eighth, override: { reason: "short" } } }),
    ).rejects.toBeInstanceOf(ValidationError);
    const logged = await logCall({
      ctx: manager(),
      input: { ...eighth, override: { reason: "Debtor asked us to call back today" } },
    });
    expect(logged.compliance).toEqual({
      decision: "block",
      rules: expect.arrayContaining(["FREQ-01"]),
      overridden: true,
    });
    expect(await callsOf()).toBe(8);
    const overridden = (await decisionsOf()).find((d) => d.overrideById !== null)!;
    expect(overridden).toMatchObject({ decision: "block", overrideReason: "Debtor asked us to call back today" });
    const [event] = await handle.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.orgId, org.orgId),
          eq(auditEvents.action, "compliance.overridden"),
          eq(auditEvents.entityId, account.id),
        ),
      );
    expect(event!.actorId).toBe(org.users.manager.id);
    expect(event!.after).toMatchObject({ decisionId: overridden.id, reason: "Debtor asked us to call back today" });
  });

  it("does not gate the debtor's own calls, and blocks every outbound call under a cease hold", async () => {
    await handle.db.insert(holds).values({
      orgId: org.orgId,
      debtorId: account.debtorId,
      kind: "cease",
      reason: "Cease letter received",
      placedAt: new Date(FIXED_NOW.getTime() - DAY),
    });
    await logCall({
      ctx: agent(),
      input: { ...call(0), direction: "inbound", personReached: "debtor", outcome: "refused", conversation: true },
    });
    expect(await decisionsOf()).toHaveLength(0);
    const refused = await logCall({ ctx: agent(), input: call(0) }).catch((e: unknown) => e);
    // Only a person can lift a cease: no time is given, whatever else (the conversation's seven days) applies.
    expect((refused as ComplianceBlockedError).rules).toEqual(expect.arrayContaining(["CEASE-01", "FREQ-02"]));
    expect((refused as ComplianceBlockedError).nextAllowedAt).toBeNull();
  });

  it("shows per number whether a call is allowed now, and why not", async () => {
    const [home] = await handle.db
      .insert(contactPoints)
      .values({
        orgId: org.orgId,
        debtorId: account.debtorId,
        kind: "phone",
        phoneType: "landline",
        value: "+12125550101",
        timeZone: "America/New_York",
      })
      .returning();
    // The validation notice went out at placement, so only the conversation's seven days will stand in the way.
    await handle.db.insert(validationNotices).values({
      orgId: org.orgId,
      accountId: account.id,
      providedAt: new Date(FIXED_NOW.getTime() - 30 * DAY),
      medium: "mail",
      itemizationDateType: "last_statement",
      itemizationOn: "2026-09-30",
      currency: "USD",
      amountOnItemizationMinor: 10_000,
      interestSinceMinor: 0,
      feesSinceMinor: 0,
      paymentsAndCreditsSinceMinor: 0,
      currentAmountMinor: 10_000,
      assumedReceiptOn: "2026-11-02",
      validationEndsOn: "2026-12-02",
    });
    let status = await getCallStatus({ ctx: agent(), input: { accountId: account.id } });
    expect(status.numbers.map((n) => n.decision).sort()).toEqual(["allow", "allow"]);
    await logCall({
      ctx: agent(),
      input: call(0, { personReached: "debtor", outcome: "right_party_contact", conversation: true }),
    });
    status = await getCallStatus({ ctx: agent(), input: { accountId: account.id } });
    for (const n of status.numbers) {
      expect(n.decision).toBe("block");
      expect(n.rules).toContain("FREQ-02");
      // Seven days from today's conversation, at 08:00:01 in the later of the two zones (Phoenix).
      expect(n.nextAllowedAt?.toISOString()).toBe("2026-12-01T15:00:01.000Z");
    }
    expect(status.numbers.find((n) => n.contactPointId === home!.id)!.zones).toEqual([
      "America/New_York",
      "America/Phoenix",
    ]);
    // A preview records nothing.
    expect((await decisionsOf()).filter((d) => d.decision === "block")).toHaveLength(0);
  });

  it("keeps the same digest for the same inputs and another for other inputs", async () => {
    const ask = (at: Date) =>
      checkContact(agent(), { accountId: account.id, channel: "call", contactPointId: phoneId, at });
    const a = await ask(FIXED_NOW);
    const b = await ask(FIXED_NOW);
    const c = await ask(new Date(FIXED_NOW.getTime() + 1000));
    expect(a.digest).toBe(b.digest);
    expect(c.digest).not.toBe(a.digest);
  });

  it("answers NOT_FOUND for another organization's account, everywhere", async () => {
    await expect(checkContact(agent(), { accountId: foreign.id, channel: "call" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(getCallStatus({ ctx: agent(), input: { accountId: foreign.id } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(listDecisions({ ctx: manager(), input: { accountId: foreign.id } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      recordValidationNotice({ ctx: manager(), input: { accountId: foreign.id, medium: "mail" } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("counts blocks by rule for the compliance view, for managers and auditors only", async () => {
    await handle.db.insert(holds).values({
      orgId: org.orgId,
      debtorId: account.debtorId,
      accountId: account.id,
      kind: "dispute",
      reason: "Written dispute",
      placedAt: new Date(FIXED_NOW.getTime() - DAY),
    });
    await logCall({ ctx: agent(), input: call(0) }).catch(() => undefined);
    const overview = await getComplianceOverview({ ctx: manager(), input: { days: 7 } });
    expect(overview.blocksByRule.find((r) => r.rule === "DISP-01")?.n).toBeGreaterThanOrEqual(1);
    expect(overview.totals.block).toBeGreaterThanOrEqual(1);
    await expect(getComplianceOverview({ ctx: agent(), input: { days: 7 } })).rejects.toBeInstanceOf(ForbiddenError);
    const page = await listDecisions({ ctx: staffContext(handle.db, org, "auditor"), input: { rule: "DISP-01" } });
    expect(page.items.every((i) => i.rules.includes("DISP-01"))).toBe(true);
    expect(page.items[0]).toMatchObject({ accountId: account.id, decision: "block" });
  });

  it("records a validation notice from the ledger, and collection stops when it is overdue", async () => {
    await handle.db.update(accounts).set({ chargedOffOn: "2026-06-30" }).where(eq(accounts.id, account.id));
    // A conversation nine days ago was the initial communication: the notice was due five days after it.
    await logCall({
      ctx: agent(),
      input: call(9, { personReached: "debtor", outcome: "right_party_contact", conversation: true }),
    });
    let status = await getValidationNotice({ ctx: agent(), input: { accountId: account.id } });
    expect(status.status).toMatchObject({ required: true, overdue: true, dueOn: "2026-11-20" });
    const refused = await logCall({ ctx: agent(), input: call(0) }).catch((e: unknown) => e);
    expect((refused as ComplianceBlockedError).rules).toContain("VAL-01");

    const notice = await recordValidationNotice({ ctx: agent(), input: { accountId: account.id, medium: "mail" } });
    expect(notice).toMatchObject({
      itemizationDateType: "charge_off",
      itemizationOn: "2026-06-30",
      currentAmountMinor: 10_000,
      // Provided Tue 24 Nov: five business days skip Thanksgiving and the weekend (Wed 2 Dec), then 30 days.
      assumedReceiptOn: "2026-12-02",
      validationEndsOn: "2027-01-01",
    });
    expect(
      notice.amountOnItemizationMinor +
        notice.interestSinceMinor +
        notice.feesSinceMinor -
        notice.paymentsAndCreditsSinceMinor,
    ).toBe(notice.currentAmountMinor);
    status = await getValidationNotice({ ctx: agent(), input: { accountId: account.id } });
    expect(status).toMatchObject({ status: { required: false, overdue: false }, inValidationPeriod: true });
    await logCall({ ctx: agent(), input: call(0) });
    // Notices are records of what was sent: never edited.
    await expect(
      handle.db.execute(sql`update validation_notices set medium = 'email' where id = ${notice.id}`),
    ).rejects.toThrow();
    expect(
      (
        await handle.db
          .select({ n: count() })
          .from(validationNotices)
          .where(eq(validationNotices.accountId, account.id))
      )[0]!.n,
    ).toBe(1);
  });

  it("refuses a notice for an account with no itemization date, saying what is missing", async () => {
    await expect(
      recordValidationNotice({ ctx: agent(), input: { accountId: account.id, medium: "mail" } }),
    ).rejects.toThrow(/no itemization date/);
  });

  it("applies an organization's stricter policy, refuses a looser one, and audits the change", async () => {
    const admin = staffContext(handle.db, other, "admin");
    const otherAccount = await createAccount(handle.db, other, { ref: "STRICT-1" });
    const [otherPhone] = await handle.db
      .select()
      .from(contactPoints)
      .where(eq(contactPoints.debtorId, otherAccount.debtorId));
    await expect(
      setCompliancePolicy({
        ctx: admin,
        input: { regime: "third_party_collector", policy: { maxCallsPerSevenDays: 9 } },
      }),
    ).rejects.toThrow(/at most 7 calls in 7 days/);
    await expect(
      setCompliancePolicy({
        ctx: staffContext(handle.db, other, "manager"),
        input: { regime: "debt_buyer", policy: {} },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const saved = await setCompliancePolicy({
      ctx: admin,
      input: { regime: "debt_buyer", policy: { maxCallsPerSevenDays: 2 } },
    });
    expect(saved).toMatchObject({ regime: "debt_buyer", policy: { maxCallsPerSevenDays: 2, tcpaRevokeAll: true } });
    expect(
      (await getCompliancePolicy({ ctx: staffContext(handle.db, other, "agent") })).policy.maxCallsPerSevenDays,
    ).toBe(2);
    const ctx = staffContext(handle.db, other, "agent");
    const input = (daysAgo: number): LogCallInput => ({
      accountId: otherAccount.id,
      direction: "outbound",
      contactPointId: otherPhone!.id,
      personReached: "none",
      outcome: "no_answer",
      conversation: false,
      durationSeconds: 0,
      occurredAt: new Date(FIXED_NOW.getTime() - daysAgo * DAY),
    });
    await logCall({ ctx, input: input(2) });
    await logCall({ ctx, input: input(1) });
    const refused = await logCall({ ctx, input: input(0) }).catch((e: unknown) => e);
    expect((refused as ComplianceBlockedError).rules).toContain("FREQ-01");
    const [event] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, other.orgId), eq(auditEvents.action, "settings.compliance_policy_changed")));
    expect(event!.after).toMatchObject({ regime: "debt_buyer", policy: { maxCallsPerSevenDays: 2 } });
  });

  it("keeps decisions append-only", async () => {
    await logCall({ ctx: agent(), input: call(0) });
    await expect(
      handle.db.execute(sql`delete from compliance_decisions where org_id = ${org.orgId}`),
    ).rejects.toThrow();
    await expect(handle.db.execute(sql`update compliance_decisions set decision = 'allow'`)).rejects.toThrow();
    expect((await decisionsOf()).length).toBe(1);
  });
});
