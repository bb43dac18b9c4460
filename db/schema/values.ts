/**
 * Vocabularies shared by the database enums and the code that validates or displays them. Plain arrays with no
 * drizzle import, so zod schemas and the UI can use them without pulling in the ORM.
 */
export const USER_ROLES = ["admin", "manager", "agent", "auditor"] as const;

export const ACCOUNT_STATUSES = [
  "active",
  "in_plan",
  "promised",
  "disputed",
  "on_hold",
  "settled",
  "paid",
  "closed",
  "recalled",
  "legal",
] as const;

export const INTERACTION_CHANNELS = ["call", "sms", "email", "letter", "voicemail", "portal"] as const;
export const PERSONS_REACHED = ["debtor", "third_party", "attorney", "none"] as const;
export const CALL_OUTCOMES = [
  "right_party_contact",
  "no_answer",
  "voicemail_left",
  "busy",
  "not_in_service",
  "wrong_number",
  "disconnected",
  "refused",
  "dispute_raised",
  "callback_requested",
  "promise_taken",
] as const;

export const HOLD_KINDS = [
  "dispute",
  "cease",
  "attorney",
  "bankruptcy",
  "deceased",
  "servicemember",
  "manual",
] as const;

export const TASK_KINDS = ["callback", "review", "follow_up"] as const;
export const TASK_STATUSES = ["open", "done", "cancelled"] as const;
export const PROMISE_STATUSES = ["pending", "kept", "broken", "cancelled"] as const;

export const TEMPLATE_CHANNELS = ["email", "sms", "letter", "voicemail"] as const;
/** What a template is for; the compliance lint requires different content of each (CONT-01, CONT-03…). */
export const TEMPLATE_KINDS = [
  "communication",
  "initial_communication",
  "validation_notice",
  "limited_content",
  "opt_out_confirmation",
  "cease_response",
] as const;

export const MESSAGE_STATUSES = [
  /** Waiting for its time (the gate said "not before …", or a retry is due). */
  "scheduled",
  /** Handed to the transport, no answer yet. */
  "sending",
  "sent",
  "delivered",
  "bounced",
  "complained",
  /** Refused by the compliance gate. */
  "blocked",
  "failed",
  /** An inbound message. */
  "received",
] as const;
