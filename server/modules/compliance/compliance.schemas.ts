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

const minutes = (label: string, max: number) =>
  z
    .number({ error: `${label} must be a number of minutes` })
    .int(`${label} is a whole number of minutes`)
    .min(0, `${label} cannot be negative`)
    .max(max, `${label} is at most ${max} minutes`);

/**
 * What an organization may set (organizations.settings.compliance). Each field's bounds are the law's floor:
 * a stricter value is accepted, a looser one refused with the reason, before anything is saved (ENG-04).
 */
export const compliancePolicyInput = z.object({
  regime: z.enum(["third_party_collector", "debt_buyer", "first_party_creditor"], { error: "Unknown regime" }),
  policy: z
    .object({
      unknownLocation: z.enum(["block", "fifty_state_window"], { error: "block or fifty_state_window" }),
      frequencyWindow: z.enum(["calendar", "rolling_168h"], { error: "calendar or rolling_168h" }),
      maxCallsPerSevenDays: z
        .number()
        .int("A whole number of calls")
        .min(1, "At least one call")
        .max(7, "Reg F 1006.14(b) allows at most 7 calls in 7 days; a policy may be stricter, not looser"),
      callWindowMarginMinutes: z.object({
        start: minutes("The margin after 08:00", 240),
        end: minutes("The margin before 21:00", 240),
      }),
      patterns: z.enum(["warn", "block"], { error: "warn or block" }),
      minMinutesBetweenCallsToNumber: minutes("The pause between calls to one number", 24 * 60),
      maxConnectedCallsPerDay: z.number().int().min(1, "At least one").max(7, "At most 7"),
      maxTextsPerDay: z.number().int().min(1, "At least one").max(20, "At most 20"),
      maxTextsPerWeek: z.number().int().min(1, "At least one").max(50, "At most 50"),
      designationScope: z.enum(["all_media", "named_medium"], { error: "all_media or named_medium" }),
      tcpaRevokeAll: z.boolean(),
      electronicSafeHarbor: z.enum(["block", "warn"], { error: "block or warn" }),
      replyWindowMinutes: minutes("The reply window", 24 * 60),
      applyFederalToFirstParty: z.boolean(),
    })
    .partial(),
});
export type CompliancePolicyInput = z.input<typeof compliancePolicyInput>;
