import { and, desc, eq, gte, lt, lte, sql, type SQL } from "drizzle-orm";
import { auditEvents, users } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { listAuditInput, type ListAuditInput } from "./audit.schemas";

/** The audit page: newest first, filtered, keyset-paged so deep pages stay fast. */
export async function listAuditEvents({ ctx, input }: { ctx: ServiceContext; input: ListAuditInput }) {
  assertCan(ctx, "audit.read");
  const q = listAuditInput.parse(input);
  const where: SQL[] = [eq(auditEvents.orgId, ctx.orgId)];
  if (q.actorId) where.push(eq(auditEvents.actorId, q.actorId));
  if (q.action) where.push(eq(auditEvents.action, q.action));
  if (q.entityType) where.push(eq(auditEvents.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditEvents.entityId, q.entityId));
  if (q.from) where.push(gte(auditEvents.occurredAt, q.from));
  if (q.to) where.push(lte(auditEvents.occurredAt, q.to));
  if (q.before) where.push(lt(auditEvents.seq, q.before));
  const rows = await ctx.db
    .select({
      seq: auditEvents.seq,
      occurredAt: auditEvents.occurredAt,
      actorType: auditEvents.actorType,
      actorId: auditEvents.actorId,
      actorName: users.name,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      before: auditEvents.before,
      after: auditEvents.after,
      requestId: auditEvents.requestId,
      hash: auditEvents.hash,
    })
    .from(auditEvents)
    // actor_id is text (it also holds job names); compare as text so non-uuid actors do not break the join.
    .leftJoin(users, and(eq(users.orgId, auditEvents.orgId), sql`${auditEvents.actorId} = ${users.id}::text`))
    .where(and(...where))
    .orderBy(desc(auditEvents.seq))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { events: page, nextCursor: rows.length > q.limit ? page[page.length - 1]!.seq : null };
}
