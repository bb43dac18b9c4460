import { z } from "zod";
import type { contactPoints } from "@/db/schema";

type Row = typeof contactPoints.$inferSelect;

export const CONTACT_KINDS = ["phone", "email", "address"] as const satisfies readonly Row["kind"][];
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const PHONE_TYPES = ["mobile", "landline", "work"] as const satisfies readonly NonNullable<Row["phoneType"]>[];
export type PhoneType = (typeof PHONE_TYPES)[number];
export const CONTACT_SOURCES = [
  "creditor",
  "import",
  "debtor",
  "agent",
  "skip_trace",
] as const satisfies readonly Row["source"][];
export type ContactSource = (typeof CONTACT_SOURCES)[number];
/** Levels a person can give; "none" is the absence of consent, not something to record. */
export const CONSENT_LEVELS = ["express", "express_written"] as const satisfies readonly Row["consent"][];
export type ConsentLevel = (typeof CONSENT_LEVELS)[number];
/** How the debtor said stop (TCPA lets consent be revoked by any reasonable means). */
export const OPT_OUT_SOURCES = [
  "verbal_request",
  "written_request",
  "sms_stop",
  "unsubscribe_link",
  "email_reply",
  "debtor_portal",
] as const;
export type OptOutSource = (typeof OPT_OUT_SOURCES)[number];
export const OPT_OUT_SOURCE_LABELS: Record<OptOutSource, string> = {
  verbal_request: "Verbal request",
  written_request: "Written request",
  sms_stop: "Replied STOP to a text",
  unsubscribe_link: "Unsubscribe link",
  email_reply: "Replied to an email",
  debtor_portal: "Debtor portal",
};
/** Opt-out channels that only exist for one kind of contact point. */
export const OPT_OUT_SOURCE_KIND: Partial<Record<OptOutSource, ContactKind>> = {
  sms_stop: "phone",
  unsubscribe_link: "email",
  email_reply: "email",
};

/** The 50 states, DC and the inhabited territories (USPS codes). */
// prettier-ignore
export const US_STATE_CODES = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
  "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
  "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "VI", "GU", "MP", "AS",
] as const;

export const CONTACT_REASON_MIN = 3;

const accountId = z.uuid({ error: "Malformed account id" });
const contactPointId = z.uuid({ error: "Malformed contact point id" });
const expectedVersion = z.number().int().positive();

/** Phone text is parsed by the verb with libphonenumber; here only its presence and size are checked. */
const phoneFields = {
  kind: z.literal("phone"),
  value: z.string({ error: "Enter a phone number" }).trim().min(1, "Enter a phone number").max(40, "Too long"),
  phoneType: z.enum(PHONE_TYPES, { error: "Phone type is mobile, landline or work" }).optional(),
};

const emailFields = {
  kind: z.literal("email"),
  value: z
    .string({ error: "Enter an email address" })
    .trim()
    .toLowerCase()
    .min(1, "Enter an email address")
    .max(254, "An email address is at most 254 characters")
    .pipe(z.email({ error: (i) => `"${String(i.input)}" is not a valid email address, like name@example.com` })),
};

const line = (label: string, max = 200) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .overwrite((s) => s.replace(/\s+/g, " "))
    .min(1, `Enter the ${label}`)
    .max(max, `The ${label} is at most ${max} characters`);

const addressFields = {
  kind: z.literal("address"),
  line1: line("street address"),
  line2: z
    .string()
    .trim()
    .overwrite((s) => s.replace(/\s+/g, " "))
    .max(200, "Address line 2 is at most 200 characters")
    .optional()
    .transform((v) => (v ? v : undefined)),
  city: line("city", 100),
  state: z
    .string({ error: "Choose the state" })
    .trim()
    .toUpperCase()
    .refine((s) => (US_STATE_CODES as readonly string[]).includes(s), {
      error: (i) => `"${String(i.input)}" is not a US state code (e.g. AZ, NY, DC)`,
    }),
  postalCode: z
    .string({ error: "Enter the ZIP code" })
    .trim()
    .regex(/^\d{5}(?:[- ]?\d{4})?$/, "ZIP code must be 5 digits or ZIP+4 (85004 or 85004-1234)")
    .transform((zip) => {
      const digits = zip.replace(/\D/g, "");
      return digits.length === 9 ? `${digits.slice(0, 5)}-${digits.slice(5)}` : digits;
    }),
};

const kindError = { error: "Kind is phone, email or address" };

export const addContactPointInput = z.discriminatedUnion(
  "kind",
  [
    z.object({ accountId, source: z.enum(CONTACT_SOURCES).default("agent"), ...phoneFields }),
    z.object({ accountId, source: z.enum(CONTACT_SOURCES).default("agent"), ...emailFields }),
    z.object({ accountId, source: z.enum(CONTACT_SOURCES).default("agent"), ...addressFields }),
  ],
  kindError,
);
export type AddContactPointInput = z.input<typeof addContactPointInput>;
/** The kind-specific part of an add or a correction, after parsing. */
export type ContactFields = DistributiveOmit<z.output<typeof addContactPointInput>, "accountId" | "source">;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const target = { accountId, contactPointId, expectedVersion };

export const correctContactPointInput = z.discriminatedUnion(
  "kind",
  [
    z.object({ ...target, ...phoneFields }),
    z.object({ ...target, ...emailFields }),
    z.object({ ...target, ...addressFields }),
  ],
  kindError,
);
export type CorrectContactPointInput = z.input<typeof correctContactPointInput>;

export const invalidateContactPointInput = z.object({
  ...target,
  reason: z
    .string({ error: "Say why this contact point is invalid" })
    .trim()
    .min(CONTACT_REASON_MIN, "Say why this contact point is invalid (e.g. wrong number, bounced)")
    .max(500, "The reason is at most 500 characters"),
});
export type InvalidateContactPointInput = z.input<typeof invalidateContactPointInput>;

export const setPrimaryContactPointInput = z.object(target);
export type SetPrimaryContactPointInput = z.input<typeof setPrimaryContactPointInput>;

export const recordConsentInput = z.object({
  ...target,
  level: z.enum(CONSENT_LEVELS, { error: "Consent is express or express written" }),
  /** Where the consent came from: it must be provable later. */
  source: z
    .string({ error: "Say where the consent came from" })
    .trim()
    .min(CONTACT_REASON_MIN, "Say where the consent came from (e.g. recorded call 2026-11-24, signed application)")
    .max(300, "The consent source is at most 300 characters"),
});
export type RecordConsentInput = z.input<typeof recordConsentInput>;

export const recordOptOutInput = z.object({
  ...target,
  source: z.enum(OPT_OUT_SOURCES, { error: "Say how the debtor opted out" }),
  note: z
    .string()
    .trim()
    .max(500, "The note is at most 500 characters")
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type RecordOptOutInput = z.input<typeof recordOptOutInput>;

export const listContactPointsInput = z.object({ accountId });
export type ListContactPointsInput = z.input<typeof listContactPointsInput>;
