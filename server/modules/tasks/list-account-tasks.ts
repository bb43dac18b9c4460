import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { tasks, users } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { findAccountInOrg } from "@/server/modules/accounts/shared";
import { listAccountTasksInput, type ListAccountTasksInput } from "./tasks.schemas";

const assignee = alias(users, "assignee");

/** An account's tasks: open ones by due time, then closed ones newest first (the last 100). */
export async function listAccountTasks({ ctx, input }: { ctx: ServiceContext; input: ListAccountTasksInput }) {
  assertCan(ctx, "account.read");
  const q = parseInput(listAccountTasksInput, input);
  await findAccountInOrg(ctx, q.accountId);
  return ctx.db
    .select({
      id: tasks.id,
      kind: tasks.kind,
      title: tasks.title,
      note: tasks.note,
      dueAt: tasks.dueAt,
      status: tasks.status,
      version: tasks.version,
      assigneeId: tasks.assigneeId,
      assigneeName: assignee.name,
      completedAt: tasks.completedAt,
      createdAt: tasks.createdAt,
    })
    .from(tasks)
    .leftJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .where(
      and(
        eq(tasks.orgId, ctx.orgId),
        eq(tasks.accountId, q.accountId),
        q.include === "open" ? eq(tasks.status, "open") : undefined,
      ),
    )
    .orderBy(
      sql`case when ${tasks.status} = 'open' then 0 else 1 end`,
      sql`case when ${tasks.status} = 'open' then ${tasks.dueAt} end asc`,
      desc(tasks.completedAt),
      asc(tasks.id),
    )
    .limit(100);
}
