import { sql } from "drizzle-orm";
import { bigint, char, date, index, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, instant, orgId } from "./_columns";
import { accounts } from "./accounts";
import { contactPoints, debtors, language } from "./debtors";
import { organizations, users } from "./organizations";

export const gateDecision = pgEnum("gate_decision", ["allow", "warn", "block"]);

/**
 * Every decision the compliance gate took on an action that was executed or refused (REC-03): what was
 * proposed, what it decided and why, under which rule-set version, and a SHA-256 digest of the exact inputs so
 * the decision can be reproduced. Append-only (migration 0012's trigger). A blocked action that a manager let
 * through carries the override and its reason; the override is audited too.
 */
export const complianceDecisions = pgTable(
  "compliance_decisions",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    /** The account the action was taken from. */
    accountId: uuid("account_id").references(() => accounts.id),
    accountIds: uuid("account_ids").array().notNull(),
    channel: text("channel").notNull(),
    purpose: text("purpose").notNull(),
    contactPointId: uuid("contact_point_id").references(() => contactPoints.id),
    /** When the action was (to be) executed. */
    actionAt: instant("action_at").notNull(),
    decision: gateDecision("decision").notNull(),
    rules: text("rules").array().notNull(),
    reasons: jsonb("reasons").$type<{ rule: string; severity: string; message: string; until?: string }[]>().notNull(),
    nextAllowedAt: instant("next_allowed_at"),
    ruleSetVersion: text("rule_set_version").notNull(),
    inputDigest: char("input_digest", { length: 64 }).notNull(),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    overrideById: uuid("override_by_id").references(() => users.id),
    overrideReason: text("override_reason"),
    evaluatedAt: instant("evaluated_at").notNull(),
  },
  (t) => [
    index("compliance_decisions_org_time_idx").on(t.orgId, t.evaluatedAt),
    index("compliance_decisions_account_idx").on(t.accountId, t.evaluatedAt),
    index("compliance_decisions_org_blocked_idx")
      .on(t.orgId, t.evaluatedAt)
      .where(sql`${t.decision} = 'block'`),
  ],
);

export const noticeMedium = pgEnum("notice_medium", ["mail", "email", "portal", "in_person", "phone"]);
export const itemizationDateType = pgEnum("itemization_date_type", [
  "last_statement",
  "charge_off",
  "last_payment",
  "transaction",
  "judgment",
]);

/**
 * A Regulation F validation notice provided for an account (1006.34): the figures it showed, computed once from
 * the ledger and kept as sent, and the validation period it started. The compliance gate reads these to know
 * whether a notice is owed (VAL-01), whether a dispute was timely (DISP-01) and whether a message overshadows
 * the period (DISP-05).
 */
export const validationNotices = pgTable(
  "validation_notices",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    providedAt: instant("provided_at").notNull(),
    medium: noticeMedium("medium").notNull(),
    language: language("language").notNull().default("en"),
    itemizationDateType: itemizationDateType("itemization_date_type").notNull(),
    itemizationOn: date("itemization_on", { mode: "string" }).notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    amountOnItemizationMinor: bigint("amount_on_itemization_minor", { mode: "number" }).notNull(),
    interestSinceMinor: bigint("interest_since_minor", { mode: "number" }).notNull(),
    feesSinceMinor: bigint("fees_since_minor", { mode: "number" }).notNull(),
    paymentsAndCreditsSinceMinor: bigint("payments_and_credits_since_minor", { mode: "number" }).notNull(),
    currentAmountMinor: bigint("current_amount_minor", { mode: "number" }).notNull(),
    assumedReceiptOn: date("assumed_receipt_on", { mode: "string" }).notNull(),
    validationEndsOn: date("validation_ends_on", { mode: "string" }).notNull(),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [index("validation_notices_account_idx").on(t.accountId, t.providedAt)],
);
