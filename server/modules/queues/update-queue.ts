import { and, eq, sql } from "drizzle-orm";
import { workQueues } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { ConflictError, isUniqueViolation, ValidationError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { findQueue, readDefinition, storedFilters } from "./queue-definition";
import { updateQueueInput, type UpdateQueueInput } from "./queues.schemas";
import { queueView } from "./queue-view";

/**
 * Edits a queue, deactivates or reactivates it. Only the fields given change; filters are replaced as a whole.
 * A stale version is refused so two admins never overwrite each other.
 */
export async function updateQueue({ ctx, input }: { ctx: ServiceContext; input: UpdateQueueInput }) {
  assertCan(ctx, "queue.manage");
  const data = parseInput(updateQueueInput, input);
  try {
    return await withTransaction(ctx, async (tx) => {
      const before = await findQueue(tx, data.queueId, true);
      if (before.version !== data.expectedVersion)
        throw new ConflictError(`Queue "${before.name}" changed since you opened it; reload and try again`);
      const current = readDefinition(before);
      // A queue whose stored filters no longer validate can be fixed only by giving new filters.
      if ("error" in current && data.filters === undefined)
        throw new ValidationError(`${current.error}. Give new filters to save it.`, [
          { path: "filters", message: current.error },
        ]);
      const base = "definition" in current ? current.definition : { sort: "priority" as const, dir: "desc" as const };
      const { sort: _sort, dir: _dir, ...baseFilters } = base;
      const filters = storedFilters({
        ...(data.filters ?? baseFilters),
        sort: data.sort ?? base.sort,
        dir: data.dir ?? base.dir,
      });
      const [after] = await tx.db
        .update(workQueues)
        .set({
          name: data.name ?? before.name,
          description: data.description === undefined ? before.description : data.description || null,
          filters,
          active: data.active ?? before.active,
          version: sql`${workQueues.version} + 1`,
          updatedAt: ctx.now(),
        })
        .where(
          and(
            eq(workQueues.id, before.id),
            eq(workQueues.orgId, ctx.orgId),
            eq(workQueues.version, data.expectedVersion),
          ),
        )
        .returning();
      if (!after) throw new ConflictError(`Queue "${before.name}" changed since you opened it; reload and try again`);
      const snapshot = (q: typeof before) => ({
        name: q.name,
        description: q.description,
        filters: q.filters,
        active: q.active,
      });
      const onlyActiveChanged =
        before.active !== after.active &&
        JSON.stringify({ ...snapshot(before), active: null }) === JSON.stringify({ ...snapshot(after), active: null });
      await recordAudit(tx, {
        action: onlyActiveChanged ? (after.active ? "queue.reactivated" : "queue.deactivated") : "queue.updated",
        entityType: "work_queue",
        entityId: after.id,
        before: { ...snapshot(before), version: before.version },
        after: { ...snapshot(after), version: after.version },
      });
      return queueView(after);
    });
  } catch (error) {
    if (isUniqueViolation(error, "work_queues_org_name_unique"))
      throw new ConflictError(`A queue named "${data.name}" already exists; choose another name`, { cause: error });
    throw error;
  }
}
