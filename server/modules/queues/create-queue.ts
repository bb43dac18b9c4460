import { workQueues } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { ConflictError, isUniqueViolation } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { storedFilters } from "./queue-definition";
import { createQueueInput, type CreateQueueInput } from "./queues.schemas";
import { queueView } from "./queue-view";

export async function createQueue({ ctx, input }: { ctx: ServiceContext; input: CreateQueueInput }) {
  assertCan(ctx, "queue.manage");
  const data = parseInput(createQueueInput, input);
  const filters = storedFilters({ ...data.filters, sort: data.sort, dir: data.dir });
  try {
    return await withTransaction(ctx, async (tx) => {
      const [queue] = await tx.db
        .insert(workQueues)
        .values({
          orgId: ctx.orgId,
          name: data.name,
          description: data.description || null,
          filters,
          active: data.active,
          createdById: ctx.actor.type === "staff" ? ctx.actor.userId : null,
          createdAt: ctx.now(),
          updatedAt: ctx.now(),
        })
        .returning();
      await recordAudit(tx, {
        action: "queue.created",
        entityType: "work_queue",
        entityId: queue!.id,
        after: { name: queue!.name, description: queue!.description, filters, active: queue!.active },
      });
      return queueView(queue!);
    });
  } catch (error) {
    if (isUniqueViolation(error, "work_queues_org_name_unique"))
      throw new ConflictError(`A queue named "${data.name}" already exists; choose another name`, { cause: error });
    throw error;
  }
}
