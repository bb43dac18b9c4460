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
