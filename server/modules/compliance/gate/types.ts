/**
 * The compliance gate's vocabulary: what is proposed (an action), what is known (a snapshot), how strict the
 * organization wants to be (a policy), and what the gate says (a decision). Plain data, no I/O: the same
 * types are filled from the database in production and from JSON in the scenario files.
 *
 * Instants are epoch milliseconds (UTC). Calendar dates are "YYYY-MM-DD". Rule ids are those of the rule
 * catalogue (docs/compliance/rules.md in the design folder): TIME-01, FREQ-01, ELEC-04…
 */

/** Bumped whenever a rule's behaviour changes; recorded with every decision. */
export const RULE_SET_VERSION = "us-2026.12.1";

export type Instant = number;
/** A calendar date, "YYYY-MM-DD". */
export type PlainDate = string;

export const CHANNELS = [
  "call",
  "sms",
  "email",
  "letter",
  "voicemail",
  "portal_message",
  "social_message",
  "credit_furnishing",
  "legal_referral",
  "payment",
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Who is contacted. 1006.6(a): spouse, parent of a minor, guardian, personal representative and confirmed
 * successor in interest are "the consumer" for time, place and cease rules, but each is a separate person for
 * Reg F call counting. */
export const PERSON_ROLES = [
  "consumer",
  "spouse",
  "parent_of_minor",
  "guardian",
  "personal_representative",
  "successor_in_interest",
  "third_party",
  "attorney",
  "credit_reporting_agency",
  "creditor",
  "creditor_attorney",
  "collector_attorney",
] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** How a dial ended (FREQ-03/04, MA-03). */
export const CALL_RESULTS = [
  "answered",
  "dropped_after_answer",
  "voicemail",
  "ring_no_answer",
  "busy",
  "not_in_service",
  "failed_before_network",
] as const;
export type CallResult = (typeof CALL_RESULTS)[number];

/** Why an action is taken; most exceptions to a stop are defined by purpose. */
export const PURPOSES = [
  "collection",
  "validation_notice",
  /** Verification, original-creditor information, a duplicative-dispute notice, a notice of unverified debt. */
  "dispute_response",
  "opt_out_confirmation",
  /** The one response allowed to a contact the person initiated (TIME-06, ELEC-05(ii)); needs `inReplyTo`. */
  "reply",
  /** CEASE-01 (i): collection efforts are being terminated. */
  "cease_termination",
  /** CEASE-01 (ii)/(iii): the collector or creditor may invoke, or intends to invoke, a specified remedy. */
  "remedy_notice",
  /** 1006.10: a call or message to a third party to find the consumer. */
  "location",
] as const;
export type Purpose = (typeof PURPOSES)[number];

export type Language = "en" | "es";

/** The rendered message an action sends, for the content rules checked at send time. */
export type MessageContent = {
  language: Language;
  text: string;
  html?: string;
  subject?: string;
  /** What the template is: a limited-content voicemail is not a communication (CONT-03). */
  kind?: "communication" | "limited_content" | "opt_out_confirmation";
  /** What an email's opt-out page asks for besides the address and the choice (ELEC-01: nothing else). */
  optOutLinkRequires?: string[];
  /** The message tells a third party about the debt (THIRD-01). */
  mentionsDebt?: boolean;
};

export type Action = {
  channel: Channel;
  /** When it is executed: the gate runs at execution, not only when scheduled (DD-8). */
  at: Instant;
  /** Who is contacted (or, for furnishing, legal referral and payment, whose debt). */
  personId: string;
  /** The phone number, email address, postal address or social account used. */
  contactPointId?: string;
  /** Every debt the action concerns. */
  debtIds: string[];
  purpose?: Purpose;
  /** Autodialer, predictive dialer, prerecorded or artificial voice, automated text (TCPA-01). */
  automated?: boolean;
  /** A ringless voicemail: a prerecorded call for the TCPA and a call for Reg F (TCPA-02). */
  ringless?: boolean;
  /** The history event (a contact the person initiated) this answers, for purpose "reply". */
  inReplyTo?: string;
  /** A FREQ-05 consent the call is placed under. Without it the gate still finds a consent that covers the call. */
  consentId?: string;
  content?: MessageContent;
  /** Credit furnishing: the record carries the "disputed" indicator (CR-02); negative information (DISP-01). */
  disputeIndicator?: boolean;
  /** A letter or notice addressed by name (VAL-14 forbids a generic "Estate of …"). */
  recipientName?: string;
  /** Letters: sent to the person's place of employment (PLACE-02). */
  toWorkplace?: boolean;
  /** Social media: visible to the public or the person's contacts (ELEC-08). */
  publiclyVisible?: boolean;
  /** Payment: the medium it is taken through (NYS-02 needs the notice in the same medium). */
  paymentMedium?: "portal" | "phone" | "mail" | "autopay";
};

export type Person = {
  id: string;
  role: PersonRole;
  name?: string;
  deceased?: boolean;
  language?: Language;
  /** Where the person lives: selects the state and city overlays (APP-03). */
  state?: string;
  city?: string;
};

export type ContactPoint = {
  id: string;
  personId: string;
  kind: "phone" | "email" | "address" | "social";
  phoneType?: "mobile" | "landline" | "work";
  /** IANA zone this contact point is evidence of (area code, ZIP); never a fixed offset. */
  timeZone?: string;
  state?: string;
  city?: string;
  /** Known to be wrong: no longer evidence of where the person is. */
  invalid?: boolean;
  /** A number the person gave as personal (MA-01 counts residence, cell and personal numbers). */
  personal?: boolean;
  /** An email address the employer provides (PLACE-03). */
  employerProvided?: boolean;
  /** TCPA prior express consent for automated calls and texts to this number (TCPA-01). */
  tcpaConsentAt?: Instant;
  /** Text-message safe harbor facts (ELEC-07). */
  sms?: { consumerTextedAt?: Instant; consentAt?: Instant; reassignedCheckAt?: Instant };
  /** Email safe harbor basis (ELEC-06). */
  email?: {
    basis: "consumer_used" | "consumer_consent" | "creditor_notice" | "prior_collector";
    noticeSentAt?: Instant;
    optOutDeadline?: Instant;
  };
  /** The address is known to have led to a disclosure to a third party (ends the email safe harbor). */
  thirdPartyDisclosureAt?: Instant;
  /** E-SIGN consent to receive required disclosures electronically at this address (VAL-13). */
  esignConsentAt?: Instant;
  /** NYC: the consumer's consent to email or text (NYC-02). */
  nycEConsentAt?: Instant;
};

export type Debt = {
  id: string;
  /** Debts serviced under one account number when obtained (student loans) are one "particular debt" (FREQ-08). */
  group?: string;
  creditorId?: string;
  /** The last day the creditor could sue; from the next day the debt is time-barred (TBD-01). */
  limitationEndsOn?: PlainDate;
  /** Past the credit-reporting obsolescence date (CA-06 picks the notice wording). */
  pastObsolescence?: boolean;
  /** Paid in full: no validation notice is owed any more (VAL-01). */
  paidInFullAt?: Instant;
  /**
   * The first communication with the consumer about the debt (VAL-02). VAL-01 (notice overdue) is judged only
   * when it is given: a history is a window, not the whole past.
   */
  initialCommunicationAt?: Instant;
  /** The first communication was a proof of claim or another formal pleading (VAL-02): no notice is owed. */
  initialCommunicationIsPleading?: boolean;
};

export type ContactEvent = {
  id: string;
  at: Instant;
  channel: Channel;
  direction: "inbound" | "outbound";
  personId: string;
  contactPointId?: string;
  /** Debts the attempt was about. */
  debtIds: string[];
  /** Debts discussed in a conversation; every debt of `debtIds` when absent (FREQ-09). */
  debtsDiscussed?: string[];
  result?: CallResult;
  conversation?: boolean;
  automated?: boolean;
  ringless?: boolean;
  purpose?: Purpose;
  consentId?: string;
  /** The person asked for this call (MA-03: a requested callback is not "initiated" by the creditor). */
  requestedByPerson?: boolean;
  /** A letter or email that came back undeliverable within the waiting period (CR-01). */
  undeliverable?: boolean;
  /** Placed by another collector (FREQ-13: does not count for this one). */
  otherCollector?: boolean;
  /** The communication told a third party about the debt. */
  mentionsDebt?: boolean;
  inReplyTo?: string;
};

/** FREQ-05: the person's consent, given directly, to calls within at most seven days (day 1 = the day received). */
export type CallConsent = {
  id: string;
  personId: string;
  /** Debts it covers; all when absent. */
  debtIds?: string[];
  receivedAt: Instant;
  /** A narrower scope: calls between these instants ("call me back Thursday at 3"). */
  window?: { from: Instant; to: Instant };
  revokedAt?: Instant;
  /** A conversation after the consent ends it (comment 14(b)(3)(i)-2); default true. */
  endsOnConversation?: boolean;
};

/** ELEC-04 medium opt-out, ELEC-01 electronic opt-out, and the TCPA revocation they carry. */
export type OptOut = {
  id: string;
  personId: string;
  medium: "call" | "sms" | "email" | "letter" | "electronic" | "all";
  /** Address-specific ("STOP" from one number); medium-wide for the person when absent. */
  contactPointId?: string;
  at: Instant;
  source?: "reply_keyword" | "oral" | "written" | "unsubscribe_link" | "complaint" | "portal";
};

/** TIME-05 / PLACE-01..02: a time or place the person said is inconvenient. */
export type Designation = {
  id: string;
  personId: string;
  kind: "time" | "place";
  /** Local wall-clock spans ("HH:MM" to "HH:MM", end exclusive); days 1 = Monday … 7 = Sunday, all when absent. */
  times?: { from: string; to: string; days?: number[] }[];
  /** The place: "work" blocks calls and texts to work numbers and letters to the workplace. */
  place?: "work" | "home" | "other";
  /** For a place other than work: the contact points it concerns. */
  contactPointIds?: string[];
  /** The media the person named; with the policy "named_medium" the designation covers only these. */
  mediaNamed?: Channel[];
  at: Instant;
  endedAt?: Instant;
};

export const HOLD_KINDS = [
  "dispute",
  "original_creditor_request",
  "cease",
  "attorney",
  "bankruptcy",
  "deceased",
  "servicemember",
  "manual",
] as const;
export type HoldKind = (typeof HOLD_KINDS)[number];

/** A stop on collection placed by a person (or derived from disputes by the gate). */
export type Hold = {
  id: string;
  kind: HoldKind;
  personId: string;
  /** Debts held; every debt of the person when absent. */
  debtIds?: string[];
  /** When the collector learned of it; the gate applies it from then. */
  placedAt: Instant;
  releasedAt?: Instant;
  /** Attorney: non-responsive or consenting to direct contact (REP-01 exceptions). */
  attorneyAllowsDirectContact?: boolean;
  /** Servicemember: an affidavit of military status is on file (SCRA-03). */
  scraAffidavit?: boolean;
};

/** A dispute or original-creditor request as received; the gate decides if it is written, timely and held. */
export type Dispute = {
  id: string;
  personId: string;
  debtIds: string[];
  kind: "dispute" | "original_creditor_request";
  medium: "mail" | "email" | "portal" | "in_person" | "phone";
  receivedAt: Instant;
  /** Postmark (mail) or sent time (electronic), when known (DD-6). */
  sentAt?: Instant;
  /** Verification, original-creditor information or the duplicative-dispute notice was sent. */
  respondedAt?: Instant;
};

/** Notices already given, with when and how. */
export type Disclosure = {
  kind:
    | "validation_notice"
    | "ny_time_barred_notice"
    | "ca_time_barred_notice"
    | "tx_time_barred_notice"
    | "rosenthal_notice"
    | "mini_miranda_written";
  debtIds: string[];
  at: Instant;
  medium: "mail" | "email" | "sms" | "portal" | "phone" | "in_person";
  language?: Language;
};

export type Regime = "third_party_collector" | "debt_buyer" | "first_party_creditor";

export type Snapshot = {
  regime: Regime;
  persons: Person[];
  contactPoints: ContactPoint[];
  debts: Debt[];
  history: ContactEvent[];
  consents: CallConsent[];
  optOuts: OptOut[];
  designations: Designation[];
  holds: Hold[];
  disputes: Dispute[];
  disclosures: Disclosure[];
  /** Location evidence that is not a contact point: self-reported zone, the portal's last IP zone. */
  zones: { timeZone: string; source: string }[];
};

export type Policy = {
  /** DD-2: with no location evidence, block, or allow inside the window common to all 50 states. */
  unknownLocation: "block" | "fifty_state_window";
  /** DD-1: seven consecutive local dates (the law), or also any rolling 168 hours (stricter). */
  frequencyWindow: "calendar" | "rolling_168h";
  /** FREQ-01 limit; 7 by law, may be lower. */
  maxCallsPerSevenDays: number;
  /** DD-3 margins that narrow 08:00–21:00, in minutes. */
  callWindowMarginMinutes: { start: number; end: number };
  /** FREQ-12 rebuttal patterns and ELEC-09 caps: warn (default) or block. */
  patterns: "warn" | "block";
  minMinutesBetweenCallsToNumber: number;
  maxConnectedCallsPerDay: number;
  maxTextsPerDay: number;
  maxTextsPerWeek: number;
  /** TIME-05: a time designation covers every medium, or only the media the person named. */
  designationScope: "all_media" | "named_medium";
  /** TCPA-05: a revocation stops every automated call and text to the number. */
  tcpaRevokeAll: boolean;
  /** ELEC-06/07: without a safe-harbor basis, block (default) or warn. */
  electronicSafeHarbor: "block" | "warn";
  /** How long after a contact the person initiated the one reply may still go out (TIME-06, ELEC-05). */
  replyWindowMinutes: number;
  /** APP-01: apply Reg F to a first-party creditor's own debts too (safer). */
  applyFederalToFirstParty: boolean;
};

export type Severity = "block" | "warn";

export type Reason = {
  rule: string;
  severity: Severity;
  message: string;
  /** When this reason stops applying if nothing else happens; absent when only a person can lift it. */
  until?: Instant;
};

export type Decision = {
  decision: "allow" | "warn" | "block";
  /** The rule ids behind the decision, blocking ones first. */
  rules: string[];
  reasons: Reason[];
  /** For a block that time alone lifts: the first whole second at which the action would be allowed. */
  nextAllowedAt?: Instant;
  ruleSetVersion: string;
  /** The candidate IANA zones the time rules were evaluated in. */
  zones: string[];
  evaluatedAt: Instant;
};
