import { sql } from "drizzle-orm";
import { bigint, char, date, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, instant, money, orgId, timestamps } from "./_columns";
import { creditors } from "./creditors";
import { debtors } from "./debtors";
import { organizations, users } from "./organizations";
import { ACCOUNT_STATUSES, PROMISE_STATUSES } from "./values";

export const accountStatus = pgEnum("account_status", ACCOUNT_STATUSES);
export const promiseStatus = pgEnum("promise_status", PROMISE_STATUSES);

/**
 * A debt. The balance columns are a projection of the ledger: they change only in the same transaction as the
 * ledger rows that explain them (server/modules/ledger), and `ledger:verify` proves they reconcile.
 */
export const accounts = pgTable(
  "accounts",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id),
    creditorId: uuid("creditor_id")
      .notNull()
      .references(() => creditors.id),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    externalRef: text("external_ref").notNull(),
    originalCreditor: text("original_creditor"),
    productType: text("product_type"),
    currency: char("currency", { length: 3 }).notNull().default("USD"),
    originalBalanceMinor: money("original_balance_minor"),
    principalMinor: money("principal_minor"),
    interestMinor: money("interest_minor"),
    feesMinor: money("fees_minor"),
    balanceMinor: bigint("balance_minor", { mode: "number" })
      .notNull()
      .generatedAlwaysAs(sql`principal_minor + interest_minor + fees_minor`),
    status: accountStatus("status").notNull().default("active"),
    openedOn: date("opened_on", { mode: "string" }),
    chargedOffOn: date("charged_off_on", { mode: "string" }),
    /** Oldest unpaid due date: days past due and the aging bucket derive from it (server/modules/accounts/aging). */
    dueOn: date("due_on", { mode: "string" }),
    lastPaymentOn: date("last_payment_on", { mode: "string" }),
    itemizationOn: date("itemization_on", { mode: "string" }),
    statuteOfLimitationsOn: date("statute_of_limitations_on", { mode: "string" }),
    placedAt: instant("placed_at").notNull().defaultNow(),
    jurisdictionState: char("jurisdiction_state", { length: 2 }),
    jurisdictionCity: text("jurisdiction_city"),
    segment: text("segment"),
    assigneeId: uuid("assignee_id").references(() => users.id),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Last contact attempt of any channel (interactions); drives "days since last contact" and My queue. */
    lastContactAt: instant("last_contact_at"),
    /** The latest promise to pay, denormalised from `promises` so the list and queues filter without a join. */
    promiseStatus: promiseStatus("promise_status"),
    promiseDueOn: date("promise_due_on", { mode: "string" }),
    /**
     * Work order within an agent's queue, higher first. Recomputed set-based from the organization's weights
     * (server/modules/queues); expected recovery replaces it once scoring exists.
     */
    priority: integer("priority").notNull().default(0),
    /** Optimistic concurrency: every update checks and bumps it. */
    version: integer("version").notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("accounts_creditor_ref_unique").on(t.orgId, t.creditorId, t.externalRef),
    // Case-insensitive prefix search on the reference.
    index("accounts_org_ref_prefix_idx").on(t.orgId, sql`lower(${t.externalRef}) text_pattern_ops`),
    index("accounts_org_due_idx").on(t.orgId, t.dueOn),
    index("accounts_org_balance_idx").on(t.orgId, t.balanceMinor),
    index("accounts_org_status_due_idx").on(t.orgId, t.status, t.dueOn),
    // A creditor's portfolio is the commonest scope of work: its list sorts walk these instead of walking the
    // whole organization's sort index and filtering out every other creditor's accounts.
    index("accounts_org_creditor_due_idx").on(t.orgId, t.creditorId, t.dueOn),
    index("accounts_org_creditor_balance_idx").on(t.orgId, t.creditorId, t.balanceMinor),
    index("accounts_org_creditor_placed_idx").on(t.orgId, t.creditorId, t.placedAt),
    index("accounts_org_state_idx").on(t.orgId, t.jurisdictionState),
    index("accounts_org_assignee_idx").on(t.orgId, t.assigneeId),
    index("accounts_org_placed_idx").on(t.orgId, t.placedAt),
    index("accounts_debtor_idx").on(t.debtorId),
    index("accounts_org_last_contact_idx").on(t.orgId, t.lastContactAt),
    index("accounts_org_assignee_priority_idx").on(t.orgId, t.assigneeId, t.priority.desc().nullsFirst(), t.id),
    index("accounts_org_promise_idx")
      .on(t.orgId, t.promiseStatus, t.promiseDueOn)
      .where(sql`${t.promiseStatus} is not null`),
    index("accounts_tags_idx").using("gin", t.tags),
  ],
);

export const ledgerKind = pgEnum("ledger_kind", [
  "charge",
  "interest",
  "fee",
  "payment",
  "reversal",
  "adjustment",
  "write_off",
]);

/**
 * Immutable money movements (a trigger refuses UPDATE and DELETE). Amounts are signed deltas per component:
 * a payment is negative, a charge positive. A correction is a new row, never an edit.
 */
export const ledgerTransactions = pgTable(
  "ledger_transactions",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    kind: ledgerKind("kind").notNull(),
    principalMinor: money("principal_minor"),
    interestMinor: money("interest_minor"),
    feesMinor: money("fees_minor"),
    currency: char("currency", { length: 3 }).notNull(),
    effectiveOn: date("effective_on", { mode: "string" }).notNull(),
    postedAt: instant("posted_at").notNull().defaultNow(),
    description: text("description"),
    /** Idempotency: the same external transaction is never posted twice. */
    externalId: text("external_id"),
    reversesId: uuid("reverses_id"),
  },
  (t) => [
    index("ledger_account_idx").on(t.accountId, t.effectiveOn),
    uniqueIndex("ledger_org_external_unique")
      .on(t.orgId, t.externalId)
      .where(sql`${t.externalId} is not null`),
  ],
);

export const notes = pgTable(
  "notes",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    authorId: uuid("author_id").references(() => users.id),
    body: text("body").notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [index("notes_account_idx").on(t.accountId, t.createdAt)],
);
