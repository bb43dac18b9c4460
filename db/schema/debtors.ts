import { sql } from "drizzle-orm";
import {
  boolean,
  char,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
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
    // Case-insensitive prefix search on the last name (text_pattern_ops serves LIKE 'abc%' under any collation),
    // and the people of a spelling found in debtor_names (last name, then first name, equal).
    index("debtors_org_last_first_lower_idx").on(
      t.orgId,
      sql`lower(${t.lastName}) text_pattern_ops`,
      sql`lower(${t.firstName})`,
    ),
    // Typo-tolerant name search (pg_trgm similarity on the full name).
    index("debtors_full_name_trgm_idx").using("gin", sql`(lower(${t.firstName} || ' ' || ${t.lastName})) gin_trgm_ops`),
  ],
);

export const namePart = pgEnum("name_part", ["first", "last"]);

/**
 * Every distinct spelling of a first and of a last name in an organization, lower-cased: the dictionary a
 * misspelt name is looked up in. A portfolio of a million people has tens of thousands of spellings, so
 * comparing the typed word with each of them (edit distance, sound, trigrams) is cheap, where comparing it
 * with every debtor's name is not. Filled by a trigger on debtors (migration 0009); a spelling nobody has any
 * more stays, and finds nobody.
 */
export const debtorNames = pgTable(
  "debtor_names",
  {
    orgId: orgId().references(() => organizations.id),
    part: namePart("part").notNull(),
    name: text("name").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.part, t.name] }),
    // The close-spelling lookups of a search (server/modules/accounts/account-filters.ts closeSpellings): one
    // typo leaves the first or the second half of a word intact, found by prefix on the name or its reverse.
    index("debtor_names_prefix_idx").on(t.orgId, t.part, sql`${t.name} text_pattern_ops`),
    index("debtor_names_reverse_prefix_idx").on(t.orgId, t.part, sql`reverse(${t.name}) text_pattern_ops`),
    index("debtor_names_soundex_idx").on(t.orgId, t.part, sql`soundex(${t.name})`),
    index("debtor_names_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
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
