import { sql } from "drizzle-orm";
import { boolean, char, date, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, instant, orgId, timestamps } from "./_columns";
import { organizations } from "./organizations";

export const language = pgEnum("language", ["en", "es"]);

export const debtors = pgTable(
  "debtors",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id),
    externalId: text("external_id"),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }),
    language: language("language").notNull().default("en"),
    deceased: boolean("deceased").notNull().default(false),
    attorneyRepresented: boolean("attorney_represented").notNull().default(false),
    bankruptcy: boolean("bankruptcy").notNull().default(false),
    servicemember: boolean("servicemember").notNull().default(false),
    vulnerable: boolean("vulnerable").notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("debtors_org_external_unique")
      .on(t.orgId, t.externalId)
      .where(sql`${t.externalId} is not null`),
    index("debtors_org_name_idx").on(t.orgId, t.lastName, t.firstName),
    // Case-insensitive prefix search on the last name (text_pattern_ops serves LIKE 'abc%' under any collation).
    index("debtors_org_last_name_prefix_idx").on(t.orgId, sql`lower(${t.lastName}) text_pattern_ops`),
    // Sound-alike last names (fuzzystrmatch soundex): catches swapped letters trigrams miss ("Simth" → Smith).
    index("debtors_org_last_name_soundex_idx").on(t.orgId, sql`soundex(${t.lastName})`),
    // Typo-tolerant name search (pg_trgm similarity on the full name).
    index("debtors_full_name_trgm_idx").using("gin", sql`(lower(${t.firstName} || ' ' || ${t.lastName})) gin_trgm_ops`),
  ],
);

export const contactKind = pgEnum("contact_kind", ["phone", "email", "address"]);
export const phoneType = pgEnum("phone_type", ["mobile", "landline", "work"]);
export const contactValidity = pgEnum("contact_validity", ["unverified", "valid", "invalid"]);
/** TCPA distinguishes prior express consent from prior express written consent (needed for marketing/autodialed). */
export const consentLevel = pgEnum("consent_level", ["none", "express", "express_written"]);
export const contactSource = pgEnum("contact_source", ["creditor", "import", "debtor", "agent", "skip_trace"]);

/**
 * A phone number, email address or postal address of a debtor. Each carries its own validity, consent, opt-out
 * and time-zone evidence because the compliance gate decides per contact point, not per person.
 */
export const contactPoints = pgTable(
  "contact_points",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    kind: contactKind("kind").notNull(),
    phoneType: phoneType("phone_type"),
    /** E.164 for phones, lower-cased address for emails, one formatted line for postal addresses. */
    value: text("value").notNull(),
    line1: text("line1"),
    line2: text("line2"),
    city: text("city"),
    state: char("state", { length: 2 }),
    postalCode: text("postal_code"),
    country: char("country", { length: 2 }).notNull().default("US"),
    /** IANA zone (e.g. America/Phoenix), never a fixed offset. */
    timeZone: text("time_zone"),
    timeZoneSource: text("time_zone_source"),
    validity: contactValidity("validity").notNull().default("unverified"),
    isPrimary: boolean("is_primary").notNull().default(false),
    source: contactSource("source").notNull().default("creditor"),
    consent: consentLevel("consent").notNull().default("none"),
    consentSource: text("consent_source"),
    consentAt: instant("consent_at"),
    optedOutAt: instant("opted_out_at"),
    optOutSource: text("opt_out_source"),
    /** Optimistic concurrency for corrections: a stale edit is refused, never silently applied. */
    version: integer("version").notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    index("contact_points_debtor_idx").on(t.debtorId),
    index("contact_points_org_value_idx").on(t.orgId, t.kind, t.value),
  ],
);
