import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "@/db";
import { accounts, auditEvents, holds } from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createAccount, createOrg, FIXED_NOW, staffContext, type TestOrg } from "@/db/testing/factories";
import { ConflictError, ForbiddenError, NotFoundError, PreconditionError, ValidationError } from "@/server/lib/errors";
import { accountHasActiveHold } from "./active-holds";
import { listHolds } from "./list-holds";
import { placeHold } from "./place-hold";
import { releaseHold } from "./release-hold";

/** A further account of an existing debtor (the factory makes one debtor per account). */
async function addAccountForDebtor(db: Database, org: TestOrg, debtorId: string, ref: string) {
  const [row] = await db
    .insert(accounts)
    .values({ orgId: org.orgId, creditorId: org.creditorId, debtorId, externalRef: ref, principalMinor: 5_000 })
    .returning();
  return row!;
}

async function errorOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail");
}

describe.each(testDrivers())("holds (%s)", (driver) => {
  let handle: DatabaseHandle;
  let db: Database;
  let org: TestOrg;
  let other: TestOrg;

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    db = handle.db;
    org = await createOrg(db, "holds");
    other = await createOrg(db, "holds-other");
  });
  afterAll(() => handle.close());

  const as = (role: "admin" | "manager" | "agent" | "auditor", o: TestOrg = org) => staffContext(db, o, role);
  const auditCount = async () => (await db.select({ n: count() }).from(auditEvents))[0]!.n;
  const holdCount = async () => (await db.select({ n: count() }).from(holds))[0]!.n;
  const lastAudit = async () =>
    (
      await db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.orgId, org.orgId))
        .orderBy(sql`seq desc`)
        .limit(1)
    )[0]!;
  const heldAccounts = async (orgId: string, kinds?: Parameters<typeof accountHasActiveHold>[0]) =>
    (
      await db
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.orgId, orgId), accountHasActiveHold(kinds)))
    )
      .map((r) => r.id)
      .sort();

  it("places a dispute on the account, marks it disputed in the same transaction, and audits it", async () => {
    const account = await createAccount(db, org, { status: "promised" });
    const result = await placeHold({
      ctx: as("agent"),
      input: {
        accountId: account.id,
        kind: "dispute",
        reason: "Debtor says the balance is wrong",
        evidence: "Call 11/24",
      },
    });
    expect(result.hold).toMatchObject({ kind: "dispute", accountId: account.id, debtorId: account.debtorId });
    expect(result.hold.placedAt).toEqual(FIXED_NOW);
    expect(result.statusChange).toMatchObject({ from: "promised", to: "disputed", version: 2 });
    const [after] = await db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(after).toMatchObject({ status: "disputed", version: 2 });
    const event = await lastAudit();
    expect(event).toMatchObject({ action: "hold.placed", entityType: "hold", entityId: result.hold.id });
    expect(event.after).toMatchObject({ accountIds: [account.id], scope: "account", statusChange: { to: "disputed" } });

    // A dispute on an account in a plan does not rewrite its status.
    const inPlan = await createAccount(db, org, { status: "in_plan" });
    const second = await placeHold({
      ctx: as("agent"),
      input: { accountId: inPlan.id, kind: "dispute", reason: "Disputes the fees", evidence: "Email 11/20" },
    });
    expect(second.statusChange).toBeNull();
    expect((await db.select().from(accounts).where(eq(accounts.id, inPlan.id)))[0]).toMatchObject({
      status: "in_plan",
      version: 1,
    });
  });

  it("validates scope, evidence and the facts each kind needs, writing nothing when refusing", async () => {
    const account = await createAccount(db, org);
    const [audits, rows] = [await auditCount(), await holdCount()];
    const place = (input: Record<string, unknown>) =>
      errorOf(
        placeHold({ ctx: as("agent"), input: { accountId: account.id, reason: "Some reason", ...input } as never }),
      );
    const issues = async (input: Record<string, unknown>) => {
      const error = await place(input);
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).issues;
    };

    expect(await issues({ kind: "dispute", scope: "debtor", evidence: "Letter" })).toEqual([
      { path: "scope", message: "A dispute concerns one debt: place it on this account only" },
    ]);
    expect(await issues({ kind: "cease", evidence: "  " })).toEqual([
      { path: "evidence", message: expect.stringMatching(/Say what supports a cease communication hold/) },
    ]);
    expect(await issues({ kind: "attorney", evidence: "Letter of representation 11/20" })).toEqual([
      { path: "details.name", message: "Give the attorney's name" },
    ]);
    expect(
      await issues({ kind: "attorney", evidence: "Letter 11/20", details: { name: "Sam Law", phone: "555-0100" } }),
    ).toEqual([{ path: "details.phone", message: expect.stringMatching(/"555-0100" is not a valid North American/) }]);
    expect(
      await issues({ kind: "bankruptcy", evidence: "PACER notice", details: { chapter: "9", caseNumber: "26-10001" } }),
    ).toEqual([{ path: "details.chapter", message: "Choose the bankruptcy chapter: 7, 11 or 13" }]);
    expect(await issues({ kind: "bankruptcy", evidence: "PACER notice", details: { chapter: "7" } })).toEqual([
      { path: "details.caseNumber", message: expect.stringMatching(/case number/) },
    ]);
    expect(await issues({ kind: "servicemember", evidence: "Call with spouse" })).toEqual([
      { path: "details.activeDutyEvidence", message: expect.stringMatching(/active-duty evidence/) },
    ]);
    expect((await issues({ kind: "manual", reason: "" }))[0]).toEqual({
      path: "reason",
      message: "Give the reason for the hold",
    });
    expect(await auditCount()).toBe(audits);
    expect(await holdCount()).toBe(rows);
  });

  it("keeps each kind's facts, normalised, and defaults person-level kinds to every account", async () => {
    const account = await createAccount(db, org);
    const attorney = await placeHold({
      ctx: as("agent"),
      input: {
        accountId: account.id,
        kind: "attorney",
        reason: "Debtor is represented",
        evidence: "Letter of representation received 2026-11-20, doc #123",
        details: { name: "Sam Law", firm: "", phone: "(602) 555-0143", email: "Sam@Law.example", chapter: "7" },
      },
    });
    expect(attorney.hold.accountId).toBeNull(); // every account of the debtor
    expect(attorney.hold.details).toEqual({ name: "Sam Law", phone: "+16025550143", email: "sam@law.example" });
    const bankruptcy = await placeHold({
      ctx: as("agent"),
      input: {
        accountId: account.id,
        kind: "bankruptcy",
        scope: "account",
        reason: "Chapter 13 filing",
        evidence: "PACER notice",
        details: { chapter: "13", caseNumber: "2:26-bk-01234" },
      },
    });
    expect(bankruptcy.hold).toMatchObject({
      accountId: account.id,
      details: { chapter: "13", caseNumber: "2:26-bk-01234" },
    });
    const manual = await placeHold({
      ctx: as("agent"),
      input: { accountId: account.id, kind: "manual", reason: "Supervisor review" },
    });
    expect(manual.hold).toMatchObject({ accountId: account.id, evidence: null, details: null });
  });

  it("refuses a second active hold of the same kind on the same scope", async () => {
    const account = await createAccount(db, org);
    const input = { accountId: account.id, kind: "dispute" as const, reason: "Wrong amount", evidence: "Letter 11/20" };
    await placeHold({ ctx: as("agent"), input });
    const duplicate = await errorOf(placeHold({ ctx: as("agent"), input }));
    expect(duplicate).toBeInstanceOf(ConflictError);
    expect(duplicate.message).toBe(
      "This account already has an active dispute hold; release it before placing another",
    );

    await placeHold({
      ctx: as("agent"),
      input: { accountId: account.id, kind: "cease", reason: "Cease letter", evidence: "Letter 11/21" },
    });
    const covered = await errorOf(
      placeHold({
        ctx: as("agent"),
        input: { accountId: account.id, kind: "cease", scope: "account", reason: "Again", evidence: "Letter" },
      }),
    );
    expect(covered).toBeInstanceOf(ConflictError);
    expect(covered.message).toBe("An active cease communication hold already covers every account of this debtor");
  });

  it("lets only one of two identical holds placed at the same moment through", async () => {
    const account = await createAccount(db, org);
    const input = { accountId: account.id, kind: "cease" as const, reason: "Cease letter", evidence: "Letter 11/23" };
    const results = await Promise.allSettled([
      placeHold({ ctx: as("agent"), input }),
      placeHold({ ctx: as("manager"), input }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(refused.reason).toBeInstanceOf(ConflictError);
    const active = await db
      .select({ n: count() })
      .from(holds)
      .where(and(eq(holds.debtorId, account.debtorId), eq(holds.kind, "cease"), sql`${holds.releasedAt} is null`));
    expect(active[0]!.n).toBe(1);
  });

  it("holds every account of the debtor for a debtor-level hold, and no other debtor's", async () => {
    const first = await createAccount(db, org);
    const second = await addAccountForDebtor(db, org, first.debtorId, "SAME-DEBTOR-2");
    const stranger = await createAccount(db, org);
    const before = await heldAccounts(org.orgId, ["deceased"]);
    expect(before).not.toContain(first.id);
    const { hold, accountIds } = await placeHold({
      ctx: as("agent"),
      input: { accountId: second.id, kind: "deceased", reason: "Death reported by spouse", evidence: "Obituary" },
    });
    expect(accountIds).toEqual([first.id, second.id].sort());
    expect((await lastAudit()).after).toMatchObject({ accountIds: [first.id, second.id].sort() });
    const held = await heldAccounts(org.orgId, ["deceased"]);
    expect(held).toEqual([...before, first.id, second.id].sort());
    expect(held).not.toContain(stranger.id);
    expect(await heldAccounts(org.orgId, ["bankruptcy", "deceased"])).toEqual(expect.arrayContaining([first.id]));
    expect(await heldAccounts(org.orgId)).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(await heldAccounts(org.orgId, ["servicemember"])).not.toContain(first.id);

    const list = await listHolds({ ctx: as("auditor"), input: { accountId: first.id } });
    expect(list.active.map((h) => [h.id, h.scope, h.placedByName])).toEqual([[hold.id, "debtor", "Agent holds"]]);
    expect(list.permissions).toEqual({ place: false, release: false });

    await releaseHold({
      ctx: as("manager"),
      input: { accountId: first.id, holdId: hold.id, expectedVersion: 1, reason: "Reported in error: wrong person" },
    });
    expect(await heldAccounts(org.orgId, ["deceased"])).toEqual(before);
    const event = await lastAudit();
    expect(event).toMatchObject({ action: "hold.released", entityType: "hold", entityId: hold.id });
    expect(event.after).toMatchObject({ accountIds: [first.id, second.id].sort() });
    const afterRelease = await listHolds({ ctx: as("manager"), input: { accountId: second.id } });
    expect(afterRelease.active).toEqual([]);
    expect(afterRelease.history).toMatchObject([
      { id: hold.id, releasedByName: "Manager holds", releaseReason: "Reported in error: wrong person" },
    ]);
    expect(afterRelease.permissions).toEqual({ place: true, release: true });
  });

  it("requires a reason, the current version and a supervisor to release, and releases once", async () => {
    const account = await createAccount(db, org);
    const { hold } = await placeHold({
      ctx: as("agent"),
      input: { accountId: account.id, kind: "dispute", reason: "Not my debt", evidence: "Letter 11/22" },
    });
    const release = (ctx: ReturnType<typeof as>, extra: Record<string, unknown>) =>
      releaseHold({ ctx, input: { accountId: account.id, holdId: hold.id, expectedVersion: 1, ...extra } as never });
    const audits = await auditCount();

    const missing = await errorOf(release(as("manager"), {}));
    expect(missing).toBeInstanceOf(ValidationError);
    expect((missing as ValidationError).issues).toEqual([
      { path: "reason", message: "A reason is required to release a hold" },
    ]);
    const blank = (await errorOf(release(as("manager"), { reason: "   " }))) as ValidationError;
    expect(blank.issues[0]!.message).toBe("A reason is required to release a hold");
    const short = (await errorOf(release(as("manager"), { reason: "done" }))) as ValidationError;
    expect(short.issues[0]!.message).toBe("Explain the release in at least 10 characters");
    expect(await errorOf(release(as("agent"), { reason: "Debt verified, letter sent" }))).toBeInstanceOf(
      ForbiddenError,
    );
    const stale = await errorOf(release(as("manager"), { reason: "Debt verified, letter sent", expectedVersion: 7 }));
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.message).toMatch(/changed since you opened it/);
    expect(await auditCount()).toBe(audits);
    expect((await db.select().from(holds).where(eq(holds.id, hold.id)))[0]!.releasedAt).toBeNull();

    const done = await release(as("manager"), { reason: "Debt verified, letter sent" });
    expect(done.hold).toMatchObject({ releasedAt: FIXED_NOW, releaseReason: "Debt verified, letter sent", version: 2 });
    // Releasing the last dispute leaves the status alone, and says so.
    expect(done.notice).toMatch(/still marked disputed/);
    expect((await db.select().from(accounts).where(eq(accounts.id, account.id)))[0]!.status).toBe("disputed");

    const again = await errorOf(release(as("admin"), { reason: "Releasing it a second time", expectedVersion: 2 }));
    expect(again).toBeInstanceOf(PreconditionError);
    expect(again.message).toBe("This dispute hold was already released on 2026-11-24 by Manager holds");
  });

  it("answers NOT_FOUND for another organization's account or hold, and writes nothing", async () => {
    const mine = await createAccount(db, org);
    const theirs = await createAccount(db, other);
    const { hold: theirHold } = await placeHold({
      ctx: as("agent", other),
      input: { accountId: theirs.id, kind: "cease", reason: "Cease letter", evidence: "Letter" },
    });
    const [audits, rows] = [await auditCount(), await holdCount()];
    const manager = as("manager");
    expect(
      await errorOf(
        placeHold({ ctx: manager, input: { accountId: theirs.id, kind: "manual", reason: "Cross-tenant attempt" } }),
      ),
    ).toBeInstanceOf(NotFoundError);
    expect(await errorOf(listHolds({ ctx: manager, input: { accountId: theirs.id } }))).toBeInstanceOf(NotFoundError);
    for (const accountId of [theirs.id, mine.id]) {
      const error = await errorOf(
        releaseHold({
          ctx: manager,
          input: { accountId, holdId: theirHold.id, expectedVersion: 1, reason: "Cross-tenant release" },
        }),
      );
      expect(error).toBeInstanceOf(NotFoundError);
    }
    expect(await auditCount()).toBe(audits);
    expect(await holdCount()).toBe(rows);
    expect(await heldAccounts(org.orgId)).not.toContain(theirs.id);
    expect(await heldAccounts(other.orgId, ["cease"])).toEqual([theirs.id]);
  });
});
