import { aliasedTable, eq, sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { accounts, debtors, users } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { bucketOf, daysPastDue, utcDate } from "@/server/modules/accounts/aging";
import { COUNT_CAP as LIST_COUNT_CAP } from "@/server/modules/accounts/list-accounts";
import { definitionOf, findQueue, queueConditions, queueOrderBy, withFilterSettings } from "./queue-definition";
import { queueAccountsInput, type QueueAccountsInput } from "./queues.schemas";

/**
 * Every account a queue's filters select, in the queue's ordering, a page at a time. This is what the queue
 * covers; "Work this queue" walks the part of it that is due for work and is the agent's or nobody's.
 */
export async function listQueueAccounts({ ctx, input }: { ctx: ServiceContext; input: QueueAccountsInput }) {
  assertCan(ctx, "queue.read");
  assertCan(ctx, "account.read");
  const q = parseInput(queueAccountsInput, input);
  const queue = await findQueue(ctx, q.queueId);
  const definition = definitionOf(queue);
  const condition = queueConditions(ctx, definition);
  const orderBy = queueOrderBy(definition);
  const assignee = aliasedTable(users, "assignee");

  // Deferred join, as in the accounts list: the page's ids from accounts alone, then the names for those rows.
  const page = ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(condition)
    .orderBy(...orderBy)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .as("page");
  const [rows, countResult] = await withFilterSettings(
    ctx,
    async ({ db }) =>
      [
        await db
          .select({
            id: accounts.id,
            externalRef: accounts.externalRef,
            status: accounts.status,
            currency: accounts.currency,
            balanceMinor: accounts.balanceMinor,
            dueOn: accounts.dueOn,
            priority: accounts.priority,
            lastContactAt: accounts.lastContactAt,
            debtorName: sql<string>`${debtors.firstName} || ' ' || ${debtors.lastName}`,
            assigneeId: accounts.assigneeId,
            assigneeName: assignee.name,
          })
          .from(page)
          .innerJoin(accounts, eq(accounts.id, page.id))
          .innerJoin(debtors, eq(debtors.id, accounts.debtorId))
          .leftJoin(assignee, eq(assignee.id, accounts.assigneeId))
          .orderBy(...orderBy),
        await db.execute(
          sql`select count(*)::int as n from (select 1 from ${accounts} where ${condition} limit ${LIST_COUNT_CAP + 1}) capped`,
        ),
      ] as const,
  );
  const counted = Number(rowsOf<{ n: number }>(countResult)[0]?.n ?? 0);
  const today = utcDate(ctx.now());
  return {
    queue: { id: queue.id, name: queue.name, active: queue.active, version: queue.version },
    rows: rows.map((r) => {
      const dpd = daysPastDue(r.dueOn, today);
      return { ...r, dpd, bucket: bucketOf(dpd) };
    }),
    total: Math.min(counted, LIST_COUNT_CAP),
    totalIsCapped: counted > LIST_COUNT_CAP,
    page: q.page,
    pageSize: q.pageSize,
  };
}
