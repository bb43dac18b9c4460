/**
 * Reg F 1006.14(b) telephone call frequency, per person and per particular debt (DD-4): the 7-in-7 count
 * (FREQ-01), the seven days after a conversation (FREQ-02), what counts (FREQ-03/04/10/11/13), the exclusions
 * (FREQ-05 consent, FREQ-06 specified persons), calls about several debts (FREQ-09), and the patterns that can
 * rebut the presumption of compliance (FREQ-12). Also the third-party location rules (THIRD-01/02).
 */
import {
  block,
  eventGroups,
  FIFTY_STATE_ZONES,
  pattern,
  PHONE_CHANNELS,
  SPECIFIED_ROLES,
  touches,
  type Evaluation,
} from "../facts";
import type { CallConsent, CallResult, ContactEvent, Instant } from "../types";
import { nextFreeDay, overLimit } from "../windows";
import { dateOfDay, localDay, zonedInstant } from "../zones";

const MINUTE = 60_000;
const HOURS_168 = 168 * 3_600_000;
/** FREQ-04: a call that never connected to the number is no call at all. */
const NOT_CONNECTED = new Set<CallResult>(["busy", "not_in_service", "failed_before_network"]);
const UNANSWERED = new Set<CallResult>(["ring_no_answer", "voicemail", "busy"]);

export function isCall(h: ContactEvent): boolean {
  return PHONE_CHANNELS.has(h.channel) || !!h.ringless;
}

/** The zones day-counting is done in: the person's, else the fallback the time rules would use. */
export function countingZones(e: Evaluation): string[] {
  if (e.zones.length) return e.zones;
  return e.policy.unknownLocation === "fifty_state_window" ? FIFTY_STATE_ZONES : [e.homeZone];
}

/**
 * FREQ-05: a consent given directly by the person covers calls within seven consecutive days, the day it was
 * received being day 1, inside any narrower window it names, until revoked or until a conversation after it
 * (comment 14(b)(3)(i)-2: the requested conversation took place).
 */
export function consentCovers(
  e: Evaluation,
  c: CallConsent,
  t: Instant,
  personId: string,
  groups: Iterable<string>,
): boolean {
  if (c.personId !== personId || c.receivedAt > t) return false;
  if (c.revokedAt !== undefined && c.revokedAt <= t) return false;
  for (const zone of countingZones(e)) {
    const age = localDay(zone, t) - localDay(zone, c.receivedAt);
    if (age < 0 || age > 6) return false;
  }
  if (c.window && (t < c.window.from || t > c.window.to)) return false;
  if (c.debtIds) {
    const covered = new Set(c.debtIds.map(e.groupOf));
    for (const g of groups) if (!covered.has(g)) return false;
  }
  if (c.endsOnConversation !== false) {
    const ended = e.snapshot.history.some(
      (h) => h.personId === personId && h.conversation && h.at > c.receivedAt && h.at < t,
    );
    if (ended) return false;
  }
  return true;
}

function excludedByConsent(e: Evaluation, h: ContactEvent): boolean {
  const groups = new Set(h.debtIds.map(e.groupOf));
  if (h.consentId) {
    const c = e.snapshot.consents.find((x) => x.id === h.consentId);
    return !!c && consentCovers(e, c, h.at, h.personId, groups);
  }
  return e.snapshot.consents.some((c) => consentCovers(e, c, h.at, h.personId, groups));
}

/** The proposed call is placed under a consent (the one it names, or any that covers it). */
export function actionUnderConsent(e: Evaluation): boolean {
  const { consents } = e.snapshot;
  const candidates = e.action.consentId ? consents.filter((c) => c.id === e.action.consentId) : consents;
  return candidates.some((c) => consentCovers(e, c, e.at, e.person.id, e.groups));
}

/** FREQ-03/04/10/13, FREQ-05: calls placed by this collector to this person that count. */
function countedCalls(e: Evaluation): ContactEvent[] {
  return e.snapshot.history.filter(
    (h) =>
      isCall(h) &&
      h.direction === "outbound" &&
      h.personId === e.person.id &&
      !(h.result && NOT_CONNECTED.has(h.result)) &&
      !h.otherCollector &&
      !excludedByConsent(e, h),
  );
}

export function frequencyRules(e: Evaluation): void {
  const { action, person } = e;
  if (!(PHONE_CHANNELS.has(action.channel) || action.ringless)) return;
  // FREQ-06: calls to the consumer's attorney, a CRA, the creditor and the attorneys are not counted.
  if (SPECIFIED_ROLES.has(person.role)) return;
  if (person.role === "third_party") thirdPartyOnce(e);
  if (!e.federal) return;
  if (!actionUnderConsent(e)) {
    const counted = countedCalls(e);
    sevenInSeven(e, counted);
    afterConversation(e);
  }
  callPatterns(e);
}

function debtLabel(e: Evaluation, group: string): string {
  return e.groups.length > 1 || group !== e.action.debtIds[0] ? `debt ${group}` : "this debt";
}

/** FREQ-01: at most seven counted calls in any seven consecutive local days, per person and debt. */
function sevenInSeven(e: Evaluation, counted: ContactEvent[]): void {
  const max = e.policy.maxCallsPerSevenDays;
  for (const group of e.groups) {
    const calls = counted.filter((h) => h.debtIds.some((id) => e.groupOf(id) === group));
    for (const zone of countingZones(e)) {
      const days = calls.map((h) => localDay(zone, h.at));
      const day = localDay(zone, e.at);
      if (!overLimit(days, day, 7, max)) continue;
      const free = nextFreeDay(days, day, 7, max);
      const recent = days.filter((d) => d > day - 7 && d <= day + 6).length;
      block(
        e,
        "FREQ-01",
        `${recent} counted calls to this person about ${debtLabel(e, group)} within seven days of ${dateOfDay(day)} (${zone}); a call now would be more than ${max} in seven consecutive days`,
        zonedInstant(zone, free, 0),
      );
    }
    if (e.policy.frequencyWindow === "rolling_168h") {
      // DD-1 conservative mode: also at most `max` in the 168 hours before the call.
      const times = calls
        .map((h) => h.at)
        .filter((t) => t > e.at - HOURS_168 && t <= e.at)
        .sort((a, b) => a - b);
      if (times.length + 1 > max) {
        block(
          e,
          "FREQ-01",
          `${times.length} counted calls to this person about ${debtLabel(e, group)} in the last 168 hours (rolling-window policy)`,
          times[times.length - max]! + HOURS_168,
        );
      }
    }
  }
}

/**
 * FREQ-02: no call about a debt within seven consecutive days after a telephone conversation about it, the
 * conversation's date being day 1 (so later that same day too). Inbound conversations count (FREQ-10), and a
 * conversation applies to every debt the call concerned or discussed (FREQ-09).
 */
function afterConversation(e: Evaluation): void {
  const conversations = e.past.filter(
    (h) => isCall(h) && h.conversation && h.personId === e.person.id && !h.otherCollector,
  );
  for (const group of e.groups) {
    for (const zone of countingZones(e)) {
      const day = localDay(zone, e.at);
      let latest = -Infinity;
      for (const h of conversations) {
        if (!touches(eventGroups(e, h), [group])) continue;
        const c = localDay(zone, h.at);
        if (day >= c && day <= c + 6) latest = Math.max(latest, c);
      }
      if (latest === -Infinity) continue;
      block(
        e,
        "FREQ-02",
        `A telephone conversation with this person about ${debtLabel(e, group)} on ${dateOfDay(latest)} (${zone}) starts seven days without calls about it; next allowed on ${dateOfDay(latest + 7)}`,
        zonedInstant(zone, latest + 7, 0),
      );
    }
  }
}

/** FREQ-12: patterns the CFPB names as rebutting the presumption of compliance; warnings unless policy blocks. */
function callPatterns(e: Evaluation): void {
  const { contactPoint, policy } = e;
  if (!contactPoint) return;
  const toNumber = e.past
    .filter(
      (h) =>
        isCall(h) &&
        h.direction === "outbound" &&
        h.contactPointId === contactPoint.id &&
        h.result !== "failed_before_network",
    )
    .sort((a, b) => a.at - b.at);
  const last = toNumber[toNumber.length - 1];
  const unansweredRecent = toNumber.find((h) => h.result && UNANSWERED.has(h.result) && e.at - h.at <= 5 * MINUTE);
  if (unansweredRecent)
    pattern(
      e,
      "FREQ-12",
      "Two unanswered calls to the same number within five minutes can rebut the presumption of compliance",
      unansweredRecent.at + 5 * MINUTE + 1000,
    );
  const zone = countingZones(e)[0]!;
  const today = localDay(zone, e.at);
  const sameDay = toNumber.filter((h) => localDay(zone, h.at) === today);
  if (sameDay.length + 1 >= 7)
    pattern(
      e,
      "FREQ-12",
      `This would be call ${sameDay.length + 1} to the same number today: seven calls to one number in a day can rebut the presumption`,
    );
  if (last && e.at - last.at < policy.minMinutesBetweenCallsToNumber * MINUTE)
    pattern(
      e,
      "FREQ-12",
      `Only ${Math.round((e.at - last.at) / MINUTE)} minutes since the last call to this number; policy asks for ${policy.minMinutesBetweenCallsToNumber}`,
      last.at + policy.minMinutesBetweenCallsToNumber * MINUTE,
    );
  const connectedToday = e.past.filter(
    (h) =>
      isCall(h) &&
      h.direction === "outbound" &&
      h.personId === e.person.id &&
      !(h.result && NOT_CONNECTED.has(h.result)) &&
      localDay(zone, h.at) === today &&
      touches(new Set(h.debtIds.map(e.groupOf)), e.groups),
  ).length;
  if (connectedToday >= policy.maxConnectedCallsPerDay)
    pattern(
      e,
      "FREQ-12",
      `Already ${connectedToday} connected calls to this person about this debt today; policy allows ${policy.maxConnectedCallsPerDay}`,
    );
}

/**
 * 1006.10(b)(3): a third party asked about the consumer's location is contacted once, unless they asked to be
 * contacted again (a consent from them) — an unanswered call was no communication.
 */
function thirdPartyOnce(e: Evaluation): void {
  const spoken = e.past.some(
    (h) =>
      h.personId === e.person.id &&
      (h.conversation ||
        (h.direction === "outbound" &&
          ["sms", "email", "letter", "portal_message", "social_message"].includes(h.channel))),
  );
  if (!spoken) return;
  const asked = e.snapshot.consents.some((c) => consentCovers(e, c, e.at, e.person.id, e.groups));
  if (!asked)
    block(
      e,
      "THIRD-02",
      "We already spoke with this third party about the consumer's whereabouts; contact them again only if they asked for it",
    );
}
