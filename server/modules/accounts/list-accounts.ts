import { aliasedTable, and, eq, inArray, sql } from "drizzle-orm";
import { rowsOf, type Database } from "@/db";
import { accounts, creditors, debtors, users } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { applyFilterSettings, effectivePromiseStatus } from "./account-filters";
import { idOf, matchingFrom, orderBy, pageIdsQuery, resolveOrder } from "./account-order";
import { bucketOf, daysPastDue, utcDate } from "./aging";
import { listAccountsInput, type ListAccountsInput } from "./accounts.schemas";

/** Counting stops here: past it the list says "10,000+" instead of scanning a million rows for a number. */
export const COUNT_CAP = 10_000;

/**
 * The list's count gets this long. Filters that match few accounts through no common index (a hold kind and a
 * status, a promise and a state) can need tens of thousands of rows read to count; past the budget the list says
 * "more than a page" and the rows are not held up. The exact count is one click away (account.countMatching).
 */
export const COUNT_BUDGET_MS = 25;

/** Runs `run` in a read transaction with the settings filter queries need (see applyFilterSettings). */
export function withFilterSettings<T>(db: Database, run: (db: Database) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await applyFilterSettings(tx);
    return run(tx);
  });
}

/** The rows the list shows for these ids, in the order of `ids`. */
export async function accountRows(db: Database, orgId: string, ids: string[], today: string) {
  if (ids.length === 0) return [];
  const assignee = aliasedTable(users, "assignee");
  const rows = await db
    .select({
      id: accounts.id,
      externalRef: accounts.externalRef,
      status: accounts.status,
      currency: accounts.currency,
      balanceMinor: accounts.balanceMinor,
      dueOn: accounts.dueOn,
      placedAt: accounts.placedAt,
      state: accounts.jurisdictionState,
      tags: accounts.tags,
      lastContactAt: accounts.lastContactAt,
      promiseStatus: effectivePromiseStatus(today),
      promiseDueOn: accounts.promiseDueOn,
      version: accounts.version,
      debtorId: accounts.debtorId,
      debtorName: sql<string>`${debtors.firstName} || ' ' || ${debtors.lastName}`,
      creditorName: creditors.name,
      assigneeId: accounts.assigneeId,
      assigneeName: assignee.name,
    })
    .from(accounts)
    .innerJoin(debtors, eq(debtors.id, accounts.debtorId))
    .innerJoin(creditors, eq(creditors.id, accounts.creditorId))
    .leftJoin(assignee, eq(assignee.id, accounts.assigneeId))
    .where(and(eq(accounts.orgId, orgId), inArray(accounts.id, ids)));
  const position = new Map(ids.map((id, i) => [id, i]));
  return rows
    .sort((a, b) => position.get(a.id)! - position.get(b.id)!)
    .map((r) => {
      const dpd = daysPastDue(r.dueOn, today);
      return { ...r, dpd, bucket: bucketOf(dpd) };
    });
}

export async function listAccounts({ ctx, input }: { ctx: ServiceContext; input: ListAccountsInput }) {
  assertCan(ctx, "account.read");
  const q = parseInput(listAccountsInput, input);
  const today = utcDate(ctx.now());
  const { order, dir } = resolveOrder(q.sort, q.dir, Boolean(q.q));
  const from = matchingFrom(ctx.orgId, q, today, order);
  const offset = (q.page - 1) * q.pageSize;

  // Deferred join: pick the page's ids first (index order, or a sort of ids only), then load debtor, creditor
  // and assignee for those rows alone.
  let ids: string[];
  let counted: number | null;
  if (q.q) {
    // A search's matches are found in full anyway (to rank or sort them), so one query returns the page and
    // the count, instead of a second query finding them all again.
    const result = await withFilterSettings(ctx.db, (db) =>
      db.execute(
        sql`select ${idOf(order)} as id, count(*) over ()::int as n from ${from} order by ${orderBy(order, dir)}
          limit ${q.pageSize} offset ${offset}`,
      ),
    );
    const rows = rowsOf<{ id: string; n: number }>(result);
    ids = rows.map((r) => r.id);
    counted = Number(rows[0]?.n ?? (offset > 0 ? await countAll(ctx.db, from) : 0));
  } else if (order === "debtor") {
    // The name order is an index on debtors, so PostgreSQL walks every debtor by name and looks up each one's
    // accounts, betting that matches are common; it cannot estimate a filter's selectivity across the join.
    // With a few thousand matches that walk reads a hundred thousand rows to fill a page (120 ms at 1M
    // accounts). The count, which reads accounts alone, settles the bet first: up to COUNT_CAP matches are
    // collected and sorted (a few thousand rows); more than that, the walk fills a page quickly.
    counted = await budgetedCount(ctx.db, matchingFrom(ctx.orgId, q, today));
    const filterFirst = counted !== null && counted <= COUNT_CAP;
    const page = await withFilterSettings(ctx.db, (db) =>
      db.execute(
        pageIdsQuery(matchingFrom(ctx.orgId, q, today, order, { filterFirst }), order, dir, q.pageSize, offset),
      ),
    );
    ids = rowsOf<{ id: string }>(page).map((r) => r.id);
  } else {
    // The rows and the capped count run side by side, each on its own connection.
    const [page, count] = await Promise.all([
      withFilterSettings(ctx.db, (db) => db.execute(pageIdsQuery(from, order, dir, q.pageSize, offset))),
      budgetedCount(ctx.db, from),
    ]);
    ids = rowsOf<{ id: string }>(page).map((r) => r.id);
    // A page that is not full is the last one: its end is the count, whatever the count query managed.
    counted = ids.length < q.pageSize && (ids.length > 0 || offset === 0) ? offset + ids.length : count;
  }

  return {
    rows: await accountRows(ctx.db, ctx.orgId, ids, today),
    total: counted === null ? offset + ids.length : Math.min(counted, COUNT_CAP),
    totalIsCapped: counted === null || counted > COUNT_CAP,
    /** The count ran out of time: `total` is only what the pages so far show. */
    countTimedOut: counted === null,
    page: q.page,
    pageSize: q.pageSize,
    order,
    dir,
  };
}

/** The capped count within COUNT_BUDGET_MS, or null when PostgreSQL cancelled it for taking longer. */
async function budgetedCount(db: Database, from: ReturnType<typeof matchingFrom>): Promise<number | null> {
  try {
    return await withFilterSettings(db, async (tx) => {
      await tx.execute(sql`select set_config('statement_timeout', ${`${COUNT_BUDGET_MS}ms`}, true)`);
      return countCapped(tx, from, COUNT_CAP);
    });
  } catch (error) {
    if (isQueryCanceled(error)) return null;
    throw error;
  }
}

/** PostgreSQL query_canceled (a statement timeout), whichever driver raised it. */
function isQueryCanceled(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "57014") return true;
  }
  return false;
}

/** How many rows `from` selects, counting at most cap + 1. */
export async function countCapped(db: Database, from: ReturnType<typeof matchingFrom>, cap: number): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as n from (select 1 from ${from} limit ${cap + 1}) capped`);
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
}

/** A page past the end of a search has no row to carry the count: count the matches on their own. */
function countAll(db: Database, from: ReturnType<typeof matchingFrom>): Promise<number> {
  return withFilterSettings(db, (tx) => countCapped(tx, from, COUNT_CAP));
}
