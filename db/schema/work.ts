import { sql } from "drizzle-orm";
import { bigint, boolean, char, date, index, integer, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, instant, orgId } from "./_columns";
import { accounts, promiseStatus } from "./accounts";
import { contactPoints, debtors } from "./debtors";
import { organizations, users } from "./organizations";
import { CALL_OUTCOMES, HOLD_KINDS, INTERACTION_CHANNELS, PERSONS_REACHED, TASK_KINDS, TASK_STATUSES } from "./values";

export const interactionChannel = pgEnum("interaction_channel", INTERACTION_CHANNELS);
export const interactionDirection = pgEnum("interaction_direction", ["inbound", "outbound"]);
export const personReached = pgEnum("person_reached", PERSONS_REACHED);
export const callOutcome = pgEnum("call_outcome", CALL_OUTCOMES);

/**
 * Every contact attempt or communication with a debtor, inbound or outbound. Reg F 1006.14 counts calls per
 * person and per debt over seven days, so each row names the person (debtor) and every debt it concerned.
 */
export const interactions = pgTable(
  "interactions",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    /** The account the interaction was logged from. */
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    /** Every debt the interaction concerned (discussed, or attempted about); always includes accountId. */
    accountIds: uuid("account_ids").array().notNull(),
    channel: interactionChannel("channel").notNull(),
    direction: interactionDirection("direction").notNull(),
    contactPointId: uuid("contact_point_id").references(() => contactPoints.id),
    /** The number or address actually used (E.164 for phones), kept even if the contact point changes later. */
    address: text("address"),
    personReached: personReached("person_reached").notNull().default("none"),
    outcome: callOutcome("outcome"),
    /** A conversation took place (Reg F: a call that results in a conversation starts the 7-day cooldown). */
    conversation: boolean("conversation").notNull().default(false),
    durationSeconds: integer("duration_seconds"),
    note: text("note"),
    /** Why it was made, when not collection: an opt-out confirmation, a reply (the gate allows one of each). */
    purpose: text("purpose"),
    /** The inbound interaction this one answers. */
    inReplyToId: uuid("in_reply_to_id"),
    occurredAt: instant("occurred_at").notNull(),
    agentId: uuid("agent_id").references(() => users.id),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("interactions_debtor_idx").on(t.debtorId, t.occurredAt),
    index("interactions_account_idx").on(t.accountId, t.occurredAt),
    index("interactions_account_ids_idx").using("gin", t.accountIds),
    index("interactions_org_agent_idx").on(t.orgId, t.agentId, t.occurredAt),
  ],
);

export const holdKind = pgEnum("hold_kind", HOLD_KINDS);

/**
 * A stop on collection activity. With an accountId it holds that debt (a dispute); without one it holds every
 * account of the debtor (cease, attorney, bankruptcy, deceased, servicemember). Released, never deleted.
 */
export const holds = pgTable(
  "holds",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    accountId: uuid("account_id").references(() => accounts.id),
    kind: holdKind("kind").notNull(),
    reason: text("reason").notNull(),
    /** What supports the hold: a document reference, a letter's date, a case number. */
    evidence: text("evidence"),
    /** Kind-specific facts (attorney name and phone, bankruptcy chapter and case number…). */
    details: jsonb("details").$type<Record<string, string>>(),
    placedById: uuid("placed_by_id").references(() => users.id),
    placedAt: instant("placed_at").notNull(),
    releasedAt: instant("released_at"),
    releasedById: uuid("released_by_id").references(() => users.id),
    releaseReason: text("release_reason"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("holds_debtor_idx").on(t.debtorId),
    index("holds_account_idx").on(t.accountId),
    index("holds_org_active_idx")
      .on(t.orgId, t.kind)
      .where(sql`${t.releasedAt} is null`),
    // "Held" as sets (heldAccountCondition): each set is an index-only scan of the organization's active holds
    // of one level, not a read of every hold row (at 1M accounts: 56 ms → 12 ms to build both sets).
    index("holds_org_active_account_idx")
      .on(t.orgId, t.accountId, t.kind)
      .where(sql`${t.releasedAt} is null and ${t.accountId} is not null`),
    index("holds_org_active_debtor_idx")
      .on(t.orgId, t.debtorId, t.kind)
      .where(sql`${t.releasedAt} is null and ${t.accountId} is null`),
  ],
);

export const taskKind = pgEnum("task_kind", TASK_KINDS);
export const taskStatus = pgEnum("task_status", TASK_STATUSES);

/** Work for a person at a time: callbacks, reviews, follow-ups. */
export const tasks = pgTable(
  "tasks",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    kind: taskKind("kind").notNull(),
    title: text("title").notNull(),
    note: text("note"),
    dueAt: instant("due_at").notNull(),
    assigneeId: uuid("assignee_id").references(() => users.id),
    status: taskStatus("status").notNull().default("open"),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: instant("created_at").notNull().defaultNow(),
    completedAt: instant("completed_at"),
    completedById: uuid("completed_by_id").references(() => users.id),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("tasks_org_assignee_due_idx")
      .on(t.orgId, t.assigneeId, t.dueAt)
      .where(sql`${t.status} = 'open'`),
    index("tasks_account_idx").on(t.accountId, t.dueAt),
  ],
);

/** A promise to pay an amount by a date. Kept or broken is settled by payments (issue: payments). */
export const promises = pgTable(
  "promises",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    status: promiseStatus("status").notNull().default("pending"),
    interactionId: uuid("interaction_id").references(() => interactions.id),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: instant("created_at").notNull().defaultNow(),
    resolvedAt: instant("resolved_at"),
  },
  (t) => [
    index("promises_account_idx").on(t.accountId, t.createdAt),
    index("promises_org_status_due_idx").on(t.orgId, t.status, t.dueOn),
  ],
);
