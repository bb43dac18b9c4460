/**
 * What one evaluation knows, worked out once: the person and their role, the jurisdiction, the candidate time
 * zones, the debts as "particular debts", and the facts in force at the moment of the action. The rules read
 * this; none of them touches the raw snapshot's bookkeeping again.
 */
import { isKnownZone, localDay } from "./zones";
import type {
  Action,
  Channel,
  ContactEvent,
  ContactPoint,
  Debt,
  Instant,
  Person,
  PersonRole,
  Policy,
  Reason,
  Snapshot,
} from "./types";

/** 1006.6(a): these are "the consumer" for time, place, cease and third-party rules. */
const CONSUMER_ROLES = new Set<PersonRole>([
  "consumer",
  "spouse",
  "parent_of_minor",
  "guardian",
  "personal_representative",
  "successor_in_interest",
]);
/** FREQ-06 / 1006.6(d)(1)(ii)–(vi): calls to these are never counted, and collection may go through them. */
export const SPECIFIED_ROLES = new Set<PersonRole>([
  "attorney",
  "credit_reporting_agency",
  "creditor",
  "creditor_attorney",
  "collector_attorney",
]);

/** DD-2: the zones of the 50 states and DC, from Eastern to Hawaii (territories need explicit evidence). */
export const FIFTY_STATE_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "America/Adak",
  "Pacific/Honolulu",
];

const NYC_NAMES = new Set([
  "nyc",
  "new york city",
  "new york",
  "manhattan",
  "brooklyn",
  "queens",
  "bronx",
  "the bronx",
  "staten island",
]);

export const PHONE_CHANNELS = new Set<Channel>(["call", "voicemail"]);
/** Channels whose timing is a contact with the person (TIME-01): everything but mail, reporting, courts, payments. */
export const TIMED_CHANNELS = new Set<Channel>([
  "call",
  "voicemail",
  "sms",
  "email",
  "portal_message",
  "social_message",
]);
export const ELECTRONIC_CHANNELS = new Set<Channel>(["sms", "email", "portal_message", "social_message"]);
export const WRITTEN_CHANNELS = new Set<Channel>(["letter", "email", "sms", "portal_message", "social_message"]);
/** Not contacts with anyone: the gate checks them for other reasons (CR-01, TBD-02, NYS-02). */
export const NON_CONTACT_CHANNELS = new Set<Channel>(["credit_furnishing", "legal_referral", "payment"]);

export type Evaluation = {
  action: Action;
  snapshot: Snapshot;
  policy: Policy;
  at: Instant;
  person: Person;
  /** The contacted person is "the consumer" under 1006.6(a). */
  consumerLike: boolean;
  /** The debtor whose debts these are. */
  consumer: Person;
  contactPoint?: ContactPoint;
  /** FDCPA / Reg F apply (APP-01). */
  federal: boolean;
  state?: string;
  nyc: boolean;
  /** Candidate IANA zones of the contacted person (TIME-02), empty when there is no evidence. */
  zones: string[];
  /** The zone used for calendar dates (deadlines, dispute receipt): the consumer's home, else UTC. */
  homeZone: string;
  /** The particular debts (FREQ-08 groups) of the action. */
  groups: string[];
  groupOf: (debtId: string) => string;
  debts: Debt[];
  /** Purpose, defaulting to collection. */
  purpose: NonNullable<Action["purpose"]>;
  /** History events that happened at or before the action. */
  past: ContactEvent[];
  reasons: Reason[];
};

export class GateInputError extends Error {}

function jurisdictionOf(person: Person, snapshot: Snapshot): { state?: string; city?: string } {
  if (person.state) return { state: person.state.toUpperCase(), city: person.city };
  const address = snapshot.contactPoints.find(
    (c) => c.personId === person.id && c.kind === "address" && !c.invalid && c.state,
  );
  return address ? { state: address.state!.toUpperCase(), city: address.city } : {};
}

/**
 * The zone a consumer's calendar dates are read in (deadlines, the day a dispute arrived): their address, else
 * a phone's area code, else a zone they stated, else UTC.
 */
export function homeZone(snapshot: Snapshot, consumerId: string): string {
  const evidence = snapshot.contactPoints.filter((c) => c.personId === consumerId && !c.invalid && c.timeZone);
  return (
    evidence.find((c) => c.kind === "address")?.timeZone ??
    evidence[0]?.timeZone ??
    snapshot.zones[0]?.timeZone ??
    "UTC"
  );
}

export function buildEvaluation(action: Action, snapshot: Snapshot, policy: Policy): Evaluation {
  if (!Number.isFinite(action.at)) throw new GateInputError("The action has no valid time");
  const person = snapshot.persons.find((p) => p.id === action.personId);
  if (!person) throw new GateInputError(`Unknown person ${action.personId}`);
  const consumer =
    snapshot.persons.find((p) => p.role === "consumer") ?? (CONSUMER_ROLES.has(person.role) ? person : undefined);
  if (!consumer) throw new GateInputError("The snapshot names no consumer");

  let contactPoint: ContactPoint | undefined;
  if (action.contactPointId) {
    contactPoint = snapshot.contactPoints.find((c) => c.id === action.contactPointId);
    if (!contactPoint) throw new GateInputError(`Unknown contact point ${action.contactPointId}`);
    if (contactPoint.personId !== person.id)
      throw new GateInputError(`Contact point ${contactPoint.id} belongs to another person`);
    const want: Record<string, ContactPoint["kind"] | undefined> = {
      call: "phone",
      voicemail: "phone",
      sms: "phone",
      email: "email",
      letter: "address",
      social_message: "social",
    };
    const kind = want[action.channel];
    if (kind && contactPoint.kind !== kind)
      throw new GateInputError(`A ${action.channel} needs a ${kind} contact point, not ${contactPoint.kind}`);
  } else if (["call", "voicemail", "sms", "email"].includes(action.channel)) {
    throw new GateInputError(`A ${action.channel} needs the number or address it goes to`);
  }

  if (!action.debtIds.length) throw new GateInputError("The action names no debt");
  const debtsById = new Map(snapshot.debts.map((d) => [d.id, d]));
  const debts = action.debtIds.map((id) => {
    const d = debtsById.get(id);
    if (!d) throw new GateInputError(`Unknown debt ${id}`);
    return d;
  });
  const groupOf = (id: string) => debtsById.get(id)?.group ?? id;

  const zoneSet = new Set<string>();
  for (const c of snapshot.contactPoints) {
    if (c.personId === person.id && !c.invalid && c.timeZone && (c.kind === "phone" || c.kind === "address"))
      zoneSet.add(c.timeZone);
  }
  if (person.id === consumer.id) for (const z of snapshot.zones) zoneSet.add(z.timeZone);
  const zones = [...zoneSet].sort();
  for (const z of zones) if (!isKnownZone(z)) throw new GateInputError(`Unknown time zone "${z}"`);

  const home = homeZone(snapshot, consumer.id);
  if (!isKnownZone(home)) throw new GateInputError(`Unknown time zone "${home}"`);

  const where = jurisdictionOf(consumer, snapshot);
  return {
    action,
    snapshot,
    policy,
    at: action.at,
    person,
    consumerLike: CONSUMER_ROLES.has(person.role),
    consumer,
    contactPoint,
    federal: snapshot.regime !== "first_party_creditor" || policy.applyFederalToFirstParty,
    state: where.state,
    nyc: where.state === "NY" && !!where.city && NYC_NAMES.has(where.city.trim().toLowerCase()),
    zones,
    homeZone: home,
    groups: [...new Set(action.debtIds.map(groupOf))],
    groupOf,
    debts,
    purpose: action.purpose ?? "collection",
    past: snapshot.history.filter((e) => e.at <= action.at),
    reasons: [],
  };
}

/** The local calendar days of `t` in every zone (for windows that must hold in the strictest zone). */
export function daysIn(zones: string[], t: Instant): number[] {
  return zones.map((z) => localDay(z, t));
}

/** Debts an event concerns, as particular debts; a conversation applies to those discussed too (FREQ-09). */
export function eventGroups(e: Evaluation, event: ContactEvent): Set<string> {
  const ids = event.conversation ? [...event.debtIds, ...(event.debtsDiscussed ?? [])] : event.debtIds;
  return new Set(ids.map(e.groupOf));
}

export function touches(groups: Set<string>, wanted: string[]): boolean {
  return wanted.some((g) => groups.has(g));
}

export function block(e: Evaluation, rule: string, message: string, until?: Instant): void {
  e.reasons.push({ rule, severity: "block", message, ...(until !== undefined ? { until } : {}) });
}

export function warn(e: Evaluation, rule: string, message: string): void {
  e.reasons.push({ rule, severity: "warn", message });
}

/** Block or warn as the organization's pattern policy says (FREQ-12, ELEC-09). */
export function pattern(e: Evaluation, rule: string, message: string, until?: Instant): void {
  if (e.policy.patterns === "block") block(e, rule, message, until);
  else warn(e, rule, message);
}
