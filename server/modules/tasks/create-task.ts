import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { findAccountInOrg } from "@/server/modules/accounts/shared";
import { recordAudit } from "@/server/modules/audit/record";
import { assertAssignable, defaultAssignee, insertTask, resolveDue } from "./shared";
import { createTaskInput, type CreateTaskInput } from "./tasks.schemas";

/** A callback, review or follow-up on an account, due at an instant (given in any IANA zone). */
export async function createTask({ ctx, input }: { ctx: ServiceContext; input: CreateTaskInput }) {
  assertCan(ctx, "task.manage");
  const data = parseInput(createTaskInput, input);
  const dueAt = resolveDue(data.due, ctx.now());
  return withTransaction(ctx, async (tx) => {
    await findAccountInOrg(tx, data.accountId);
    const assignee = await assertAssignable(tx, data.assigneeId ?? defaultAssignee(ctx));
    const task = await insertTask(tx, {
      accountId: data.accountId,
      kind: data.kind,
      title: data.title,
      note: data.note,
      dueAt,
      assigneeId: assignee.id,
    });
    await recordAudit(tx, {
      action: "task.created",
      entityType: "account",
      entityId: data.accountId,
      after: { taskId: task.id, kind: task.kind, title: task.title, dueAt: task.dueAt, assigneeId: task.assigneeId },
    });
    return task;
  });
}
