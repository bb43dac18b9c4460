import { and, eq } from "drizzle-orm";
import { tasks, users } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { NotFoundError, PreconditionError, ValidationError } from "@/server/lib/errors";
import type { TaskDue, TaskKind } from "./tasks.schemas";
import { canonicalTimeZone, zonedErrorMessage, zonedToInstant } from "./zoned-time";

/**
 * The instant a task is due, refusing a time in the past (a minute of grace for the time spent in the form)
 * and wall-clock times that a daylight-saving jump skips.
 */
export function resolveDue(due: TaskDue, now: Date, path = "due"): Date {
  let at: Date;
  if (due.kind === "instant") {
    at = due.at;
  } else {
    const zone = canonicalTimeZone(due.timeZone);
    const result = zonedToInstant(due.date, due.time, zone ?? due.timeZone);
    if (!result.ok) {
      const message = zonedErrorMessage(result.reason, due.date, due.time, due.timeZone);
      throw new ValidationError(message, [{ path, message }]);
    }
    at = result.instant;
  }
  if (at.getTime() < now.getTime() - 60_000) {
    const message = "The due time is in the past; pick a later time";
    throw new ValidationError(message, [{ path, message }]);
  }
  return at;
}

/** A user of the organization who can be given work: active and not read-only. */
export async function assertAssignable(ctx: ServiceContext, userId: string): Promise<{ id: string; name: string }> {
  const [user] = await ctx.db
    .select({ id: users.id, name: users.name, active: users.active, role: users.role })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.orgId, ctx.orgId)));
  if (!user) throw new NotFoundError("User", userId);
  if (!user.active) throw new PreconditionError(`${user.name} is deactivated and cannot be given tasks`);
  if (user.role === "auditor") throw new PreconditionError(`${user.name} is an auditor and cannot be given tasks`);
  return { id: user.id, name: user.name };
}

/** Who a task goes to when no one is named: the person creating it. */
export function defaultAssignee(ctx: ServiceContext): string {
  if (ctx.actor.type === "staff") return ctx.actor.userId;
  throw new ValidationError("Name the person the task is for", [{ path: "assigneeId", message: "Choose an assignee" }]);
}

export async function insertTask(
  ctx: ServiceContext,
  values: {
    accountId: string;
    kind: TaskKind;
    title: string;
    note?: string | undefined;
    dueAt: Date;
    assigneeId: string;
  },
) {
  const [task] = await ctx.db
    .insert(tasks)
    .values({
      orgId: ctx.orgId,
      accountId: values.accountId,
      kind: values.kind,
      title: values.title,
      note: values.note || null,
      dueAt: values.dueAt,
      assigneeId: values.assigneeId,
      createdById: ctx.actor.type === "staff" ? ctx.actor.userId : null,
      createdAt: ctx.now(),
    })
    .returning();
  return task!;
}

/** Loads a task of the caller's organization, locked for the update that follows. */
export async function findTaskInOrg(ctx: ServiceContext, taskId: string) {
  const [task] = await ctx.db
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, taskId), eq(tasks.orgId, ctx.orgId)))
    .for("update");
  if (!task) throw new NotFoundError("Task", taskId);
  return task;
}
