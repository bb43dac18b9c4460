import { sql, type SQL } from "drizzle-orm";
import { ACCOUNT_STATUSES } from "@/db/schema/values";
import { accountConditions, searchMatches } from "./account-filters";
import { accountFilters, type AccountFilters, type ListSort } from "./accounts.schemas";

const FILTER_KEYS = Object.keys(accountFilters.shape);

/** The orders of the accounts list; relevance only when searching without a chosen sort. */
export type ListOrder = ListSort | "relevance";
export type Direction = "asc" | "desc";

export function resolveOrder(
  sort: ListSort | undefined,
  dir: Direction | undefined,
  searching: boolean,
): { order: ListOrder; dir: Direction } {
  if (sort) return { order: sort, dir: dir ?? "desc" };
  return searching ? { order: "relevance", dir: "desc" } : { order: "dpd", dir: dir ?? "desc" };
}

// Column references written out (not drizzle columns) because the same fragments go into raw keyset SQL; the
// table names are the real ones so they bind to the accounts/debtors of the FROM built below.
const dueOn = sql.raw(`accounts.due_on`);
const lastContact = sql.raw(`accounts.last_contact_at`);
const id = sql.raw(`accounts.id`);
const ref = sql.raw(`lower(accounts.external_ref)`);

type Key = {
  expr: SQL;
  /** The SQL type a key's text form is cast back to in a keyset comparison. */
  type: string;
  /** Ordered with the text_pattern_ops operators (its index's order), not the collation's. */
  pattern?: boolean;
};

/**
 * One stretch of the order in which every key is non-null and runs in one direction, so a keyset over it is a
 * row comparison an index can serve. An order over a nullable column is two stretches (PostgreSQL puts nulls
 * last ascending, first descending, which is also how its btree indexes are scanned).
 */
export type Segment = { where?: SQL; keys: Key[]; desc: boolean };

function nullableSegments(column: SQL, type: string, desc: boolean, nullsFirst = desc): Segment[] {
  const present: Segment = { where: sql`${column} is not null`, keys: [{ expr: column, type }, idKey], desc };
  const absent: Segment = { where: sql`${column} is null`, keys: [idKey], desc };
  return nullsFirst ? [absent, present] : [present, absent];
}

const idKey: Key = { expr: id, type: "uuid" };

/** The account id column of `matchingFrom` for this order (the ranked search is the FROM when ordering by relevance). */
export function idOf(order: ListOrder): SQL {
  return order === "relevance" ? sql.raw(`s.id`) : id;
}

/** The order as stretches; concatenated they are exactly `orderBy(order, dir)` (a test holds them together). */
export function segmentsFor(order: ListOrder, dir: Direction): Segment[] {
  const desc = dir === "desc";
  switch (order) {
    case "dpd":
      // Most days past due first is the oldest due date first.
      return nullableSegments(dueOn, "date", !desc);
    case "lastContact":
      // Never contacted comes last either way: first, it would bury the contacted accounts one asked to order.
      return nullableSegments(lastContact, "timestamptz", desc, false);
    case "balance":
      return [{ keys: [{ expr: sql.raw(`accounts.balance_minor`), type: "bigint" }, idKey], desc }];
    case "placed":
      return [{ keys: [{ expr: sql.raw(`accounts.placed_at`), type: "timestamptz" }, idKey], desc }];
    case "reference":
      return [{ keys: [{ expr: ref, type: "text", pattern: true }, idKey], desc }];
    case "debtor":
      return [
        {
          keys: [
            { expr: sql.raw(`debtors.last_name`), type: "text" },
            { expr: sql.raw(`debtors.first_name`), type: "text" },
            idKey,
          ],
          desc,
        },
      ];
    case "status": {
      // Within a status, by due date: the (org_id, status, due_on) index order.
      const statuses = desc ? [...ACCOUNT_STATUSES].reverse() : [...ACCOUNT_STATUSES];
      return statuses.flatMap((s) =>
        nullableSegments(dueOn, "date", desc).map((seg) => ({
          ...seg,
          where: sql`accounts.status = ${s} and ${seg.where}`,
        })),
      );
    }
    case "relevance":
      return [
        {
          keys: [
            { expr: sql.raw(`s.rank`), type: "real" },
            { expr: sql.raw(`s.id`), type: "uuid" },
          ],
          desc: true,
        },
      ];
  }
}

/** ORDER BY for the list: index-friendly (PostgreSQL's default null placement, one direction throughout). */
export function orderBy(order: ListOrder, dir: Direction): SQL {
  const d = sql.raw(dir === "desc" ? "desc" : "asc");
  switch (order) {
    case "dpd": {
      const inv = sql.raw(dir === "desc" ? "asc" : "desc");
      return sql`${dueOn} ${inv}, ${id} ${inv}`;
    }
    case "lastContact":
      return sql`${lastContact} ${d} nulls last, ${id} ${d}`;
    case "balance":
      return sql`accounts.balance_minor ${d}, ${id} ${d}`;
    case "placed":
      return sql`accounts.placed_at ${d}, ${id} ${d}`;
    case "reference":
      // USING the pattern operators: the order of accounts_org_ref_prefix_idx (text_pattern_ops).
      return sql`${ref} using ${sql.raw(dir === "desc" ? "~>~" : "~<~")}, ${id} ${d}`;
    case "debtor":
      return sql`debtors.last_name ${d}, debtors.first_name ${d}, ${id} ${d}`;
    case "status":
      return sql`accounts.status ${d}, ${dueOn} ${d}, ${id} ${d}`;
    case "relevance":
      return sql`s.rank desc, s.id desc`;
  }
}

/**
 * The ids of one page of `from` in the order. Last contact descending wants never-contacted accounts last, the
 * opposite of how its index is scanned backwards, so it reads the contacted accounts in index order and only then
 * the others, as two ordered branches of a UNION ALL: the second runs only for the pages that reach it.
 */
export function pageIdsQuery(from: SQL, order: ListOrder, dir: Direction, limit: number, offset: number): SQL {
  if (order !== "lastContact" || dir !== "desc") {
    return sql`select ${idOf(order)} as id from ${from} order by ${orderBy(order, dir)} limit ${limit} offset ${offset}`;
  }
  const upTo = limit + offset;
  return sql`select u.id from (
      (select accounts.id from ${from} and ${lastContact} is not null order by ${lastContact} desc, ${id} desc limit ${upTo})
      union all
      (select accounts.id from ${from} and ${lastContact} is null order by ${id} desc limit ${upTo})
    ) u limit ${limit} offset ${offset}`;
}

/** Rows strictly after `values` (the segment's keys of the last row seen), in the segment's order. */
export function keysetAfter(segment: Segment, values: readonly (string | null)[]): SQL {
  const params = segment.keys.map((k, i) => sql`${values[i]}::${sql.raw(k.type)}`);
  if (!segment.keys.some((k) => k.pattern)) {
    const op = sql.raw(segment.desc ? "<" : ">");
    return sql`(${sql.join(
      segment.keys.map((k) => k.expr),
      sql`, `,
    )}) ${op} (${sql.join(params, sql`, `)})`;
  }
  // Pattern-ordered keys cannot be a row comparison (it would use the collation's order): the first key bounds
  // the index range, the rest is spelled out.
  const gt = (k: Key) => sql.raw(k.pattern ? (segment.desc ? "~<~" : "~>~") : segment.desc ? "<" : ">");
  const ge = sql.raw(segment.desc ? "~<=~" : "~>=~");
  const branches = segment.keys.map((k, i) => {
    const equal = segment.keys.slice(0, i).map((e, j) => sql`${e.expr} = ${params[j]}`);
    return sql`(${sql.join([...equal, sql`${k.expr} ${gt(k)} ${params[i]}`], sql` and `)})`;
  });
  return sql`${segment.keys[0]!.expr} ${ge} ${params[0]} and (${sql.join(branches, sql` or `)})`;
}

/** The segment's keys as text columns k0, k1…, to feed back into `keysetAfter`. */
export function keyColumns(segment: Segment): SQL {
  return sql.join(
    segment.keys.map((k, i) => sql`${k.expr}::text as ${sql.raw(`k${i}`)}`),
    sql`, `,
  );
}

/**
 * FROM and WHERE selecting the accounts matching `filters` for an order: debtors joined when ordering by name,
 * the ranked search joined (instead of filtered on) when ordering by relevance. `filterFirst` (debtor order
 * only): the caller knows the matches are few (see listAccounts), so they are found before being sorted.
 */
export function matchingFrom(
  orgId: string,
  filters: AccountFilters,
  today: string,
  order: ListOrder = "dpd",
  options: { filterFirst?: boolean } = {},
): SQL {
  if (order === "relevance" && filters.q) {
    const { q, ...others } = filters;
    const ranked = sql`(select m.id, max(m.rank) as rank from (${searchMatches(orgId, q)}) m group by m.id) s`;
    // The search is already the organization's: with no other filter, no need to read each account again.
    const otherFilters = FILTER_KEYS.filter((k) => k !== "q" && others[k as keyof typeof others] !== undefined);
    if (otherFilters.length === 0) return sql`${ranked} where true`;
    return sql`accounts join ${ranked} on s.id = accounts.id where ${accountConditions(orgId, others, today)}`;
  }
  const where = accountConditions(orgId, filters, today);
  if (order === "debtor" && options.filterFirst) {
    // The fence (offset 0) keeps the matching accounts a subquery of their own, so PostgreSQL collects them
    // through the accounts indexes before joining debtors, instead of walking every debtor in name order. The
    // alias keeps the column references of the order and the keyset valid.
    return sql`(select accounts.id, accounts.debtor_id from accounts where ${where} offset 0) accounts
      join debtors on debtors.id = accounts.debtor_id and debtors.org_id = ${orgId} where true`;
  }
  if (order === "debtor") {
    return sql`accounts join debtors on debtors.id = accounts.debtor_id and debtors.org_id = ${orgId} where ${where}`;
  }
  return sql`accounts where ${where}`;
}
