/**
 * State and city contact caps chosen by the consumer's address (APP-03): Massachusetts (MA-01/02/03),
 * Washington (WA-01/02), New York City (NYC-01), and New York State's notice before taking a payment on a
 * possibly time-barred debt (NYS-02).
 */
import { block, type Evaluation } from "../facts";
import type { CallResult, ContactEvent, ContactPoint, Debt } from "../types";
import { nextFreeDay, overLimit } from "../windows";
import { dateOfDay, localDay, zonedInstant } from "../zones";
import { actionUnderConsent, countingZones } from "./frequency";

/** MA-03: only attempts where the creditor could have reached the debtor or left a message count. */
const MA_UNCOUNTED = new Set<CallResult>(["ring_no_answer", "busy", "not_in_service", "failed_before_network"]);
const NOT_CONNECTED = new Set<CallResult>(["busy", "not_in_service", "failed_before_network"]);
/** The 2026 amendment of 6 RCNY 5-77 counts the three attempts per account (NYC-01, NYC-07). */
const NYC_PER_ACCOUNT_FROM = Date.UTC(2026, 8, 1);

type Cap = { rule: string; span: number; limit: number; what: string };

/** Applies a cap to the counted events, in every counting zone, per key; blocks with the day it frees up. */
function cap(
  e: Evaluation,
  c: Cap,
  counted: ContactEvent[],
  keyOf: (h: ContactEvent) => string[],
  keys: string[],
): void {
  for (const key of keys) {
    const mine = counted.filter((h) => keyOf(h).includes(key));
    for (const zone of countingZones(e)) {
      const days = mine.map((h) => localDay(zone, h.at));
      const today = localDay(zone, e.at);
      if (!overLimit(days, today, c.span, c.limit)) continue;
      block(
        e,
        c.rule,
        `${c.what}: already ${c.limit} within ${c.span} days of ${dateOfDay(today)} (${zone})`,
        zonedInstant(zone, nextFreeDay(days, today, c.span, c.limit), 0),
      );
    }
  }
}

function pointOf(e: Evaluation, h: ContactEvent): ContactPoint | undefined {
  return h.contactPointId ? e.snapshot.contactPoints.find((c) => c.id === h.contactPointId) : undefined;
}

/** An initiating contact: not an answer, a confirmation, or a call the person asked for. */
function initiating(e: Evaluation): boolean {
  return !["reply", "opt_out_confirmation", "dispute_response"].includes(e.purpose);
}

export function stateRules(e: Evaluation): void {
  if (e.state === "MA") massachusetts(e);
  if (e.state === "WA" && e.snapshot.regime !== "first_party_creditor") washington(e);
  if (e.nyc) newYorkCity(e);
  if (e.state === "NY") newYorkPayments(e);
}

function massachusetts(e: Evaluation): void {
  const { action, contactPoint } = e;
  if (!["call", "voicemail", "sms"].includes(action.channel) || !e.consumerLike || !initiating(e)) return;
  // MA-03: a call the debtor asked for is not one the creditor initiates.
  if (actionUnderConsent(e)) return;
  const personal = (cp: ContactPoint | undefined) => !cp || cp.phoneType !== "work" || !!cp.personal;
  const mine = personal(contactPoint);
  const counted = e.snapshot.history.filter((h) => {
    if (h.direction !== "outbound" || h.personId !== e.person.id || h.requestedByPerson || h.consentId) return false;
    if (!["call", "voicemail", "sms"].includes(h.channel)) return false;
    if (h.purpose === "reply" || h.purpose === "opt_out_confirmation") return false;
    if (h.channel !== "sms" && h.result && MA_UNCOUNTED.has(h.result)) return false;
    return personal(pointOf(e, h)) === mine;
  });
  // 940 CMR 7.04(1)(f): two a week per debt to personal numbers, two in thirty days to others.
  const c: Cap = mine
    ? {
        rule: "MA-01",
        span: 7,
        limit: 2,
        what: "Massachusetts allows two calls or texts per debt in seven days to personal numbers",
      }
    : {
        rule: "MA-02",
        span: 30,
        limit: 2,
        what: "Massachusetts allows two calls per debt in thirty days to a work or other number",
      };
  cap(e, c, counted, (h) => h.debtIds.map(e.groupOf), e.groups);
}

function washington(e: Evaluation): void {
  const { action, contactPoint } = e;
  if (!e.consumerLike || !initiating(e) || ["credit_furnishing", "legal_referral", "payment"].includes(action.channel))
    return;
  const spouseOrDebtor = new Set(
    e.snapshot.persons.filter((p) => p.role === "consumer" || p.role === "spouse").map((p) => p.id),
  );
  // RCW 19.16.250: counted conservatively across media, for the debtor and spouse together.
  const counted = e.snapshot.history.filter(
    (h) =>
      h.direction === "outbound" &&
      spouseOrDebtor.has(h.personId) &&
      h.purpose !== "reply" &&
      h.purpose !== "opt_out_confirmation" &&
      !(h.result && NOT_CONNECTED.has(h.result)),
  );
  cap(
    e,
    {
      rule: "WA-01",
      span: 7,
      limit: 3,
      what: "Washington allows three communications a week with the debtor and spouse",
    },
    counted,
    () => ["all"],
    ["all"],
  );
  const atWork =
    (contactPoint?.phoneType === "work" && action.channel !== "letter") ||
    (action.channel === "letter" && action.toWorkplace);
  if (atWork) {
    const work = counted.filter((h) => pointOf(e, h)?.phoneType === "work");
    cap(
      e,
      {
        rule: "WA-02",
        span: 7,
        limit: 1,
        what: "Washington allows one communication a week at the place of employment",
      },
      work,
      () => ["all"],
      ["all"],
    );
  }
}

function newYorkCity(e: Evaluation): void {
  const { action } = e;
  const media = ["call", "voicemail", "sms", "email", "social_message"];
  if (!media.includes(action.channel) || !e.consumerLike || !initiating(e)) return;
  const perAccount = e.at >= NYC_PER_ACCOUNT_FROM;
  const debts = new Map(e.snapshot.debts.map((d) => [d.id, d]));
  const keyOf = (ids: string[]) =>
    perAccount ? ids.map(e.groupOf) : ids.map((id) => `creditor:${debts.get(id)?.creditorId ?? "?"}`);
  const counted = e.snapshot.history.filter(
    (h) =>
      h.direction === "outbound" &&
      h.personId === e.person.id &&
      media.includes(h.channel) &&
      h.purpose !== "reply" &&
      h.purpose !== "opt_out_confirmation" &&
      h.result !== "failed_before_network",
  );
  cap(
    e,
    {
      rule: "NYC-01",
      span: 7,
      limit: 3,
      what: `New York City allows three attempted communications in seven days per ${perAccount ? "account" : "creditor"}`,
    },
    counted,
    (h) => keyOf(h.debtIds),
    [...new Set(keyOf(action.debtIds))],
  );
}

/** TBD-01: the day after the limitation period's last day is the first time-barred day. */
export function limitation(e: Evaluation, debt: Debt): "barred" | "open" | "unknown" {
  if (!debt.limitationEndsOn) return "unknown";
  return dateOfDay(localDay(e.homeZone, e.at)) > debt.limitationEndsOn ? "barred" : "open";
}

/** NYS-02 (23 NYCRR 1.3): before accepting payment on a possibly time-barred debt, the notice in that medium. */
function newYorkPayments(e: Evaluation): void {
  const { action } = e;
  if (action.channel !== "payment") return;
  const medium = action.paymentMedium === "autopay" ? "portal" : (action.paymentMedium ?? "portal");
  for (const debt of e.debts) {
    if (limitation(e, debt) === "open") continue;
    const shown = e.snapshot.disclosures.some(
      (d) => d.kind === "ny_time_barred_notice" && d.at <= e.at && d.medium === medium && d.debtIds.includes(debt.id),
    );
    if (!shown)
      block(
        e,
        "NYS-02",
        `This debt may be time-barred${limitation(e, debt) === "unknown" ? " (its limitation date is unknown)" : ""}: show the New York notice ${medium === "phone" ? "on the call (read it)" : `in the ${medium}`} before taking the payment`,
      );
  }
}
