import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import { accounts, workQueues } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { NotFoundError, PreconditionError } from "@/server/lib/errors";
import { accountConditions, applyFilterSettings } from "@/server/modules/accounts/account-filters";
import { utcDate } from "@/server/modules/accounts/aging";
import { storedQueueDefinition, type QueueDefinition, type QueueSort } from "./queues.schemas";

export type WorkQueueRow = typeof workQueues.$inferSelect;

/** A queue of the caller's organization; another organization's id is simply not found. */
export async function findQueue(ctx: ServiceContext, queueId: string, lock = false): Promise<WorkQueueRow> {
  const query = ctx.db
    .select()
    .from(workQueues)
    .where(and(eq(workQueues.id, queueId), eq(workQueues.orgId, ctx.orgId)));
  const [queue] = await (lock ? query.for("update") : query);
  if (!queue) throw new NotFoundError("Queue", queueId);
  return queue;
}

/** The stored definition re-validated, or the reason it no longer is valid. */
export function readDefinition(queue: WorkQueueRow): { definition: QueueDefinition } | { error: string } {
  const parsed = storedQueueDefinition.safeParse(queue.filters);
  if (parsed.success) return { definition: parsed.data };
  const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "filters"}: ${i.message}`).join("; ");
  return { error: `The filters of queue "${queue.name}" are no longer valid (${problems}); an admin must edit it` };
}

export function definitionOf(queue: WorkQueueRow): QueueDefinition {
  const read = readDefinition(queue);
  if ("error" in read) throw new PreconditionError(read.error);
  return read.definition;
}

/** The stored form: the list's filters and the ordering side by side, as the list's URL parameters are. */
export function storedFilters(definition: QueueDefinition): Record<string, unknown> {
  return JSON.parse(JSON.stringify(definition)) as Record<string, unknown>;
}

/**
 * Runs reads over a queue's filters in one transaction with the settings the list's filters need (the search's
 * similarity threshold; no JIT or parallel workers on these index-driven queries).
 */
export function withFilterSettings<T>(ctx: ServiceContext, run: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    await applyFilterSettings(tx);
    return run({ ...ctx, db: tx });
  });
}

export function queueConditions(ctx: ServiceContext, definition: QueueDefinition): SQL {
  return accountConditions(ctx.orgId, definition, utcDate(ctx.now()));
}

const sortColumns = {
  dpd: accounts.dueOn,
  balance: accounts.balanceMinor,
  reference: accounts.externalRef,
  placed: accounts.placedAt,
  status: accounts.status,
  priority: accounts.priority,
} satisfies Record<QueueSort, unknown>;

/**
 * ORDER BY for a queue's ordering, ties broken by id, with the list's meaning of each sort (most days past due
 * is the oldest due date first, so that column runs the other way).
 */
export function queueOrderBy(definition: Pick<QueueDefinition, "sort" | "dir">): SQL[] {
  const column = sortColumns[definition.sort];
  const ascending = definition.sort === "dpd" ? definition.dir === "desc" : definition.dir === "asc";
  // Priority ties go to the lower id in both directions: the order the (priority desc, id) index is kept in.
  const idOrder = definition.sort === "priority" || ascending ? asc(accounts.id) : desc(accounts.id);
  return [ascending ? asc(column) : desc(column), idOrder];
}
