/**
 * What Recoup knows about a debtor, as the compliance gate's snapshot: the person, every contact point with its
 * evidence, consent and opt-out, every debt of theirs, the recent contact history, holds and validation
 * notices. Scoped to the organization; one round of queries per evaluation.
 */
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { rowsOf, type Database } from "@/db";
import { accounts, contactPoints, debtors, holds, interactions, organizations, validationNotices } from "@/db/schema";
import type { CALL_OUTCOMES } from "@/db/schema/values";
import { normalizePolicy } from "./gate/policy";
import type { CallResult, ContactEvent, Policy, Regime, Snapshot } from "./gate/types";

/** Far enough back for every window the gate looks at: Massachusetts' 30 days is the longest count. */
const HISTORY_DAYS = 45;
const DAY = 86_400_000;

const RESULTS: Record<(typeof CALL_OUTCOMES)[number], CallResult> = {
  right_party_contact: "answered",
  no_answer: "ring_no_answer",
  voicemail_left: "voicemail",
  busy: "busy",
  not_in_service: "not_in_service",
  wrong_number: "answered",
  disconnected: "dropped_after_answer",
  refused: "answered",
  dispute_raised: "answered",
  callback_requested: "answered",
  promise_taken: "answered",
};

/** The key under organizations.settings owned by this module. */
export const COMPLIANCE_SETTINGS_KEY = "compliance";

export async function readCompliancePolicy(db: Database, orgId: string): Promise<{ policy: Policy; regime: Regime }> {
  const [org] = await db
    .select({ settings: organizations.settings })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const stored = (org?.settings?.[COMPLIANCE_SETTINGS_KEY] ?? {}) as { policy?: Partial<Policy>; regime?: Regime };
  return {
    policy: normalizePolicy(stored.policy ?? {}).policy,
    regime: stored.regime ?? "third_party_collector",
  };
}

export async function loadSnapshot(
  db: Database,
  orgId: string,
  debtorId: string,
  regime: Regime,
  at: Date,
): Promise<Snapshot> {
  const since = new Date(at.getTime() - HISTORY_DAYS * DAY);
  const [debtor] = await db
    .select()
    .from(debtors)
    .where(and(eq(debtors.orgId, orgId), eq(debtors.id, debtorId)));
  if (!debtor) throw new Error(`Debtor ${debtorId} is not in this organization`);
  const [points, debts, calls, holdRows] = await Promise.all([
    db
      .select()
      .from(contactPoints)
      .where(and(eq(contactPoints.orgId, orgId), eq(contactPoints.debtorId, debtorId))),
    db
      .select({
        id: accounts.id,
        creditorId: accounts.creditorId,
        limitationOn: accounts.statuteOfLimitationsOn,
        state: accounts.jurisdictionState,
        city: accounts.jurisdictionCity,
      })
      .from(accounts)
      .where(and(eq(accounts.orgId, orgId), eq(accounts.debtorId, debtorId))),
    db
      .select()
      .from(interactions)
      .where(
        and(eq(interactions.orgId, orgId), eq(interactions.debtorId, debtorId), gte(interactions.occurredAt, since)),
      ),
    db
      .select()
      .from(holds)
      .where(and(eq(holds.orgId, orgId), eq(holds.debtorId, debtorId))),
  ]);
  // VAL-02: the first conversation with the debtor about each debt, however long ago (the history above is a window).
  const firsts = rowsOf<{ account_id: string; first_at: Date | string }>(
    await db.execute(sql`select a.account_id, min(i.occurred_at) as first_at
      from interactions i cross join unnest(i.account_ids) as a(account_id)
      where i.org_id = ${orgId} and i.debtor_id = ${debtorId} and i.conversation and i.person_reached = 'debtor'
      group by a.account_id`),
  );
  const firstContact = new Map(firsts.map((f) => [f.account_id, new Date(f.first_at).getTime()]));
  const notices = debts.length
    ? await db
        .select({
          accountId: validationNotices.accountId,
          providedAt: validationNotices.providedAt,
          medium: validationNotices.medium,
          language: validationNotices.language,
        })
        .from(validationNotices)
        .where(
          and(
            eq(validationNotices.orgId, orgId),
            inArray(
              validationNotices.accountId,
              debts.map((d) => d.id),
            ),
          ),
        )
    : [];

  const address =
    points.find((p) => p.kind === "address" && p.validity !== "invalid" && p.isPrimary) ??
    points.find((p) => p.kind === "address" && p.validity !== "invalid");
  const jurisdiction = debts.find((d) => d.state);
  const history: ContactEvent[] = calls.map((c) => ({
    id: c.id,
    at: c.occurredAt.getTime(),
    channel: c.channel === "portal" ? "portal_message" : c.channel,
    direction: c.direction,
    personId: debtorId,
    contactPointId: c.contactPointId ?? undefined,
    debtIds: c.accountIds,
    result: c.outcome ? RESULTS[c.outcome] : undefined,
    // Reg F's conversation is with the person: a talk with whoever else picked up is not one.
    conversation: c.conversation && c.personReached === "debtor",
  }));

  return {
    regime,
    persons: [
      {
        id: debtorId,
        role: "consumer",
        name: `${debtor.firstName} ${debtor.lastName}`,
        deceased: debtor.deceased,
        language: debtor.language,
        state: (address?.state ?? jurisdiction?.state ?? undefined)?.toUpperCase(),
        city: address?.city ?? jurisdiction?.city ?? undefined,
      },
    ],
    contactPoints: points.map((p) => {
      const consentAt = p.consent !== "none" ? (p.consentAt ?? p.createdAt).getTime() : undefined;
      // A number or address the debtor gave us is one they used to reach us (ELEC-06/07 safe harbors).
      const fromDebtor = p.source === "debtor" ? p.createdAt.getTime() : undefined;
      return {
        id: p.id,
        personId: debtorId,
        kind: p.kind,
        phoneType: p.phoneType ?? undefined,
        timeZone: p.timeZone ?? undefined,
        state: p.state ?? undefined,
        city: p.city ?? undefined,
        invalid: p.validity === "invalid",
        tcpaConsentAt: consentAt,
        sms: p.kind === "phone" ? { consentAt: consentAt ?? fromDebtor } : undefined,
        email:
          p.kind === "email" && (consentAt !== undefined || fromDebtor !== undefined)
            ? { basis: consentAt !== undefined ? ("consumer_consent" as const) : ("consumer_used" as const) }
            : undefined,
      };
    }),
    debts: debts.map((d) => ({
      id: d.id,
      creditorId: d.creditorId,
      limitationEndsOn: d.limitationOn ?? undefined,
      initialCommunicationAt: firstContact.get(d.id),
    })),
    history,
    consents: [],
    // An opt-out recorded on a contact point stops that address for its whole medium (calls and texts for a phone).
    optOuts: points
      .filter((p) => p.optedOutAt)
      .map((p) => ({
        id: `optout:${p.id}`,
        personId: debtorId,
        medium: p.kind === "phone" ? ("all" as const) : p.kind === "email" ? ("email" as const) : ("letter" as const),
        contactPointId: p.id,
        at: p.optedOutAt!.getTime(),
        source: "written" as const,
      })),
    designations: [],
    holds: holdRows.map((h) => ({
      id: h.id,
      kind: h.kind,
      personId: debtorId,
      debtIds: h.accountId ? [h.accountId] : undefined,
      placedAt: h.placedAt.getTime(),
      releasedAt: h.releasedAt?.getTime(),
      attorneyAllowsDirectContact: h.details?.attorneyAllowsDirectContact === "true",
      scraAffidavit: h.details?.scraAffidavit === "true",
    })),
    disputes: [],
    disclosures: notices.map((n) => ({
      kind: "validation_notice" as const,
      debtIds: [n.accountId],
      at: n.providedAt.getTime(),
      medium: n.medium,
      language: n.language,
    })),
    zones: [],
  };
}
