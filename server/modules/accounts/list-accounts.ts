import { aliasedTable, asc, desc, eq, sql } from "drizzle-orm";
import { rowsOf, type Database } from "@/db";
import { accounts, creditors, debtors, users } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { bucketOf, daysPastDue, utcDate } from "./aging";
import { accountConditions } from "./account-filters";
import { listAccountsInput, type AccountSort, type ListAccountsInput } from "./accounts.schemas";

/** Counting stops here: past it the list says "10,000+" instead of scanning a million rows for a number. */
export const COUNT_CAP = 10_000;

const sortColumns = {
  dpd: accounts.dueOn,
  balance: accounts.balanceMinor,
  reference: accounts.externalRef,
  placed: accounts.placedAt,
  status: accounts.status,
} satisfies Record<AccountSort, unknown>;

function withoutParallelWorkers<T>(ctx: ServiceContext, run: (db: Database) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return run(tx);
  });
}

export async function listAccounts({ ctx, input }: { ctx: ServiceContext; input: ListAccountsInput }) {
  assertCan(ctx, "account.read");
  const q = parseInput(listAccountsInput, input);
  const today = utcDate(ctx.now());

  const condition = accountConditions(ctx.orgId, q, today);

  // Most days past due first is the oldest due date first, so the direction is inverted for that column.
  // PostgreSQL's default null placement (last ascending, first descending) is what DPD means (no due date is
  // current, the least overdue) and what the btree indexes are scanned in, so no NULLS clause is given.
  const column = sortColumns[q.sort];
  const ascending = q.sort === "dpd" ? q.dir === "desc" : q.dir === "asc";
  const assignee = aliasedTable(users, "assignee");

  // Deferred join: pick the page's ids from accounts alone (index order, or a sort of ids only), then join
  // debtor, creditor and assignee for those rows, instead of joining every match before the LIMIT.
  const page = ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(condition)
    .orderBy(ascending ? asc(column) : desc(column), ascending ? asc(accounts.id) : desc(accounts.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .as("page");
  const rowsQuery = (db: Database) =>
    db
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
      .from(page)
      .innerJoin(accounts, eq(accounts.id, page.id))
      .innerJoin(debtors, eq(debtors.id, accounts.debtorId))
      .innerJoin(creditors, eq(creditors.id, accounts.creditorId))
      .leftJoin(assignee, eq(assignee.id, accounts.assigneeId))
      .orderBy(ascending ? asc(column) : desc(column), ascending ? asc(accounts.id) : desc(accounts.id));
  const countQuery = (db: Database) =>
    db.execute(
      sql`select count(*)::int as n from (select 1 from ${accounts} where ${condition} limit ${COUNT_CAP + 1}) capped`,
    );

  // The rows and the count run side by side, each without parallel workers: on these index-driven queries the
  // workers' start-up costs more than they save, and on a small server they compete with the other query.
  const [rows, countResult] = await Promise.all([
    withoutParallelWorkers(ctx, rowsQuery),
    withoutParallelWorkers(ctx, countQuery),
  ]);
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
