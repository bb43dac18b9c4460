import { and, asc, eq, ne, sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { accounts, users } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { QUEUE_COUNT_CAP } from "./my-queue";
import { agentDay, safeTimeZone } from "./zoned-day";
import { noOpenCallback, notAwaitingPromise, notContactedToday, workableCondition } from "./work-sections";

type Balance = { currency: string; minor: number };

/**
 * The manager's view, per person who works accounts: active agents, plus anyone else (a manager, an admin, a
 * deactivated agent) who still holds accounts, so a leaver's portfolio shows up to be reassigned. "Today" is
 * each person's own day in their zone. Due-for-work is My queue's size (callbacks due + the rest), with the
 * rest counted up to a cap per person so the page stays fast on a large portfolio.
 */
export async function getTeamOverview({ ctx }: { ctx: ServiceContext }) {
  assertCan(ctx, "team.read");
  const now = ctx.now();

  const [people, holdings, unassigned] = await Promise.all([
    ctx.db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        active: users.active,
        timeZone: users.timeZone,
      })
      .from(users)
      .where(and(eq(users.orgId, ctx.orgId), ne(users.role, "auditor")))
      .orderBy(asc(users.name), asc(users.id)),
    ctx.db
      .select({
        assigneeId: accounts.assigneeId,
        currency: accounts.currency,
        count: sql<number>`count(*)::int`,
        minor: sql<string>`coalesce(sum(${accounts.balanceMinor}), 0)::text`,
      })
      .from(accounts)
      .where(and(eq(accounts.orgId, ctx.orgId), sql`${accounts.assigneeId} is not null`))
      .groupBy(accounts.assigneeId, accounts.currency),
    ctx.db
      .select({
        currency: accounts.currency,
        count: sql<number>`count(*)::int`,
        minor: sql<string>`coalesce(sum(${accounts.balanceMinor}), 0)::text`,
      })
      .from(accounts)
      .where(and(eq(accounts.orgId, ctx.orgId), sql`${accounts.assigneeId} is null`))
      .groupBy(accounts.currency),
  ]);

  const held = new Map<string, { count: number; balances: Balance[] }>();
  for (const h of holdings) {
    const entry = held.get(h.assigneeId!) ?? { count: 0, balances: [] };
    entry.count += Number(h.count);
    entry.balances.push({ currency: h.currency, minor: Number(h.minor) });
    held.set(h.assigneeId!, entry);
  }
  const members = people.filter((p) => (p.active && p.role === "agent") || held.has(p.id));

  const stats = new Map<string, { due: number; callbacks: number; interactions: number; tasksDone: number }>();
  if (members.length) {
    const rows = members.map((m) => {
      const day = agentDay(now, safeTimeZone(m.timeZone));
      return sql`(${m.id}::uuid, ${day.dayStart.toISOString()}::timestamptz, ${day.today}::date)`;
    });
    const nowSql = sql`${now.toISOString()}::timestamptz`;
    const result = await ctx.db.execute(sql`
      select ag.id,
        (select count(*)::int from (
          select 1 from ${accounts}
          where ${accounts.orgId} = ${ctx.orgId} and ${accounts.assigneeId} = ag.id and ${workableCondition()}
            and ${notContactedToday(sql`ag.day_start`)} and ${noOpenCallback()} and ${notAwaitingPromise(sql`ag.today`)}
          limit ${QUEUE_COUNT_CAP + 1}) capped) as due,
        (select count(distinct t.account_id)::int from tasks t join ${accounts} on ${accounts.id} = t.account_id
          where t.org_id = ${ctx.orgId} and t.assignee_id = ag.id and t.status = 'open' and t.kind = 'callback'
            and t.due_at <= ${nowSql} and ${accounts.orgId} = ${ctx.orgId} and ${workableCondition()}) as callbacks,
        (select count(*)::int from interactions i
          where i.org_id = ${ctx.orgId} and i.agent_id = ag.id and i.occurred_at >= ag.day_start and i.occurred_at <= ${nowSql}) as interactions,
        (select count(*)::int from tasks d
          where d.org_id = ${ctx.orgId} and d.completed_by_id = ag.id and d.status = 'done'
            and d.completed_at >= ag.day_start and d.completed_at <= ${nowSql}) as tasks_done
      from (values ${sql.join(rows, sql`, `)}) as ag(id, day_start, today)`);
    for (const r of rowsOf<{ id: string; due: number; callbacks: number; interactions: number; tasks_done: number }>(
      result,
    ))
      stats.set(r.id, {
        due: Number(r.due),
        callbacks: Number(r.callbacks),
        interactions: Number(r.interactions),
        tasksDone: Number(r.tasks_done),
      });
  }

  return {
    countCap: QUEUE_COUNT_CAP,
    members: members.map((m) => {
      const s = stats.get(m.id) ?? { due: 0, callbacks: 0, interactions: 0, tasksDone: 0 };
      const h = held.get(m.id) ?? { count: 0, balances: [] };
      return {
        userId: m.id,
        name: m.name,
        email: m.email,
        role: m.role,
        active: m.active,
        timeZone: m.timeZone,
        assigned: h.count,
        balances: h.balances,
        /** Callbacks due plus the rest of My queue; the rest is counted up to countCap. */
        dueForWork: s.callbacks + Math.min(s.due, QUEUE_COUNT_CAP),
        dueIsCapped: s.due > QUEUE_COUNT_CAP,
        callbacksDue: s.callbacks,
        interactionsToday: s.interactions,
        tasksDoneToday: s.tasksDone,
        /** Receives accounts in a rebalance: active and not an auditor. */
        assignable: m.active,
      };
    }),
    unassigned: {
      count: unassigned.reduce((n, u) => n + Number(u.count), 0),
      balances: unassigned.map((u) => ({ currency: u.currency, minor: Number(u.minor) })),
    },
  };
}
