import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, orgId, timestamps } from "./_columns";
import { organizations, users } from "./organizations";

/**
 * A named set of account-list filters and sort. Personal unless shared with the organization. The filters are
 * stored as JSON and re-validated against the list's schema whenever they are read, so an old view whose filter
 * no longer exists fails with a clear message instead of silently matching everything.
 */
export const savedViews = pgTable(
  "saved_views",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    shared: boolean("shared").notNull().default(false),
    filters: jsonb("filters").$type<Record<string, unknown>>().notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("saved_views_owner_name_unique").on(t.orgId, t.ownerId, sql`lower(${t.name})`),
    index("saved_views_org_shared_idx").on(t.orgId, t.shared),
  ],
);

/** An admin-defined work queue: a saved filter plus an ordering that agents work through. */
export const workQueues = pgTable(
  "work_queues",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id),
    name: text("name").notNull(),
    description: text("description"),
    filters: jsonb("filters").$type<Record<string, unknown>>().notNull(),
    active: boolean("active").notNull().default(true),
    createdById: uuid("created_by_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    ...timestamps(),
  },
  (t) => [uniqueIndex("work_queues_org_name_unique").on(t.orgId, sql`lower(${t.name})`)],
);
