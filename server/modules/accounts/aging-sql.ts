import { and, gte, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { accounts } from "@/db/schema";
import { AGING_BUCKETS, dueOnRangeFor, type AgingBucket } from "./aging";

/** The SQL form of "this account is in `bucket` today": a due-date range, so it can use the due-date indexes. */
export function bucketCondition(bucket: AgingBucket, today: string): SQL {
  const r = dueOnRangeFor(bucket, today);
  const range = and(
    r.onOrAfter ? gte(accounts.dueOn, r.onOrAfter) : undefined,
    r.onOrBefore ? lte(accounts.dueOn, r.onOrBefore) : undefined,
  )!;
  return r.orNull ? or(isNull(accounts.dueOn), range)! : range;
}

/** A CASE naming each account's bucket (dashboards, reports), built from the same conditions as the filters. */
export function bucketCase(today: string): SQL<AgingBucket> {
  const branches = AGING_BUCKETS.map((b) => sql`when ${bucketCondition(b.key, today)} then ${b.key}`);
  return sql<AgingBucket>`case ${sql.join(branches, sql` `)} end`;
}
