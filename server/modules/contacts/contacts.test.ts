import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "@/db";
import { accounts, auditEvents, contactPoints } from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createAccount, createOrg, FIXED_NOW, staffContext, type TestOrg } from "@/db/testing/factories";
import { ConflictError, ForbiddenError, NotFoundError, PreconditionError, ValidationError } from "@/server/lib/errors";
import { addContactPoint } from "./add-contact-point";
import { correctContactPoint } from "./correct-contact-point";
import { invalidateContactPoint } from "./invalidate-contact-point";
import { listContactPoints } from "./list-contact-points";
import { recordConsent } from "./record-consent";
import { recordOptOut } from "./record-opt-out";
import { setPrimaryContactPoint } from "./set-primary-contact-point";

async function errorOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail");
}

describe.each(testDrivers())("contact points (%s)", (driver) => {
  let handle: DatabaseHandle;
  let db: Database;
  let org: TestOrg;
  let other: TestOrg;

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    db = handle.db;
    org = await createOrg(db, "contacts");
    other = await createOrg(db, "contacts-other");
  });
  afterAll(() => handle.close());

  const agent = () => staffContext(db, org, "agent");
  const auditCount = async () => (await db.select({ n: count() }).from(auditEvents))[0]!.n;
  const contactCount = async () => (await db.select({ n: count() }).from(contactPoints))[0]!.n;
  const lastAudit = async () =>
    (
      await db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.orgId, org.orgId))
        .orderBy(sql`seq desc`)
        .limit(1)
    )[0]!;
  const row = async (id: string) => (await db.select().from(contactPoints).where(eq(contactPoints.id, id)))[0]!;
  /** An account whose debtor has a second account, so audits must name both. */
  async function debtorWithTwoAccounts() {
    const account = await createAccount(db, org);
    const [second] = await db
      .insert(accounts)
      .values({
        orgId: org.orgId,
        creditorId: org.creditorId,
        debtorId: account.debtorId,
        externalRef: `${account.externalRef}-2`,
      })
      .returning();
    return { account, accountIds: [account.id, second!.id].sort() };
  }

  it("normalises a phone to E.164, derives its zone, refuses the same number written differently", async () => {
    const { account, accountIds } = await debtorWithTwoAccounts();
    const added = await addContactPoint({
      ctx: agent(),
      input: { accountId: account.id, kind: "phone", value: "(602) 555-0143", phoneType: "landline" },
    });
    expect(added).toMatchObject({
      kind: "phone",
      value: "+16025550143",
      phoneType: "landline",
      timeZone: "America/Phoenix",
      timeZoneSource: "area_code",
      source: "agent",
      validity: "unverified",
      consent: "none",
      isPrimary: true, // the factory's number is not primary: the first primary phone
    });
    const event = await lastAudit();
    expect(event).toMatchObject({ action: "contact.added", entityType: "contact_point", entityId: added.id });
    expect(event.after).toMatchObject({ value: "+16025550143", accountIds });

    const audits = await auditCount();
    for (const same of ["602.555.0143", "+1 602 555 0143"]) {
      const error = await errorOf(
        addContactPoint({ ctx: agent(), input: { accountId: account.id, kind: "phone", value: same } }),
      );
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.message).toBe("This debtor already has the phone number (602) 555-0143");
    }
    expect(await auditCount()).toBe(audits);
  });

  it("refuses invalid phone numbers and emails with clear messages, writing nothing", async () => {
    const account = await createAccount(db, org);
    const [audits, rows] = [await auditCount(), await contactCount()];
    const cases: [string, string, RegExp][] = [
      ["phone", "555-0100", /"555-0100" is not a valid North American number/],
      ["phone", "+1 000 000 0000", /"\+1 000 000 0000" is not a valid North American number/],
      ["phone", "six oh two", /contains letters/],
      ["email", "dana@", /"dana@" is not a valid email address/],
      ["email", "dana at example.com", /is not a valid email address/],
    ];
    for (const [kind, value, message] of cases) {
      const error = await errorOf(
        addContactPoint({ ctx: agent(), input: { accountId: account.id, kind, value } as never }),
      );
      expect(error, value).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues, value).toEqual([
        { path: "value", message: expect.stringMatching(message) },
      ]);
    }
    expect(await auditCount()).toBe(audits);
    expect(await contactCount()).toBe(rows);
  });

  it("lower-cases emails and refuses a duplicate in another case", async () => {
    const account = await createAccount(db, org);
    const added = await addContactPoint({
      ctx: agent(),
      input: { accountId: account.id, kind: "email", value: " Dana.Doe@Example.com ", source: "debtor" },
    });
    expect(added).toMatchObject({ value: "dana.doe@example.com", source: "debtor", timeZone: null, isPrimary: true });
    const error = await errorOf(
      addContactPoint({ ctx: agent(), input: { accountId: account.id, kind: "email", value: "DANA.DOE@example.COM" } }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe("This debtor already has the email address dana.doe@example.com");
  });

  it("formats addresses on one line and derives the zone from the state or ZIP", async () => {
    const account = await createAccount(db, org);
    const elPaso = await addContactPoint({
      ctx: agent(),
      input: {
        accountId: account.id,
        kind: "address",
        line1: "100 N Stanton St",
        line2: "Apt 4",
        city: "El Paso",
        state: "tx",
        postalCode: "79901",
      },
    });
    expect(elPaso).toMatchObject({
      value: "100 N Stanton St, Apt 4, El Paso, TX 79901",
      state: "TX",
      timeZone: "America/Denver",
      timeZoneSource: "address_zip",
    });
    const albany = await addContactPoint({
      ctx: agent(),
      input: {
        accountId: account.id,
        kind: "address",
        line1: "1 State St",
        city: "Albany",
        state: "NY",
        postalCode: "12207-1234",
      },
    });
    expect(albany).toMatchObject({ timeZone: "America/New_York", timeZoneSource: "address_state", isPrimary: false });
    const duplicate = await errorOf(
      addContactPoint({
        ctx: agent(),
        input: {
          accountId: account.id,
          kind: "address",
          line1: "1 STATE ST",
          city: "albany",
          state: "NY",
          postalCode: "12207-1234",
        },
      }),
    );
    expect(duplicate.message).toBe("This debtor already has the address 1 State St, Albany, NY 12207-1234");
    const badState = await errorOf(
      addContactPoint({
        ctx: agent(),
        input: {
          accountId: account.id,
          kind: "address",
          line1: "1 Main St",
          city: "X",
          state: "XX",
          postalCode: "1234",
        },
      }),
    );
    expect((badState as ValidationError).issues.map((i) => i.path)).toEqual(["state", "postalCode"]);
  });

  it("corrects with the version the user saw, re-derives the zone, and refuses a stale edit", async () => {
    const { account, accountIds } = await debtorWithTwoAccounts();
    const phone = await addContactPoint({
      ctx: agent(),
      input: { accountId: account.id, kind: "phone", value: "602-555-0143" },
    });
    const consented = await recordConsent({
      ctx: agent(),
      input: {
        accountId: account.id,
        contactPointId: phone.id,
        expectedVersion: 1,
        level: "express",
        source: "Recorded call",
      },
    });
    const corrected = await correctContactPoint({
      ctx: agent(),
      input: {
        accountId: account.id,
        contactPointId: phone.id,
        expectedVersion: consented.version,
        kind: "phone",
        value: "212 555 0143",
        phoneType: "work",
      },
    });
    expect(corrected).toMatchObject({
      value: "+12125550143",
      phoneType: "work",
      timeZone: "America/New_York",
      timeZoneSource: "area_code",
      version: 3,
      consent: "none", // consent was for the old number
      consentSource: null,
    });
    const event = await lastAudit();
    expect(event).toMatchObject({ action: "contact.corrected", entityId: phone.id });
    expect(event.before).toMatchObject({ value: "+16025550143", version: 2, consent: "express" });
    expect(event.after).toMatchObject({ value: "+12125550143", accountIds });

    const audits = await auditCount();
    const stale = await errorOf(
      correctContactPoint({
        ctx: staffContext(db, org, "manager"),
        input: {
          accountId: account.id,
          contactPointId: phone.id,
          expectedVersion: 2,
          kind: "phone",
          value: "(480) 555-0143",
        },
      }),
    );
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.message).toBe("The phone number (212) 555-0143 changed since you opened it; reload and try again");
    expect(await row(phone.id)).toMatchObject({ value: "+12125550143", version: 3 });
    expect(await auditCount()).toBe(audits);

    const wrongKind = await errorOf(
      correctContactPoint({
        ctx: agent(),
        input: { accountId: account.id, contactPointId: phone.id, expectedVersion: 3, kind: "email", value: "a@b.co" },
      }),
    );
    expect(wrongKind).toBeInstanceOf(PreconditionError);
    // The factory's +16025550100 belongs to the same debtor: correcting into it is a duplicate.
    const dup = await errorOf(
      correctContactPoint({
        ctx: agent(),
        input: {
          accountId: account.id,
          contactPointId: phone.id,
          expectedVersion: 3,
          kind: "phone",
          value: "602 555 0100",
        },
      }),
    );
    expect(dup.message).toBe("This debtor already has the phone number (602) 555-0100");
  });

  it("invalidates with a reason; an invalid contact point cannot be primary", async () => {
    const { account, accountIds } = await debtorWithTwoAccounts();
    const phone = await addContactPoint({
      ctx: agent(),
      input: { accountId: account.id, kind: "phone", value: "480-555-0143" },
    });
    expect(phone.isPrimary).toBe(true);
    const target = { accountId: account.id, contactPointId: phone.id, expectedVersion: 1 };
    const noReason = await errorOf(invalidateContactPoint({ ctx: agent(), input: { ...target, reason: "" } }));
    expect((noReason as ValidationError).issues[0]).toMatchObject({
      path: "reason",
      message: expect.stringMatching(/Say why/),
    });
    const invalid = await invalidateContactPoint({
      ctx: agent(),
      input: { ...target, reason: "Wrong number: a bakery" },
    });
    expect(invalid).toMatchObject({ validity: "invalid", isPrimary: false, version: 2 });
    expect(await lastAudit()).toMatchObject({
      action: "contact.invalidated",
      entityId: phone.id,
      before: expect.objectContaining({ validity: "unverified", isPrimary: true }),
      after: expect.objectContaining({ validity: "invalid", reason: "Wrong number: a bakery", accountIds }),
    });
    const primary = await errorOf(setPrimaryContactPoint({ ctx: agent(), input: { ...target, expectedVersion: 2 } }));
    expect(primary).toBeInstanceOf(PreconditionError);
    expect(primary.message).toMatch(/is invalid and cannot be primary/);
    const again = await errorOf(
      invalidateContactPoint({ ctx: agent(), input: { ...target, expectedVersion: 2, reason: "Again" } }),
    );
    expect(again.message).toBe("The phone number (480) 555-0143 is already marked invalid");
  });

  it("keeps one primary per kind per debtor", async () => {
    const { account, accountIds } = await debtorWithTwoAccounts();
    const first = await addContactPoint({
      ctx: agent(),
      input: { accountId: account.id, kind: "phone", value: "480-555-0101" },
    });
    const second = await addContactPoint({
      ctx: agent(),
      input: { accountId: account.id, kind: "phone", value: "480-555-0102" },
    });
    const email = await addContactPoint({
      ctx: agent(),
      input: { accountId: account.id, kind: "email", value: "x@example.com" },
    });
    expect([first.isPrimary, second.isPrimary, email.isPrimary]).toEqual([true, false, true]);
    await setPrimaryContactPoint({
      ctx: agent(),
      input: { accountId: account.id, contactPointId: second.id, expectedVersion: 1 },
    });
    expect((await row(first.id)).isPrimary).toBe(false);
    expect((await row(second.id)).isPrimary).toBe(true);
    expect((await row(email.id)).isPrimary).toBe(true);
    const event = await lastAudit();
    expect(event).toMatchObject({ action: "contact.primary_set", entityId: second.id });
    expect(event.before).toMatchObject({ previousPrimaryIds: [first.id] });
    expect(event.after).toMatchObject({ accountIds });
    const primaries = await db
      .select({ n: count() })
      .from(contactPoints)
      .where(
        and(
          eq(contactPoints.debtorId, account.debtorId),
          eq(contactPoints.kind, "phone"),
          eq(contactPoints.isPrimary, true),
        ),
      );
    expect(primaries[0]!.n).toBe(1);
  });

  it("records consent and opt-outs with their source; only new consent opts back in", async () => {
    const { account, accountIds } = await debtorWithTwoAccounts();
    const email = await addContactPoint({
      ctx: agent(),
      input: { accountId: account.id, kind: "email", value: "d@example.com" },
    });
    const target = { accountId: account.id, contactPointId: email.id };
    const noSource = await errorOf(
      recordConsent({ ctx: agent(), input: { ...target, expectedVersion: 1, level: "express_written", source: "" } }),
    );
    expect((noSource as ValidationError).issues[0]!.path).toBe("source");
    const consented = await recordConsent({
      ctx: agent(),
      input: { ...target, expectedVersion: 1, level: "express_written", source: "Signed e-sign agreement" },
    });
    expect(consented).toMatchObject({
      consent: "express_written",
      consentSource: "Signed e-sign agreement",
      consentAt: FIXED_NOW,
    });
    expect(await lastAudit()).toMatchObject({
      action: "contact.consent_recorded",
      after: expect.objectContaining({ accountIds }),
    });

    const smsOnEmail = await errorOf(
      recordOptOut({ ctx: agent(), input: { ...target, expectedVersion: 2, source: "sms_stop" } }),
    );
    expect(smsOnEmail).toBeInstanceOf(PreconditionError);
    expect(smsOnEmail.message).toBe('"sms stop" is an opt-out for a phone number, not for an email address');
    const noOptOutSource = await errorOf(
      recordOptOut({ ctx: agent(), input: { ...target, expectedVersion: 2 } as never }),
    );
    expect((noOptOutSource as ValidationError).issues[0]).toEqual({
      path: "source",
      message: "Say how the debtor opted out",
    });

    const optedOut = await recordOptOut({
      ctx: agent(),
      input: { ...target, expectedVersion: 2, source: "unsubscribe_link" },
    });
    expect(optedOut).toMatchObject({
      optedOutAt: FIXED_NOW,
      optOutSource: "unsubscribe_link",
      consent: "none",
      consentAt: null,
    });
    const event = await lastAudit();
    expect(event).toMatchObject({ action: "contact.opted_out", entityId: email.id });
    expect(event.before).toMatchObject({ consent: "express_written" });
    expect(event.after).toMatchObject({ optOutSource: "unsubscribe_link", accountIds });
    expect(
      (
        await errorOf(
          recordOptOut({ ctx: agent(), input: { ...target, expectedVersion: 3, source: "verbal_request" } }),
        )
      ).message,
    ).toMatch(/already opted out/);

    const back = await recordConsent({
      ctx: agent(),
      input: { ...target, expectedVersion: 3, level: "express", source: "Debtor portal preference" },
    });
    expect(back).toMatchObject({ consent: "express", optedOutAt: null, optOutSource: null });

    const address = await addContactPoint({
      ctx: agent(),
      input: {
        accountId: account.id,
        kind: "address",
        line1: "1 Main St",
        city: "Phoenix",
        state: "AZ",
        postalCode: "85004",
      },
    });
    const onAddress = await errorOf(
      recordOptOut({
        ctx: agent(),
        input: { accountId: account.id, contactPointId: address.id, expectedVersion: 1, source: "written_request" },
      }),
    );
    expect(onAddress.message).toMatch(/place a cease communication hold/);
  });

  it("lists the debtor's contact points for readers, and only staff who may manage get to change them", async () => {
    const account = await createAccount(db, org);
    await addContactPoint({ ctx: agent(), input: { accountId: account.id, kind: "phone", value: "+44 7911 123456" } });
    const list = await listContactPoints({ ctx: staffContext(db, org, "auditor"), input: { accountId: account.id } });
    expect(list.canManage).toBe(false);
    expect(list.contactPoints.map((c) => [c.value, c.display, c.phoneType, c.isPrimary])).toEqual([
      ["+447911123456", "+44 7911 123456", "mobile", true],
      ["+16025550100", "(602) 555-0100", "mobile", false],
    ]);
    expect((await listContactPoints({ ctx: agent(), input: { accountId: account.id } })).canManage).toBe(true);
    const refused = await errorOf(
      addContactPoint({
        ctx: staffContext(db, org, "auditor"),
        input: { accountId: account.id, kind: "email", value: "a@b.co" },
      }),
    );
    expect(refused).toBeInstanceOf(ForbiddenError);
  });

  it("answers NOT_FOUND for another organization's account or contact point, or another debtor's, writing nothing", async () => {
    const mine = await createAccount(db, org);
    const neighbour = await createAccount(db, org);
    const theirs = await createAccount(db, other);
    const [theirContact] = await db.select().from(contactPoints).where(eq(contactPoints.debtorId, theirs.debtorId));
    const [neighbourContact] = await db
      .select()
      .from(contactPoints)
      .where(eq(contactPoints.debtorId, neighbour.debtorId));
    const [audits, rows] = [await auditCount(), await contactCount()];
    const ctx = staffContext(db, org, "admin");
    expect(
      await errorOf(addContactPoint({ ctx, input: { accountId: theirs.id, kind: "email", value: "x@example.com" } })),
    ).toBeInstanceOf(NotFoundError);
    expect(await errorOf(listContactPoints({ ctx, input: { accountId: theirs.id } }))).toBeInstanceOf(NotFoundError);
    for (const [accountId, contactPointId] of [
      [theirs.id, theirContact!.id],
      [mine.id, theirContact!.id],
      [mine.id, neighbourContact!.id],
    ] as const) {
      const target = { accountId, contactPointId, expectedVersion: 1 };
      // Thunks, run one at a time: a rejection created before it is awaited would be reported as unhandled.
      const attempts = [
        () => correctContactPoint({ ctx, input: { ...target, kind: "phone", value: "480-555-0199" } }),
        () => invalidateContactPoint({ ctx, input: { ...target, reason: "Cross-tenant" } }),
        () => setPrimaryContactPoint({ ctx, input: target }),
        () => recordConsent({ ctx, input: { ...target, level: "express", source: "Cross-tenant" } }),
        () => recordOptOut({ ctx, input: { ...target, source: "verbal_request" } }),
      ];
      for (const attempt of attempts) expect(await errorOf(attempt())).toBeInstanceOf(NotFoundError);
    }
    expect(await auditCount()).toBe(audits);
    expect(await contactCount()).toBe(rows);
    expect(await row(theirContact!.id)).toMatchObject({ version: 1, isPrimary: false, validity: "unverified" });
  });
});
