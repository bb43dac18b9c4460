import { z } from "zod";

const accountId = z.uuid({ error: "Malformed account id" });

export const callStatusInput = z.object({ accountId });
export type CallStatusInput = z.input<typeof callStatusInput>;

export const overviewInput = z.object({
  days: z.number().int().min(1, "At least one day").max(365, "At most a year").default(7),
});
export type OverviewInput = z.input<typeof overviewInput>;

export const DECISION_FILTERS = ["block", "override", "warn", "allow"] as const;
export const listDecisionsInput = z.object({
  accountId: accountId.optional(),
  /** "override": blocked decisions a manager let through. */
  decision: z.enum(DECISION_FILTERS, { error: "Unknown decision filter" }).optional(),
  rule: z
    .string()
    .trim()
    .regex(/^[A-Z]+(-[A-Z0-9]+)+$/, "A rule id looks like FREQ-01")
    .optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type ListDecisionsInput = z.input<typeof listDecisionsInput>;

export const NOTICE_MEDIA = ["mail", "email", "portal", "in_person", "phone"] as const;
export const recordValidationNoticeInput = z.object({
  accountId,
  medium: z.enum(NOTICE_MEDIA, { error: "Choose how the notice was provided" }),
  language: z.enum(["en", "es"], { error: "Choose English or Spanish" }).default("en"),
  /** When it was provided; now when absent. */
  providedAt: z.date({ error: "Malformed time" }).optional(),
});
export type RecordValidationNoticeInput = z.input<typeof recordValidationNoticeInput>;

export const validationNoticeInput = z.object({ accountId });
export type ValidationNoticeInput = z.input<typeof validationNoticeInput>;
