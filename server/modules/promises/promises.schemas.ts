import { z } from "zod";
import { PROMISE_STATUSES } from "@/db/schema/values";

export { PROMISE_STATUSES };
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

/** A promise may be due from today up to this many days ahead. */
export const PROMISE_MAX_DAYS_AHEAD = 90;

const accountId = z.uuid({ error: "Malformed account id" });

/** The terms of a promise; shared by "log a call" (outcome promise taken) and "record a promise". */
export const promiseTerms = z.object({
  amountMinor: z
    .number({ error: "Enter the promised amount" })
    .int("The amount is in cents, a whole number")
    .positive("The promised amount must be more than zero"),
  dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Pick the date the payment is promised for"),
  /** Defaults to the account's currency; any other is refused. */
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Currency is a three-letter code")
    .optional(),
});
export type PromiseTerms = z.input<typeof promiseTerms>;

export const createPromiseInput = promiseTerms.extend({
  accountId,
  /** The account version the user saw: a promise changes the account, so a stale view is refused. */
  expectedVersion: z.number().int().positive(),
});
export type CreatePromiseInput = z.input<typeof createPromiseInput>;

export const cancelPromiseInput = z.object({
  promiseId: z.uuid({ error: "Malformed promise id" }),
  expectedVersion: z.number().int().positive(),
  reason: z.string().trim().min(3, "Give a reason").max(500, "A reason is at most 500 characters"),
});
export type CancelPromiseInput = z.input<typeof cancelPromiseInput>;
