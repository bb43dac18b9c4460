/**
 * The message linter's vocabulary. A lint sees one message (a template at publish, the rendered text at send)
 * and what is known about who receives it; it answers with findings, each tied to a rule of the catalogue.
 */
import type { Language } from "../gate/types";

export type LintChannel = "email" | "sms" | "letter" | "voicemail" | "portal_message";

export type MessageKind =
  /** An ordinary collection communication. */
  | "communication"
  /** The first communication with the consumer about the debt. */
  | "initial_communication"
  /** A limited-content voicemail message (Reg F 1006.2(j)): an attempt to communicate, not a communication. */
  | "limited_content"
  /** The one confirmation of an opt-out (Reg F 1006.14(h)(2)(i), 47 CFR 64.1200(a)(12)). */
  | "opt_out_confirmation"
  | "validation_notice"
  /** A reply to a cease request: collection is ending, or a specified remedy may be invoked (1006.6(c)(2)). */
  | "cease_response";

export type LintMessage = {
  channel: LintChannel;
  kind: MessageKind;
  language: Language;
  /** Plain text; for email the text version (when blank and `html` is given, the HTML's text is used). */
  text: string;
  /** Email (or letter) HTML, when any: checked as a version of its own, since a reader may see only it. */
  html?: string;
  subject?: string;
  /** What the opt-out page asks for besides the address and the choice (1006.6(e): nothing else). */
  optOutLinkRequires?: string[];
};

export type LintContext = {
  stage: "publish" | "send";
  /**
   * US states whose consumers the message goes to (at publish: the states the template is used for; empty or
   * absent = any state, so state blocks are not required but not forbidden).
   */
  states?: string[];
  nyc?: boolean;
  /** Send-time facts. "YYYY-MM-DD", consumer-local. */
  today?: string;
  /** The end of the validation period, whether or not it has ended yet. */
  validationEndsOn?: string;
  /** The debt's statute of limitations has run, or is not known to have not. */
  timeBarred?: boolean | "unknown";
  /** This is the first written communication with the consumer (CA-04, and CONT-01 after an oral initial one). */
  firstWritten?: boolean;
  /** The debt is past the FCRA 605(a) credit-reporting period (selects the CA-06 variant). */
  pastObsolescence?: boolean;
  /** Legal review approved the template's litigation language (CONT-05). */
  legalReviewApproved?: boolean;
};

export type Finding = { rule: string; severity: "block" | "warn"; message: string; excerpt?: string };
