/**
 * Stops on collection, evaluated before time and frequency (ENG-08): disputes and original-creditor requests
 * (DISP-01/04, NYC-04, derived from the dispute as received), cease (CEASE-01), attorney representation
 * (REP-01, CA-05), bankruptcy (BK-01), a deceased consumer (DEC-01), servicemembers (SCRA-03) and manual
 * holds; and the validation notice that must come first (VAL-01, VAL-11, VAL-13, VAL-14).
 */
import { disputeOutcome, validationPeriodEndsOn, validationStatus } from "../../validation";
import { block, SPECIFIED_ROLES, WRITTEN_CHANNELS, type Evaluation } from "../facts";
import type { ContactEvent, Debt, Hold, HoldKind, Instant, Purpose } from "../types";
import { dateOfDay, localDay } from "../zones";

type ActiveHold = { kind: HoldKind; rule: string; debtIds?: string[]; personId: string; hold?: Hold; why: string };

/** Purposes that are not collection, allowed through each kind of hold. */
const ALLOWED: Record<HoldKind, ReadonlySet<Purpose>> = {
  dispute: new Set(["dispute_response", "validation_notice", "opt_out_confirmation", "cease_termination", "reply"]),
  original_creditor_request: new Set([
    "dispute_response",
    "validation_notice",
    "opt_out_confirmation",
    "cease_termination",
    "reply",
  ]),
  // 1006.6(c)(1)-(2): only these three kinds of notice after a written cease.
  cease: new Set(["cease_termination", "remedy_notice"]),
  attorney: new Set(),
  bankruptcy: new Set(["cease_termination"]),
  // DEC-01: the deceased's numbers are used only to find who is handling the estate.
  deceased: new Set(["location"]),
  servicemember: new Set([
    "dispute_response",
    "validation_notice",
    "opt_out_confirmation",
    "cease_termination",
    "reply",
  ]),
  manual: new Set(["dispute_response", "validation_notice", "opt_out_confirmation", "cease_termination", "reply"]),
};

const HOLD_RULES: Record<HoldKind, string> = {
  dispute: "DISP-01",
  original_creditor_request: "DISP-04",
  cease: "CEASE-01",
  attorney: "REP-01",
  bankruptcy: "BK-01",
  deceased: "DEC-01",
  servicemember: "HOLD-SCRA",
  manual: "HOLD-MANUAL",
};

const HOLD_TEXT: Record<HoldKind, string> = {
  dispute: "The debt is disputed; collection stops until verification is sent",
  original_creditor_request:
    "The consumer asked for the original creditor's name and address; collection stops until it is sent",
  cease:
    "The consumer asked in writing that communication cease; only a notice ending collection or naming a remedy may be sent",
  attorney: "The consumer is represented by an attorney for this debt; communicate with the attorney",
  bankruptcy: "The consumer filed for bankruptcy: the automatic stay forbids collecting this debt",
  deceased: "The consumer is deceased; contact the person handling the estate, not the consumer",
  servicemember: "A servicemember hold stops collection while military status is reviewed",
  manual: "A hold placed on this account stops collection",
};

const day = (e: Evaluation, t: Instant) => dateOfDay(localDay(e.homeZone, t));

/** The validation notice of a debt, if one was provided before `t`: the first one, in any language. */
function noticeProvided(e: Evaluation, debt: Debt, t: Instant): Instant | undefined {
  const times = e.snapshot.disclosures
    .filter((d) => d.kind === "validation_notice" && d.at <= t && d.debtIds.includes(debt.id))
    .map((d) => d.at);
  return times.length ? Math.min(...times) : undefined;
}

/** The validation period's last day for a debt, once a notice was provided. */
export function validationEndsOn(e: Evaluation, debt: Debt, t: Instant): string | undefined {
  const provided = noticeProvided(e, debt, t);
  return provided === undefined ? undefined : validationPeriodEndsOn(day(e, provided));
}

function activeHolds(e: Evaluation): ActiveHold[] {
  const holds: ActiveHold[] = [];
  for (const h of e.snapshot.holds) {
    if (h.placedAt > e.at || (h.releasedAt !== undefined && h.releasedAt <= e.at)) continue;
    holds.push({
      kind: h.kind,
      rule: HOLD_RULES[h.kind],
      debtIds: h.debtIds,
      personId: h.personId,
      hold: h,
      why: HOLD_TEXT[h.kind],
    });
  }
  if (e.consumer.deceased)
    holds.push({ kind: "deceased", rule: "DEC-01", personId: e.consumer.id, why: HOLD_TEXT.deceased });
  // Disputes as received: written and timely ones hold federally (1006.38), any one holds in NYC (NYC-04).
  for (const d of e.snapshot.disputes) {
    if (d.receivedAt > e.at || (d.respondedAt !== undefined && d.respondedAt <= e.at)) continue;
    const debt = e.snapshot.debts.find((x) => x.id === d.debtIds[0]);
    const outcome = disputeOutcome({
      kind: d.kind,
      medium: d.medium,
      receivedOn: day(e, d.receivedAt),
      sentOn: d.sentAt !== undefined ? day(e, d.sentAt) : undefined,
      validationEndsOn: debt ? validationEndsOn(e, debt, d.receivedAt) : undefined,
      nyc: e.nyc,
    });
    if (!outcome.hold || !outcome.holdRule) continue;
    const kind: HoldKind = d.kind === "dispute" ? "dispute" : "original_creditor_request";
    holds.push({
      kind,
      rule: outcome.holdRule,
      debtIds: d.debtIds,
      personId: d.personId,
      why:
        outcome.holdRule === "NYC-04"
          ? "New York City: a dispute, oral or written, pauses collection until the debt is verified"
          : `${HOLD_TEXT[kind]} (received ${day(e, d.receivedAt)}, within the validation period)`,
    });
  }
  return holds;
}

export function holdRules(e: Evaluation): void {
  const { action, person, purpose } = e;
  const channel = action.channel;
  for (const h of activeHolds(e)) {
    if (h.debtIds && !h.debtIds.some((id) => action.debtIds.includes(id))) continue;
    if (h.kind === "deceased") {
      // The estate's representative is "the consumer" now (1006.6(a)(4)); only the deceased is off limits.
      const contact = !["credit_furnishing", "legal_referral", "payment"].includes(channel);
      if (person.id === h.personId && contact && !ALLOWED.deceased.has(purpose)) block(e, h.rule, h.why);
      continue;
    }
    if (SPECIFIED_ROLES.has(person.role) && !["credit_furnishing", "legal_referral", "payment"].includes(channel))
      continue;
    if (channel === "payment" && h.kind !== "bankruptcy") continue;
    if (channel === "credit_furnishing") {
      if (h.kind === "cease" || h.kind === "attorney") continue;
      // CR-02 / DISP-01: while disputed only the dispute indicator may be furnished.
      if ((h.kind === "dispute" || h.kind === "original_creditor_request") && action.disputeIndicator) continue;
      block(e, h.rule, `${h.why}; no new furnishing to credit bureaus`);
      continue;
    }
    if (channel === "legal_referral") {
      if (h.kind === "cease" || h.kind === "attorney") continue;
      if (h.kind === "servicemember") {
        if (!h.hold?.scraAffidavit)
          block(e, "SCRA-03", "A servicemember's debt goes to court only with an affidavit of military status on file");
        continue;
      }
      block(e, h.rule, h.why);
      continue;
    }
    if (h.kind === "attorney" && h.hold?.attorneyAllowsDirectContact) continue;
    if (ALLOWED[h.kind].has(purpose)) continue;
    block(e, h.rule, h.why);
    if (h.kind === "attorney" && e.state === "CA") block(e, "CA-05", h.why);
  }
  validationRules(e);
}

/** A communication that conveys something about the debt to the consumer (VAL-02); LCMs do not. */
function isCommunication(e: Evaluation, h: ContactEvent): boolean {
  const person = e.snapshot.persons.find((p) => p.id === h.personId);
  if (!person || SPECIFIED_ROLES.has(person.role) || person.role === "third_party") return false;
  if (h.channel === "call") return !!h.conversation;
  if (h.channel === "voicemail") return false;
  return h.direction === "outbound" && WRITTEN_CHANNELS.has(h.channel) && !h.undeliverable;
}

export function initialCommunication(e: Evaluation, debt: Debt): Instant | undefined {
  if (debt.initialCommunicationAt !== undefined) return debt.initialCommunicationAt;
  const times = e.past
    .filter((h) => [...h.debtIds, ...(h.debtsDiscussed ?? [])].includes(debt.id) && isCommunication(e, h))
    .map((h) => h.at);
  return times.length ? Math.min(...times) : undefined;
}

function validationRules(e: Evaluation): void {
  const { action, purpose } = e;
  if (!e.federal || !e.consumerLike) return;
  if (purpose === "validation_notice") {
    validationNoticeDelivery(e);
    return;
  }
  // VAL-01: collection stops once the notice is overdue, until it is sent. The initial communication is a fact
  // the caller states (the database knows every communication ever made; a window of history does not).
  if (purpose !== "collection" || ["credit_furnishing", "legal_referral", "payment"].includes(action.channel)) return;
  for (const debt of e.debts) {
    const initial = debt.initialCommunicationAt;
    if (initial === undefined || initial > e.at) continue;
    const provided = noticeProvided(e, debt, e.at);
    const status = validationStatus({
      initialCommunicationOn: day(e, initial),
      noticeProvidedOn: provided !== undefined ? day(e, provided) : undefined,
      paidInFullOn:
        debt.paidInFullAt !== undefined && debt.paidInFullAt <= e.at ? day(e, debt.paidInFullAt) : undefined,
      pleadingOnly: debt.initialCommunicationIsPleading,
      state: e.state,
      today: day(e, e.at),
    });
    if (status.overdue)
      block(
        e,
        "VAL-01",
        `The validation notice for this debt was due by ${status.dueOn}; send it before any other collection`,
      );
  }
}

function validationNoticeDelivery(e: Evaluation): void {
  const { action, contactPoint } = e;
  // VAL-13: a notice sent electronically after the initial communication needs E-SIGN consent (or 1006.42(c)).
  if (["email", "sms", "portal_message"].includes(action.channel)) {
    const afterInitial = e.debts.some((d) => {
      const initial = initialCommunication(e, d);
      return initial !== undefined && initial < e.at;
    });
    const consented = contactPoint?.esignConsentAt !== undefined && contactPoint.esignConsentAt <= e.at;
    if (afterInitial && !consented)
      block(e, "VAL-13", "Without E-SIGN consent the validation notice goes by mail, not electronically");
  }
  // VAL-14: for a deceased consumer the notice goes to a named person authorised to act for the estate.
  const deceased =
    e.consumer.deceased ||
    e.snapshot.holds.some(
      (h) => h.kind === "deceased" && h.placedAt <= e.at && !(h.releasedAt !== undefined && h.releasedAt <= e.at),
    );
  const generic = /^\s*(the\s+)?estate\s+of\b/i.test(action.recipientName ?? "");
  if (deceased && (generic || e.person.id === e.consumer.id))
    block(
      e,
      "VAL-14",
      "Address the notice to the person handling the estate, by name, not to “the estate of” the consumer",
    );
  // VAL-11: a translation only with, or after, the English notice.
  if (action.content?.language === "es") {
    const english = e.snapshot.disclosures.some(
      (d) =>
        d.kind === "validation_notice" &&
        d.at <= e.at &&
        (d.language ?? "en") === "en" &&
        d.debtIds.some((id) => action.debtIds.includes(id)),
    );
    if (!english)
      block(
        e,
        "VAL-11",
        "A Spanish validation notice goes with or after the English one; send the English notice first",
      );
  }
}
