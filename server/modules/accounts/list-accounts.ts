import { aliasedTable, and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { rowsOf } from "@/db";
import { accounts, creditors, debtors, users } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { bucketOf, daysPastDue, dueOnRangeFor, utcDate, type AgingBucket } from "./aging";
import { listAccountsInput, type AccountSort, type ListAccountsInput } from "./accounts.schemas";

/** Counting stops here: past it the list says "10,000+" instead of scanning a million rows for a number. */
export const COUNT_CAP = 10_000;

export function bucketCondition(bucket: AgingBucket, today: string): SQL {
  const r = dueOnRangeFor(bucket, today);
  const range = and(
    r.onOrAfter ? gte(accounts.dueOn, r.onOrAfter) : undefined,
    r.onOrBefore ? lte(accounts.dueOn, r.onOrBefore) : undefined,
  )!;
  return r.orNull ? or(isNull(accounts.dueOn), range)! : range;
}

const sortColumns: Record<AccountSort, SQL> = {
  // Most days past due first means the oldest due date first; accounts with no due date are least overdue.
  dpd: sql`${accounts.dueOn}`,
  balance: sql`${accounts.balanceMinor}`,
  reference: sql`${accounts.externalRef}`,
  placed: sql`${accounts.placedAt}`,
  status: sql`${accounts.status}`,
};

export async function listAccounts({ ctx, input }: { ctx: ServiceContext; input: ListAccountsInput }) {
  assertCan(ctx, "account.read");
  const q = parseInput(listAccountsInput, input);
  const today = utcDate(ctx.now());

  const where: (SQL | undefined)[] = [eq(accounts.orgId, ctx.orgId)];
  if (q.status?.length) where.push(inArray(accounts.status, q.status));
  if (q.bucket?.length) where.push(or(...q.bucket.map((b) => bucketCondition(b, today))));
  if (q.creditorId) where.push(eq(accounts.creditorId, q.creditorId));
  if (q.state) where.push(eq(accounts.jurisdictionState, q.state));
  if (q.assignee === "unassigned") where.push(isNull(accounts.assigneeId));
  else if (q.assignee) where.push(eq(accounts.assigneeId, q.assignee));
  if (q.minBalance !== undefined) where.push(gte(accounts.balanceMinor, q.minBalance));
  if (q.maxBalance !== undefined) where.push(lte(accounts.balanceMinor, q.maxBalance));
  if (q.q) {
    // Two index-backed prefix lookups (reference, debtor last name) joined by UNION, rather than an OR the
    // planner could only answer by scanning every account.
    const pattern = `${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`${accounts.id} in (
        select r.id from accounts r where r.org_id = ${ctx.orgId} and lower(r.external_ref) like ${pattern}
        union all
        select a.id from accounts a join debtors d on d.id = a.debtor_id
        where d.org_id = ${ctx.orgId} and a.org_id = ${ctx.orgId} and lower(d.last_name) like ${pattern}
      )`,
    );
  }
  const condition = and(...where);

  // dpd "desc" = oldest due date first; the direction is inverted for that column only.
  const column = sortColumns[q.sort];
  const ascending = q.sort === "dpd" ? q.dir === "desc" : q.dir === "asc";
  const order = ascending ? sql`${column} asc nulls last` : sql`${column} desc nulls last`;
  const assignee = aliasedTable(users, "assignee");

  const rowsQuery = ctx.db
    .select({
      id: accounts.id,
      externalRef: accounts.externalRef,
      status: accounts.status,
      currency: accounts.currency,
      balanceMinor: accounts.balanceMinor,
      dueOn: accounts.dueOn,
      placedAt: accounts.placedAt,
      state: accounts.jurisdictionState,
      debtorId: accounts.debtorId,
      debtorName: sql<string>`${debtors.firstName} || ' ' || ${debtors.lastName}`,
      creditorName: creditors.name,
      assigneeName: assignee.name,
    })
    .from(accounts)
    .innerJoin(debtors, eq(debtors.id, accounts.debtorId))
    .innerJoin(creditors, eq(creditors.id, accounts.creditorId))
    .leftJoin(assignee, eq(assignee.id, accounts.assigneeId))
    .where(condition)
    .orderBy(order, ascending ? asc(accounts.id) : desc(accounts.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);

  const countQuery = ctx.db.execute<{ n: number }>(
    sql`select count(*)::int as n from (select 1 from ${accounts} where ${condition} limit ${COUNT_CAP + 1}) capped`,
  );
  const [rows, countResult] = await Promise.all([rowsQuery, countQuery]);
  const counted = Number(rowsOf<{ n: number }>(countResult)[0]?.n ?? 0);

  return {
    rows: rows.map((r) => {
      const dpd = daysPastDue(r.dueOn, today);
      return { ...r, dpd, bucket: bucketOf(dpd) };
    }),
    total: Math.min(counted, COUNT_CAP),
    totalIsCapped: counted > COUNT_CAP,
    page: q.page,
    pageSize: q.pageSize,
  };
}
