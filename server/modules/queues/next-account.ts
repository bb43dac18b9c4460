import { asc, desc, sql } from "drizzle-orm";
import type { z } from "zod";
import { rowsOf } from "@/db";
import { accounts } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { PreconditionError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { definitionOf, findQueue, queueConditions, queueOrderBy, withFilterSettings } from "./queue-definition";
import { nextAccountInput, type NextAccountInput, type QueueSection } from "./queues.schemas";
import { reasonText, type QueueReason } from "./reasons";
import {
  agentScope,
  brokenPromiseCondition,
  callbackDueCondition,
  restCondition,
  type WorkScope,
} from "./work-sections";

export type NextAccount = { accountId: string; section: QueueSection; reason: string } | null;

/**
 * The first account of the agent's queue (sections in work-sections.ts), leaving out the ones skipped this
 * session and the current one. Each section is one small lookup ordered by an index with LIMIT 1, tried in turn,
 * so the answer never depends on sorting the agent's 200,000 accounts:
 *   callbacks   tasks_org_assignee_due_idx (org, assignee, due_at) where open
 *   promises    accounts_org_promise_idx (org, promise_status, promise_due_on), once per status
 *   priority    accounts_org_assignee_priority_idx (org, assignee, priority desc, id)
 *
 * With `queueId` it walks an admin-defined queue instead: the same sections within the queue's filters, the
 * last one in the queue's ordering, over accounts assigned to the caller or to nobody. Other agents' accounts
 * stay theirs even when they match a queue; a manager or admin working a queue is held to the same rule.
 */
export async function nextAccount({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: NextAccountInput;
}): Promise<NextAccount> {
  assertCan(ctx, "queue.work");
  const q = parseInput(nextAccountInput, input);
  // A queue's filters may search by name, which needs the list's settings; My queue is plain index lookups.
  return q.queueId ? withFilterSettings(ctx, (c) => findNext(c, q)) : findNext(ctx, q);
}

async function findNext(ctx: ServiceContext, q: z.output<typeof nextAccountInput>): Promise<NextAccount> {
  const skip = [...new Set(q.currentAccountId ? [...q.skip, q.currentAccountId] : q.skip)];

  let scope: WorkScope;
  let queueName: string | undefined;
  let ordering = [desc(accounts.priority), asc(accounts.id)];
  let sortIsPriority = true;
  if (q.queueId) {
    const queue = await findQueue(ctx, q.queueId);
    if (!queue.active) throw new PreconditionError(`Queue "${queue.name}" is inactive`);
    const definition = definitionOf(queue);
    queueName = queue.name;
    ordering = queueOrderBy(definition);
    sortIsPriority = definition.sort === "priority";
    scope = await agentScope(ctx, { pool: "mine_or_unassigned", filter: queueConditions(ctx, definition), skip });
  } else {
    scope = await agentScope(ctx, { pool: "mine", skip });
  }
  const answer = (accountId: string, reason: QueueReason): NextAccount => ({
    accountId,
    section: reason.section === "ordering" ? "priority" : reason.section,
    reason: reasonText(reason, scope.timeZone, scope.today),
  });

  const callback = rowsOf<{ account_id: string; due_at: string | Date }>(
    await ctx.db.execute(sql`
      select t.account_id, t.due_at from tasks t join ${accounts} on ${accounts.id} = t.account_id
      where ${callbackDueCondition(scope)}
      order by t.due_at, t.id limit 1`),
  )[0];
  if (callback) return answer(callback.account_id, { section: "callback", dueAt: new Date(callback.due_at) });

  const promiseLookup = (status: "pending" | "broken") =>
    ctx.db
      .select({ id: accounts.id, dueOn: accounts.promiseDueOn })
      .from(accounts)
      .where(brokenPromiseCondition(scope, [status]))
      .orderBy(asc(accounts.promiseDueOn), asc(accounts.id))
      .limit(1);
  const promises = [...(await promiseLookup("pending")), ...(await promiseLookup("broken"))].sort((a, b) =>
    a.dueOn! === b.dueOn! ? (a.id < b.id ? -1 : 1) : a.dueOn! < b.dueOn! ? -1 : 1,
  );
  if (promises[0]) return answer(promises[0].id, { section: "broken_promise", promiseDueOn: promises[0].dueOn! });

  const [rest] = await ctx.db
    .select({ id: accounts.id, priority: accounts.priority })
    .from(accounts)
    .where(restCondition(scope))
    .orderBy(...ordering)
    .limit(1);
  if (!rest) return null;
  return answer(
    rest.id,
    sortIsPriority
      ? { section: "priority", priority: rest.priority }
      : { section: "ordering", label: `Next in ${queueName}` },
  );
}
