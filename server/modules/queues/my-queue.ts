import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { rowsOf } from "@/db";
import { accounts, debtors } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { bucketOf, daysPastDue, utcDate } from "@/server/modules/accounts/aging";
import { myQueueInput, type MyQueueInput, type QueueSection } from "./queues.schemas";
import { reasonText, type QueueReason } from "./reasons";
import { agentScope, brokenPromiseCondition, callbackDueCondition, restCondition } from "./work-sections";

/**
 * Counting a section stops here ("1,000+"): more than a few days' work reads the same to an agent or a manager,
 * and each counted row costs the hold and callback checks, so an exact count of 200,000 would cost seconds.
 */
export const QUEUE_COUNT_CAP = 1_000;

type Ref = { id: string; reason: QueueReason };

/**
 * The signed-in agent's queue, one page at a time: callbacks due, then broken promises, then the rest by
 * priority (sections and exclusions in work-sections.ts), each row with the reason it is there, and the size
 * of each section. "Next account" returns the first row of this list.
 */
export async function listMyQueue({ ctx, input }: { ctx: ServiceContext; input: MyQueueInput }) {
  assertCan(ctx, "queue.work");
  const q = parseInput(myQueueInput, input);
  const s = await agentScope(ctx, { pool: "mine" });

  const cappedCount = async (condition: SQL) =>
    Number(
      rowsOf<{ n: number }>(
        await ctx.db.execute(
          sql`select count(*)::int as n from (select 1 from ${accounts} where ${condition} limit ${QUEUE_COUNT_CAP + 1}) capped`,
        ),
      )[0]?.n ?? 0,
    );
  const [callbacks, broken, rest] = await Promise.all([
    ctx.db
      .execute(
        sql`select count(distinct t.account_id)::int as n from tasks t join ${accounts} on ${accounts.id} = t.account_id
          where ${callbackDueCondition(s)}`,
      )
      .then((r) => Number(rowsOf<{ n: number }>(r)[0]?.n ?? 0)),
    cappedCount(brokenPromiseCondition(s)),
    cappedCount(restCondition(s)),
  ]);
  const counts: Record<QueueSection, number> = {
    callback: callbacks,
    broken_promise: Math.min(broken, QUEUE_COUNT_CAP),
    priority: Math.min(rest, QUEUE_COUNT_CAP),
  };
  const capped = { broken_promise: broken > QUEUE_COUNT_CAP, priority: rest > QUEUE_COUNT_CAP };

  // The page is a window over the three sections laid end to end.
  const start = (q.page - 1) * q.pageSize;
  const windowOf = (before: number, size: number) => {
    const from = Math.max(start, before);
    const to = Math.min(start + q.pageSize, before + size);
    return { offset: from - before, limit: Math.max(0, to - from) };
  };
  const w1 = windowOf(0, counts.callback);
  const w2 = windowOf(counts.callback, counts.broken_promise);
  const w3 = windowOf(counts.callback + counts.broken_promise, counts.priority);

  const refs: Ref[] = [];
  if (w1.limit > 0) {
    const rows = rowsOf<{ account_id: string; due_at: string | Date }>(
      await ctx.db.execute(sql`
        select t.account_id, min(t.due_at) as due_at from tasks t join ${accounts} on ${accounts.id} = t.account_id
        where ${callbackDueCondition(s)}
        group by t.account_id order by min(t.due_at), t.account_id
        offset ${w1.offset} limit ${w1.limit}`),
    );
    refs.push(
      ...rows.map((r): Ref => ({ id: r.account_id, reason: { section: "callback", dueAt: new Date(r.due_at) } })),
    );
  }
  if (w2.limit > 0) {
    const rows = await ctx.db
      .select({ id: accounts.id, dueOn: accounts.promiseDueOn })
      .from(accounts)
      .where(brokenPromiseCondition(s))
      .orderBy(asc(accounts.promiseDueOn), asc(accounts.id))
      .offset(w2.offset)
      .limit(w2.limit);
    refs.push(...rows.map((r): Ref => ({ id: r.id, reason: { section: "broken_promise", promiseDueOn: r.dueOn! } })));
  }
  if (w3.limit > 0) {
    const rows = await ctx.db
      .select({ id: accounts.id, priority: accounts.priority })
      .from(accounts)
      .where(restCondition(s))
      .orderBy(desc(accounts.priority), asc(accounts.id))
      .offset(w3.offset)
      .limit(w3.limit);
    refs.push(...rows.map((r): Ref => ({ id: r.id, reason: { section: "priority", priority: r.priority } })));
  }

  const details = refs.length
    ? await ctx.db
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
        })
        .from(accounts)
        .innerJoin(debtors, eq(debtors.id, accounts.debtorId))
        .where(
          and(
            eq(accounts.orgId, ctx.orgId),
            inArray(
              accounts.id,
              refs.map((r) => r.id),
            ),
          ),
        )
    : [];
  const byId = new Map(details.map((d) => [d.id, d]));
  const utcToday = utcDate(s.now);

  return {
    timeZone: s.timeZone,
    counts,
    capped,
    total: counts.callback + counts.broken_promise + counts.priority,
    page: q.page,
    pageSize: q.pageSize,
    rows: refs.flatMap((ref) => {
      const d = byId.get(ref.id);
      if (!d) return [];
      const dpd = daysPastDue(d.dueOn, utcToday);
      return [
        {
          ...d,
          dpd,
          bucket: bucketOf(dpd),
          section: ref.reason.section === "ordering" ? "priority" : ref.reason.section,
          reason: reasonText(ref.reason, s.timeZone, s.today),
        },
      ];
    }),
  };
}
