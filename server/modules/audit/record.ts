import { desc, eq, sql } from "drizzle-orm";
import { auditEvents } from "@/db/schema";
import { actorId, type TxContext } from "@/server/lib/context";
import { GENESIS_HASH, hashEvent, toJsonValue, type AuditContent } from "./chain";

export type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

/**
 * Appends one event to the organization's chain, inside the caller's transaction. The advisory lock serialises
 * writers of one organization until commit, so concurrent mutations never fork the chain.
 */
export async function recordAudit(ctx: TxContext, input: AuditInput): Promise<{ seq: number; hash: string }> {
  await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`audit:${ctx.orgId}`}, 0))`);
  const [last] = await ctx.db
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.orgId, ctx.orgId))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content: AuditContent = {
    orgId: ctx.orgId,
    actorType: ctx.actor.type,
    actorId: actorId(ctx.actor),
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    before: toJsonValue(input.before),
    after: toJsonValue(input.after),
    requestId: ctx.requestId,
    occurredAt: ctx.now(),
  };
  const hash = hashEvent(prevHash, content);
  const [row] = await ctx.db
    .insert(auditEvents)
    .values({ ...content, prevHash, hash })
    .returning({ seq: auditEvents.seq });
  return { seq: row!.seq, hash };
}
