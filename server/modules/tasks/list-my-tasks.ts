import { and, asc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { accounts, debtors, tasks, users } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { ForbiddenError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { debtorZonesSql, usableZones } from "./debtor-zones";
import { listMyTasksInput, type ListMyTasksInput, type TaskWindow } from "./tasks.schemas";
import { canonicalTimeZone, startOfNextLocalDay } from "./zoned-time";

/**
 * The signed-in user's open tasks, soonest first. "Today" is the user's own calendar day (users.time_zone):
 * overdue = due before now, today = from now to the end of that day, upcoming = after it.
 */
export async function listMyTasks({ ctx, input }: { ctx: ServiceContext; input: ListMyTasksInput }) {
  assertCan(ctx, "task.manage");
  if (ctx.actor.type !== "staff") throw new ForbiddenError("Only staff members have tasks");
  const me = ctx.actor.userId;
  const q = parseInput(listMyTasksInput, input);
  const now = ctx.now();

  const [user] = await ctx.db
    .select({ timeZone: users.timeZone })
    .from(users)
    .where(and(eq(users.id, me), eq(users.orgId, ctx.orgId)));
  const timeZone = (user && canonicalTimeZone(user.timeZone)) ?? "UTC";
  const endOfToday = startOfNextLocalDay(now, timeZone);

  const mine = and(eq(tasks.orgId, ctx.orgId), eq(tasks.assigneeId, me), eq(tasks.status, "open"))!;
  const windows: Record<TaskWindow, SQL | undefined> = {
    overdue: lt(tasks.dueAt, now),
    today: and(gte(tasks.dueAt, now), lt(tasks.dueAt, endOfToday)),
    upcoming: gte(tasks.dueAt, endOfToday),
    all: undefined,
  };

  const [rows, [counts]] = await Promise.all([
    ctx.db
      .select({
        id: tasks.id,
        kind: tasks.kind,
        title: tasks.title,
        note: tasks.note,
        dueAt: tasks.dueAt,
        version: tasks.version,
        accountId: tasks.accountId,
        externalRef: accounts.externalRef,
        debtorName: sql<string>`${debtors.firstName} || ' ' || ${debtors.lastName}`,
        debtorTimeZones: debtorZonesSql(sql`${accounts.debtorId}`, sql`${tasks.orgId}`),
      })
      .from(tasks)
      .innerJoin(accounts, and(eq(accounts.id, tasks.accountId), eq(accounts.orgId, tasks.orgId)))
      .innerJoin(debtors, eq(debtors.id, accounts.debtorId))
      .where(and(mine, windows[q.window]))
      .orderBy(asc(tasks.dueAt), asc(tasks.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({
        overdue: sql<number>`count(*) filter (where ${windows.overdue})`.mapWith(Number),
        today: sql<number>`count(*) filter (where ${windows.today})`.mapWith(Number),
        upcoming: sql<number>`count(*) filter (where ${windows.upcoming})`.mapWith(Number),
      })
      .from(tasks)
      .where(mine),
  ]);

  const totals = { overdue: counts!.overdue, today: counts!.today, upcoming: counts!.upcoming };
  return {
    rows: rows.map((r) => ({
      ...r,
      debtorTimeZones: usableZones(r.debtorTimeZones),
      overdue: r.dueAt.getTime() < now.getTime(),
    })),
    counts: { ...totals, all: totals.overdue + totals.today + totals.upcoming },
    total: q.window === "all" ? totals.overdue + totals.today + totals.upcoming : totals[q.window],
    page: q.page,
    pageSize: q.pageSize,
    timeZone,
    now,
  };
}
