import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, instant, orgId, timestamps } from "./_columns";
import { USER_ROLES } from "./values";

export const organizations = pgTable("organizations", {
  id: id(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  /** Organization-wide settings (queue priority weights…), validated by the module that owns each key. */
  settings: jsonb("settings")
    .$type<Record<string, unknown>>()
    .notNull()
    .default(sql`'{}'::jsonb`),
  ...timestamps(),
});

export const userRole = pgEnum("user_role", USER_ROLES);

export const users = pgTable(
  "users",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: userRole("role").notNull(),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    lastSignInAt: instant("last_sign_in_at"),
    /** IANA zone the user works in: task due times are shown in it beside the debtor's. */
    timeZone: text("time_zone").notNull().default("America/New_York"),
    ...timestamps(),
  },
  (t) => [
    // Email is the sign-in identifier, so it is unique across organizations, case-insensitively.
    uniqueIndex("users_email_unique").on(sql`lower(${t.email})`),
    index("users_org_idx").on(t.orgId, t.name),
  ],
);
