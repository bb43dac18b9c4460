import { and, gte, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { accounts } from "@/db/schema";
import { AGING_BUCKETS, dueOnRangeFor, dueOnRangeForDpd, type AgingBucket, type DueOnRange } from "./aging";

function dueOnCondition(r: DueOnRange): SQL | undefined {
  const range = and(
    r.onOrAfter ? gte(accounts.dueOn, r.onOrAfter) : undefined,
    r.onOrBefore ? lte(accounts.dueOn, r.onOrBefore) : undefined,
  );
  if (!r.orNull) return range;
  return range ? or(isNull(accounts.dueOn), range) : undefined; // DPD >= 0 is every account
}

/** The SQL form of "this account is in `bucket` today": a due-date range, so it can use the due-date indexes. */
export function bucketCondition(bucket: AgingBucket, today: string): SQL {
  return dueOnCondition(dueOnRangeFor(bucket, today))!;
}

/** Days past due within [minDpd, maxDpd] today (undefined ends are open), as a due-date range. */
export function dpdRangeCondition(
  minDpd: number | undefined,
  maxDpd: number | undefined,
  today: string,
): SQL | undefined {
  return dueOnCondition(dueOnRangeForDpd(minDpd ?? 0, maxDpd ?? null, today));
}

/** A CASE naming each account's bucket (dashboards, reports), built from the same conditions as the filters. */
export function bucketCase(today: string): SQL<AgingBucket> {
  const branches = AGING_BUCKETS.map((b) => sql`when ${bucketCondition(b.key, today)} then ${b.key}`);
  return sql<AgingBucket>`case ${sql.join(branches, sql` `)} end`;
}
