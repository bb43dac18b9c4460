import { and, eq, inArray, isNull, notInArray, or, sql, type SQL } from "drizzle-orm";
import { accounts, users } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { ForbiddenError } from "@/server/lib/errors";
import { accountHasNoActiveHold } from "@/server/modules/holds/active-holds";
import { WORKABLE_STATUSES } from "./queues.schemas";
import { agentDay, safeTimeZone } from "./zoned-day";

/**
 * What "due for work" means, as SQL over `accounts`, shared by My queue, "next account", work queues and the
 * team view so a count and a walk never disagree. A queue has three sections, in this order:
 *
 * 1. Callbacks due: an open callback task assigned to the agent whose time has come, earliest first. Shown even
 *    if the account was contacted today (the debtor asked for this call).
 * 2. Broken promises: the latest promise is broken, or still pending past its date (payments have not settled
 *    it yet), and nobody has contacted the debtor since that date, oldest first. Once followed up the account
 *    goes back to ordinary priority order, so an unanswered broken promise does not top the queue forever.
 * 3. The rest, by priority (or a work queue's own ordering).
 *
 * Every section leaves out accounts in a status nobody calls on (WORKABLE_STATUSES) and accounts under ANY
 * active hold, manual ones included: a hold is a stop on collection, and whoever wants the account worked
 * releases it (with a reason, audited) rather than the queue deciding which stops count. Sections 2 and 3 also
 * leave out accounts contacted today (the agent's day, in their zone), accounts with an open callback (due
 * later: the debtor asked to be called then; due now but someone else's: it is in that person's section 1),
 * and accounts with a pending promise not yet due (we are waiting for the payment).
 */
export type WorkScope = {
  orgId: string;
  userId: string;
  now: Date;
  /** The agent's local date and the instant it began (users.time_zone). */
  today: string;
  dayStart: Date;
  timeZone: string;
  /** My queue: accounts assigned to the agent. A work queue: theirs or unassigned (see next-account.ts). */
  pool: "mine" | "mine_or_unassigned";
  /** A work queue's filters (accountConditions); none for My queue. */
  filter?: SQL;
  skip?: readonly string[];
};

/** The signed-in agent's scope: queues belong to a person, so only staff have one. */
export async function agentScope(
  ctx: ServiceContext,
  options: Pick<WorkScope, "pool" | "filter" | "skip">,
): Promise<WorkScope> {
  if (ctx.actor.type !== "staff") throw new ForbiddenError("Work queues belong to a signed-in staff member");
  const [user] = await ctx.db
    .select({ timeZone: users.timeZone })
    .from(users)
    .where(and(eq(users.id, ctx.actor.userId), eq(users.orgId, ctx.orgId)));
  if (!user) throw new ForbiddenError("Your user is not part of this organization");
  const now = ctx.now();
  const timeZone = safeTimeZone(user.timeZone);
  return { orgId: ctx.orgId, userId: ctx.actor.userId, now, timeZone, ...agentDay(now, timeZone), ...options };
}

export function workableCondition(): SQL {
  return and(inArray(accounts.status, [...WORKABLE_STATUSES]), accountHasNoActiveHold())!;
}

function poolCondition(s: WorkScope): SQL {
  return s.pool === "mine"
    ? eq(accounts.assigneeId, s.userId)
    : or(eq(accounts.assigneeId, s.userId), isNull(accounts.assigneeId))!;
}

function commonCondition(s: WorkScope): SQL {
  return and(
    eq(accounts.orgId, s.orgId),
    workableCondition(),
    s.filter,
    s.skip?.length ? notInArray(accounts.id, [...s.skip]) : undefined,
  )!;
}

/** Section 1, over `tasks t` joined to `accounts`: the agent's callbacks whose time has come. */
export function callbackDueCondition(s: WorkScope): SQL {
  return and(
    sql`t.org_id = ${s.orgId} and t.assignee_id = ${s.userId} and t.status = 'open' and t.kind = 'callback'
      and t.due_at <= ${s.now.toISOString()}::timestamptz`,
    commonCondition(s),
  )!;
}

export function notContactedToday(dayStart: Date | SQL): SQL {
  const start = dayStart instanceof Date ? sql`${dayStart.toISOString()}::timestamptz` : dayStart;
  return sql`(${accounts.lastContactAt} is null or ${accounts.lastContactAt} < ${start})`;
}

export function noOpenCallback(): SQL {
  return sql`not exists (
    select 1 from tasks c
    where c.account_id = ${accounts.id} and c.org_id = ${accounts.orgId} and c.status = 'open' and c.kind = 'callback'
  )`;
}

/**
 * Not waiting on a pending promise that is not yet due. Written out rather than as NOT(…) so NULLs (no promise)
 * count as "not waiting".
 */
export function notAwaitingPromise(today: string | SQL): SQL {
  const day = typeof today === "string" ? sql`${today}::date` : today;
  return sql`(${accounts.promiseStatus} is distinct from 'pending' or ${accounts.promiseDueOn} is null or ${accounts.promiseDueOn} < ${day})`;
}

/**
 * A broken promise not yet followed up: broken, or pending past its date (the accounts list's rule, as in
 * `effectivePromiseStatus`), with no contact since that date. Plain ANDed predicates so the planner can drive the lookup from accounts_org_promise_idx; `statuses` lets
 * "next" run one index-ordered lookup per status instead of sorting both together.
 */
export function brokenPromise(today: string, statuses: readonly ("pending" | "broken")[] = ["pending", "broken"]): SQL {
  return sql`(${inArray(accounts.promiseStatus, [...statuses])} and ${accounts.promiseDueOn} < ${today}::date
    and (${accounts.lastContactAt} is null or (${accounts.lastContactAt} at time zone 'UTC')::date <= ${accounts.promiseDueOn}))`;
}

function notBrokenPromise(today: string): SQL {
  return sql`not coalesce(${brokenPromise(today)}, false)`;
}

/** Sections 2 and 3 together: the agent's accounts due for work other than callbacks. */
export function dueAccountCondition(s: WorkScope): SQL {
  return and(
    commonCondition(s),
    poolCondition(s),
    notContactedToday(s.dayStart),
    noOpenCallback(),
    notAwaitingPromise(s.today),
  )!;
}

export function brokenPromiseCondition(s: WorkScope, statuses?: readonly ("pending" | "broken")[]): SQL {
  return and(dueAccountCondition(s), brokenPromise(s.today, statuses))!;
}

export function restCondition(s: WorkScope): SQL {
  return and(dueAccountCondition(s), notBrokenPromise(s.today))!;
}
