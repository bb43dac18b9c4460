import { sql } from "drizzle-orm";
import { char, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, instant, orgId, timestamps } from "./_columns";
import { complianceDecisions } from "./compliance";
import { accounts } from "./accounts";
import { contactPoints, debtors, language } from "./debtors";
import { organizations, users } from "./organizations";
import { MESSAGE_STATUSES, TEMPLATE_CHANNELS, TEMPLATE_KINDS } from "./values";
import { interactions } from "./work";

export const templateChannel = pgEnum("template_channel", TEMPLATE_CHANNELS);
export const templateKind = pgEnum("template_kind", TEMPLATE_KINDS);
export const templateVersionStatus = pgEnum("template_version_status", ["draft", "published", "retired"]);

/**
 * A message admins write once and Recoup renders per debtor: one channel, one language. Its text lives in
 * versions; `publishedVersionId` is the one sends use.
 */
export const messageTemplates = pgTable(
  "message_templates",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id),
    name: text("name").notNull(),
    description: text("description"),
    channel: templateChannel("channel").notNull(),
    language: language("language").notNull().default("en"),
    kind: templateKind("kind").notNull().default("communication"),
    publishedVersionId: uuid("published_version_id"),
    archivedAt: instant("archived_at"),
    createdById: uuid("created_by_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    ...timestamps(),
  },
  (t) => [uniqueIndex("message_templates_org_name_unique").on(t.orgId, t.channel, t.language, sql`lower(${t.name})`)],
);

/**
 * The text of a template at one point of its life: a draft being edited, the published one, or a retired one
 * kept for history (what a past message was rendered from). Never deleted.
 */
export const templateVersions = pgTable(
  "template_versions",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id),
    templateId: uuid("template_id")
      .notNull()
      .references(() => messageTemplates.id),
    number: integer("number").notNull(),
    status: templateVersionStatus("status").notNull().default("draft"),
    subject: text("subject"),
    body: text("body").notNull(),
    /** What the compliance lint said when it was published (warnings a publisher accepted). */
    findings: jsonb("findings").$type<{ rule: string; severity: string; message: string }[]>(),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: instant("created_at").notNull().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
    publishedById: uuid("published_by_id").references(() => users.id),
    publishedAt: instant("published_at"),
  },
  (t) => [
    uniqueIndex("template_versions_number_unique").on(t.templateId, t.number),
    // One draft at a time: an edit changes the draft, it does not start a second one.
    uniqueIndex("template_versions_one_draft")
      .on(t.templateId)
      .where(sql`${t.status} = 'draft'`),
  ],
);

export const messageChannel = pgEnum("message_channel", ["email", "sms", "letter"]);
export const messageDirection = pgEnum("message_direction", ["outbound", "inbound"]);
export const messageStatus = pgEnum("message_status", MESSAGE_STATUSES);
export const messageTransport = pgEnum("message_transport", ["outbox", "resend", "twilio", "print"]);

/**
 * Every message Recoup sent, tried to send, or received: what was rendered (and its hash), from which template
 * version, through which transport, what the provider said, and what the compliance gate decided. The
 * idempotency key makes a retry find the first attempt instead of sending twice.
 */
export const messages = pgTable(
  "messages",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id),
    direction: messageDirection("direction").notNull().default("outbound"),
    channel: messageChannel("channel").notNull(),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    accountId: uuid("account_id").references(() => accounts.id),
    accountIds: uuid("account_ids").array().notNull(),
    contactPointId: uuid("contact_point_id").references(() => contactPoints.id),
    toAddress: text("to_address").notNull(),
    fromAddress: text("from_address"),
    templateVersionId: uuid("template_version_id").references(() => templateVersions.id),
    purpose: text("purpose").notNull().default("collection"),
    inReplyToId: uuid("in_reply_to_id"),
    subject: text("subject"),
    bodyText: text("body_text").notNull(),
    bodyHtml: text("body_html"),
    /** Email headers sent with it (the one-click unsubscribe). */
    headers: jsonb("headers").$type<Record<string, string>>(),
    /** SHA-256 of what was rendered (subject, text, HTML): proves what the debtor received. */
    contentHash: char("content_hash", { length: 64 }).notNull(),
    /** Letters: the stored PDF (server/modules/imports/storage keys). */
    documentKey: text("document_key"),
    transport: messageTransport("transport").notNull(),
    providerId: text("provider_id"),
    status: messageStatus("status").notNull(),
    error: text("error"),
    idempotencyKey: text("idempotency_key").notNull(),
    attempts: integer("attempts").notNull().default(0),
    scheduledFor: instant("scheduled_for"),
    sentAt: instant("sent_at"),
    statusAt: instant("status_at"),
    complianceDecisionId: uuid("compliance_decision_id").references(() => complianceDecisions.id),
    interactionId: uuid("interaction_id").references(() => interactions.id),
    createdById: uuid("created_by_id").references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("messages_org_idempotency_unique").on(t.orgId, t.idempotencyKey),
    index("messages_org_time_idx").on(t.orgId, t.createdAt),
    index("messages_account_idx").on(t.accountId, t.createdAt),
    index("messages_provider_idx").on(t.transport, t.providerId),
    index("messages_due_idx")
      .on(t.scheduledFor)
      .where(sql`${t.status} = 'scheduled'`),
  ],
);

/** Provider callbacks (delivered, bounced, complained, status), each processed once per provider event id. */
export const messageEvents = pgTable(
  "message_events",
  {
    id: id(),
    orgId: uuid("org_id").references(() => organizations.id),
    messageId: uuid("message_id").references(() => messages.id),
    provider: text("provider").notNull(),
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    payload: jsonb("payload").notNull(),
    receivedAt: instant("received_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("message_events_provider_event_unique").on(t.provider, t.eventId)],
);

export const optOutMedium = pgEnum("opt_out_medium", ["call", "sms", "email", "letter", "electronic", "all"]);

/**
 * A person's request not to be contacted through a medium (Reg F 1006.14(h), 1006.6(e)), at one address or for
 * the whole medium, as received: a STOP reply, an unsubscribe click, a spam complaint, a request on a call. The
 * TCPA revocation rides on it (the compliance gate reads both from here).
 */
export const optOuts = pgTable(
  "opt_outs",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    contactPointId: uuid("contact_point_id").references(() => contactPoints.id),
    medium: optOutMedium("medium").notNull(),
    source: text("source").notNull(),
    /** The message that carried it (a STOP reply), when any. */
    messageId: uuid("message_id").references(() => messages.id),
    at: instant("at").notNull(),
    ...timestamps(),
  },
  (t) => [index("opt_outs_debtor_idx").on(t.debtorId, t.at)],
);
