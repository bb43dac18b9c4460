/**
 * What Recoup knows about a debtor, as the compliance gate's snapshot: the person, every contact point with its
 * evidence, consent and opt-out, every debt of theirs, the recent contact history, holds and validation
 * notices and opt-outs. Scoped to the organization; one round of queries for any number of debtors.
 */
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { rowsOf, type Database } from "@/db";
import {
  accounts,
  contactPoints,
  debtors,
  holds,
  interactions,
  optOuts,
  organizations,
  validationNotices,
} from "@/db/schema";
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

/** One debtor's snapshot (see loadSnapshots). */
export async function loadSnapshot(
  db: Database,
  orgId: string,
  debtorId: string,
  regime: Regime,
  at: Date,
): Promise<Snapshot> {
  const snapshot = (await loadSnapshots(db, orgId, [debtorId], regime, at)).get(debtorId);
  if (!snapshot) throw new Error(`Debtor ${debtorId} is not in this organization`);
  return snapshot;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/**
 * The snapshots of many debtors in one round of queries (a bulk send evaluates thousands): each table is read
 * once for all of them, scoped to the organization, and split per debtor in memory.
 */
export async function loadSnapshots(
  db: Database,
  orgId: string,
  debtorIds: string[],
  regime: Regime,
  at: Date,
): Promise<Map<string, Snapshot>> {
  const ids = [...new Set(debtorIds)];
  const out = new Map<string, Snapshot>();
  if (!ids.length) return out;
  const since = new Date(at.getTime() - HISTORY_DAYS * DAY);
  const [debtorRows, points, debts, calls, holdRows, optOutRows, firsts] = await Promise.all([
    db
      .select()
      .from(debtors)
      .where(and(eq(debtors.orgId, orgId), inArray(debtors.id, ids))),
    db
      .select()
      .from(contactPoints)
      .where(and(eq(contactPoints.orgId, orgId), inArray(contactPoints.debtorId, ids))),
    db
      .select({
        id: accounts.id,
        debtorId: accounts.debtorId,
        creditorId: accounts.creditorId,
        limitationOn: accounts.statuteOfLimitationsOn,
        state: accounts.jurisdictionState,
        city: accounts.jurisdictionCity,
      })
      .from(accounts)
      .where(and(eq(accounts.orgId, orgId), inArray(accounts.debtorId, ids))),
    db
      .select()
      .from(interactions)
      .where(
        and(eq(interactions.orgId, orgId), inArray(interactions.debtorId, ids), gte(interactions.occurredAt, since)),
      ),
    db
      .select()
      .from(holds)
      .where(and(eq(holds.orgId, orgId), inArray(holds.debtorId, ids))),
    db
      .select()
      .from(optOuts)
      .where(and(eq(optOuts.orgId, orgId), inArray(optOuts.debtorId, ids))),
    // VAL-02: the first conversation about each debt, however long ago (the history above is a window).
    db.execute(sql`select i.debtor_id, a.account_id, min(i.occurred_at) as first_at
      from interactions i cross join unnest(i.account_ids) as a(account_id)
      where i.org_id = ${orgId} and i.debtor_id = any(${`{${ids.join(",")}}`}::uuid[])
        and i.conversation and i.person_reached = 'debtor'
      group by i.debtor_id, a.account_id`),
  ]);
  const accountIds = debts.map((d) => d.id);
  const notices = accountIds.length
    ? await db
        .select({
          accountId: validationNotices.accountId,
          providedAt: validationNotices.providedAt,
          medium: validationNotices.medium,
          language: validationNotices.language,
        })
        .from(validationNotices)
        .where(and(eq(validationNotices.orgId, orgId), inArray(validationNotices.accountId, accountIds)))
    : [];
  const firstContact = new Map(
    rowsOf<{ account_id: string; first_at: Date | string }>(firsts).map((f) => [
      f.account_id,
      new Date(f.first_at).getTime(),
    ]),
  );
  const pointsOf = groupBy(points, (p) => p.debtorId);
  const debtsOf = groupBy(debts, (d) => d.debtorId);
  const callsOf = groupBy(calls, (c) => c.debtorId);
  const holdsOf = groupBy(holdRows, (h) => h.debtorId);
  const optOutsOf = groupBy(optOutRows, (o) => o.debtorId);
  const debtorOfAccount = new Map(debts.map((d) => [d.id, d.debtorId]));
  const noticesOf = groupBy(notices, (n) => debtorOfAccount.get(n.accountId)!);
  for (const debtor of debtorRows) {
    out.set(
      debtor.id,
      assemble(regime, debtor, {
        points: pointsOf.get(debtor.id) ?? [],
        debts: debtsOf.get(debtor.id) ?? [],
        calls: callsOf.get(debtor.id) ?? [],
        holds: holdsOf.get(debtor.id) ?? [],
        optOuts: optOutsOf.get(debtor.id) ?? [],
        notices: noticesOf.get(debtor.id) ?? [],
        firstContact,
      }),
    );
  }
  return out;
}

type Rows = {
  points: (typeof contactPoints.$inferSelect)[];
  debts: { id: string; creditorId: string; limitationOn: string | null; state: string | null; city: string | null }[];
  calls: (typeof interactions.$inferSelect)[];
  holds: (typeof holds.$inferSelect)[];
  optOuts: (typeof optOuts.$inferSelect)[];
  notices: {
    accountId: string;
    providedAt: Date;
    medium: (typeof validationNotices.$inferSelect)["medium"];
    language: "en" | "es";
  }[];
  firstContact: Map<string, number>;
};

function assemble(regime: Regime, debtor: typeof debtors.$inferSelect, rows: Rows): Snapshot {
  const debtorId = debtor.id;
  const { points, debts, calls, notices, firstContact } = rows;
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
    purpose: (c.purpose as ContactEvent["purpose"]) ?? undefined,
    inReplyTo: c.inReplyToId ?? undefined,
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
    optOuts: [
      // An opt-out recorded on a contact point stops that address for its whole medium (calls and texts for a phone).
      ...points
        .filter((p) => p.optedOutAt)
        .map((p) => ({
          id: `optout:${p.id}`,
          personId: debtorId,
          medium: p.kind === "phone" ? ("all" as const) : p.kind === "email" ? ("email" as const) : ("letter" as const),
          contactPointId: p.id,
          at: p.optedOutAt!.getTime(),
          source: "written" as const,
        })),
      // Opt-outs by medium as they came in: a STOP reply, an unsubscribe click, a complaint.
      ...rows.optOuts.map((o) => ({
        id: o.id,
        personId: debtorId,
        medium: o.medium,
        contactPointId: o.contactPointId ?? undefined,
        at: o.at.getTime(),
      })),
    ],
    designations: [],
    holds: rows.holds.map((h) => ({
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
