import { z } from "zod";
import { CALL_OUTCOMES, PERSONS_REACHED } from "@/db/schema/values";
import { promiseTerms } from "@/server/modules/promises/promises.schemas";
import { taskDue, taskNote } from "@/server/modules/tasks/tasks.schemas";

export { CALL_OUTCOMES, PERSONS_REACHED };
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export type PersonReached = (typeof PERSONS_REACHED)[number];
export const CALL_DIRECTIONS = ["outbound", "inbound"] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

export const CALL_OUTCOME_LABELS: Record<CallOutcome, string> = {
  right_party_contact: "Right-party conversation",
  no_answer: "No answer",
  voicemail_left: "Voicemail left",
  busy: "Busy",
  not_in_service: "Not in service",
  wrong_number: "Wrong number",
  disconnected: "Disconnected",
  refused: "Refused",
  dispute_raised: "Dispute raised",
  callback_requested: "Callback requested",
  promise_taken: "Promise taken",
};

export const PERSON_REACHED_LABELS: Record<PersonReached, string> = {
  debtor: "Debtor",
  third_party: "Third party",
  attorney: "Attorney",
  none: "Nobody",
};

/** Outcomes in which nobody picked up: no conversation, nobody reached (a voicemail is not a conversation). */
const NOBODY_OUTCOMES = new Set<CallOutcome>(["no_answer", "busy", "not_in_service", "disconnected", "voicemail_left"]);
/** Outcomes that only the debtor can give, in a conversation. */
const DEBTOR_OUTCOMES = new Set<CallOutcome>(["right_party_contact", "promise_taken"]);
/** Outcomes that need someone on the line who said something. */
const SPOKEN_OUTCOMES = new Set<CallOutcome>(["dispute_raised", "callback_requested"]);

export const MAX_CALL_SECONDS = 4 * 3600;

type CallFacts = {
  direction: CallDirection;
  contactPointId?: string | undefined;
  phoneNumber?: string | undefined;
  personReached: PersonReached;
  outcome: CallOutcome;
  conversation: boolean;
  promise?: unknown;
};

/**
 * Contradictions between the facts of a call, each with the field it belongs to. Compliance counts calls and
 * conversations from these rows (Reg F 1006.14), so an impossible combination is refused rather than stored.
 */
export function callContradictions(c: CallFacts): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const label = `“${CALL_OUTCOME_LABELS[c.outcome].toLowerCase()}”`;
  if (NOBODY_OUTCOMES.has(c.outcome)) {
    if (c.conversation)
      issues.push({ path: "conversation", message: `A call with outcome ${label} cannot have a conversation` });
    if (c.personReached !== "none") {
      issues.push({ path: "personReached", message: `Nobody is reached on a call with outcome ${label}` });
    }
  }
  if (DEBTOR_OUTCOMES.has(c.outcome)) {
    if (c.personReached !== "debtor") {
      issues.push({ path: "personReached", message: `Outcome ${label} means the debtor was reached` });
    }
    if (!c.conversation) issues.push({ path: "conversation", message: `Outcome ${label} needs a conversation` });
  }
  if (SPOKEN_OUTCOMES.has(c.outcome)) {
    if (c.personReached === "none")
      issues.push({ path: "personReached", message: `Outcome ${label} needs a person reached` });
    if (!c.conversation) issues.push({ path: "conversation", message: `Outcome ${label} needs a conversation` });
  }
  if (c.outcome === "refused" && c.personReached === "none") {
    issues.push({ path: "personReached", message: "Someone must have been reached to refuse" });
  }
  if (c.outcome === "wrong_number" && c.personReached === "debtor") {
    issues.push({ path: "personReached", message: "A wrong number did not reach the debtor" });
  }
  if (c.conversation && c.personReached === "none" && !NOBODY_OUTCOMES.has(c.outcome)) {
    issues.push({ path: "personReached", message: "A conversation needs a person reached" });
  }
  if (c.outcome === "promise_taken" && !c.promise) {
    issues.push({ path: "promise", message: "Enter the promise: the amount and the date it is due" });
  }
  if (c.outcome !== "promise_taken" && c.promise) {
    issues.push({ path: "promise", message: "A promise is recorded only with the outcome “promise taken”" });
  }
  if (c.contactPointId && c.phoneNumber) {
    issues.push({ path: "phoneNumber", message: "Choose a number on file or type one, not both" });
  }
  if (c.direction === "outbound") {
    if (c.phoneNumber) {
      issues.push({ path: "phoneNumber", message: "Outbound calls use one of the debtor's numbers on file" });
    } else if (!c.contactPointId) {
      issues.push({ path: "contactPointId", message: "Choose the number you called" });
    }
  }
  return issues;
}

export const logCallInput = z
  .object({
    accountId: z.uuid({ error: "Malformed account id" }),
    direction: z.enum(CALL_DIRECTIONS, { error: "Choose inbound or outbound" }),
    /** A phone number of the debtor on file. */
    contactPointId: z.uuid({ error: "Malformed contact point id" }).optional(),
    /** The number an inbound call came from, when it is not on file. */
    phoneNumber: z.string().trim().max(40, "A phone number is at most 40 characters").optional(),
    personReached: z.enum(PERSONS_REACHED, { error: (i) => `Unknown person reached "${String(i.input)}"` }),
    outcome: z.enum(CALL_OUTCOMES, { error: (i) => `Unknown call outcome "${String(i.input)}"` }),
    conversation: z.boolean({ error: "Say whether a conversation took place" }),
    /** Other debts of the same debtor discussed on the call; the account it is logged from is always included. */
    accountIds: z
      .array(z.uuid({ error: "Malformed account id" }))
      .max(50, "At most 50 debts per call")
      .default([]),
    durationSeconds: z
      .number({ error: "Enter the duration in seconds" })
      .int("The duration is a whole number of seconds")
      .min(0, "The duration cannot be negative")
      .max(MAX_CALL_SECONDS, "A call lasts at most 4 hours"),
    note: z.string().trim().max(5000, "A note is at most 5,000 characters").optional(),
    /** When the call took place; now when absent. */
    occurredAt: z.date({ error: "Malformed call time" }).optional(),
    promise: promiseTerms.optional(),
    /** The account version the user saw; checked when the call records a promise (which changes the account). */
    expectedVersion: z.number().int().positive().optional(),
    /** A manager lets through a call the compliance gate blocks; the reason is audited. */
    override: z
      .object({
        reason: z
          .string()
          .trim()
          .min(10, "Say why the call is allowed despite the block (at least 10 characters)")
          .max(1000, "A reason is at most 1,000 characters"),
      })
      .optional(),
    /** Schedule a callback task with the call. */
    callback: z
      .object({
        due: taskDue,
        note: taskNote,
        assigneeId: z.uuid({ error: "Malformed user id" }).optional(),
      })
      .optional(),
  })
  .superRefine((c, ctx) => {
    for (const issue of callContradictions(c))
      ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
  });
export type LogCallInput = z.input<typeof logCallInput>;
