import { and, eq, sql } from "drizzle-orm";
import { tasks } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { ConflictError, PreconditionError } from "@/server/lib/errors";
import { recordAudit } from "@/server/modules/audit/record";
import { findTaskInOrg } from "./shared";

/** Completes or cancels an open task the caller saw at `expectedVersion`. */
export async function closeTask(
  ctx: ServiceContext,
  data: { taskId: string; expectedVersion: number; reason?: string | undefined },
  status: "done" | "cancelled",
) {
  return withTransaction(ctx, async (tx) => {
    const before = await findTaskInOrg(tx, data.taskId);
    if (before.version !== data.expectedVersion) {
      throw new ConflictError("This task changed since you opened it; reload and try again");
    }
    if (before.status !== "open") {
      throw new PreconditionError(`This task is already ${before.status === "done" ? "completed" : "cancelled"}`);
    }
    const [after] = await tx.db
      .update(tasks)
      .set({
        status,
        completedAt: ctx.now(),
        completedById: ctx.actor.type === "staff" ? ctx.actor.userId : null,
        version: sql`${tasks.version} + 1`,
      })
      .where(and(eq(tasks.id, data.taskId), eq(tasks.orgId, ctx.orgId), eq(tasks.version, data.expectedVersion)))
      .returning();
    await recordAudit(tx, {
      action: status === "done" ? "task.completed" : "task.cancelled",
      entityType: "account",
      entityId: before.accountId,
      before: { taskId: before.id, status: before.status, version: before.version },
      after: {
        taskId: after!.id,
        title: after!.title,
        status: after!.status,
        version: after!.version,
        reason: data.reason ?? null,
      },
    });
    return after!;
  });
}
