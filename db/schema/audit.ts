import { bigserial, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { instant } from "./_columns";

/**
 * Append-only, hash-chained per organization: `hash = sha256(prevHash || canonical(content))`. A trigger
 * (migration 0001) refuses UPDATE, DELETE and TRUNCATE; `npm run audit:verify` recomputes the chain.
 * No foreign keys on purpose: the log must outlive whatever it describes.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id").notNull(),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id").notNull(),
    occurredAt: instant("occurred_at").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_org_seq_idx").on(t.orgId, t.seq),
    index("audit_org_entity_idx").on(t.orgId, t.entityType, t.entityId),
    index("audit_org_actor_idx").on(t.orgId, t.actorId),
    index("audit_org_action_idx").on(t.orgId, t.action),
    index("audit_org_time_idx").on(t.orgId, t.occurredAt),
    // Bulk verbs write one event listing the ids they touched (`after.accountIds`); this finds them per account.
    index("audit_after_gin_idx").using("gin", t.after.op("jsonb_path_ops")),
  ],
);
