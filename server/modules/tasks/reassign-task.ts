import { and, eq, sql } from "drizzle-orm";
import { tasks } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { ConflictError, PreconditionError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { assertAssignable, findTaskInOrg } from "./shared";
import { reassignTaskInput, type ReassignTaskInput } from "./tasks.schemas";

export async function reassignTask({ ctx, input }: { ctx: ServiceContext; input: ReassignTaskInput }) {
  assertCan(ctx, "task.manage");
  const data = parseInput(reassignTaskInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await findTaskInOrg(tx, data.taskId);
    if (before.version !== data.expectedVersion) {
      throw new ConflictError("This task changed since you opened it; reload and try again");
    }
    if (before.status !== "open") throw new PreconditionError("Only an open task can be reassigned");
    const assignee = await assertAssignable(tx, data.assigneeId);
    if (before.assigneeId === assignee.id) throw new PreconditionError(`This task is already ${assignee.name}'s`);
    const [after] = await tx.db
      .update(tasks)
      .set({ assigneeId: assignee.id, version: sql`${tasks.version} + 1` })
      .where(and(eq(tasks.id, data.taskId), eq(tasks.orgId, ctx.orgId), eq(tasks.version, data.expectedVersion)))
      .returning();
    await recordAudit(tx, {
      action: "task.reassigned",
      entityType: "account",
      entityId: before.accountId,
      before: { taskId: before.id, assigneeId: before.assigneeId, version: before.version },
      after: { taskId: after!.id, title: after!.title, assigneeId: after!.assigneeId, version: after!.version },
    });
    return after!;
  });
}
