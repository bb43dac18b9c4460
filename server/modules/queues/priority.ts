import { sql, type SQL } from "drizzle-orm";
import { accounts } from "@/db/schema";
import { bucketCondition } from "@/server/modules/accounts/aging-sql";
import { AGING_BUCKETS, type AgingBucket } from "@/server/modules/accounts/aging";
import type { QueueWeights } from "@/server/modules/settings/settings.schemas";

/**
 * Work order within a queue, until expected recovery (scoring) replaces it:
 *
 *   priority = balanceWeight × balanceScore + agingWeight × agingScore
 *
 *   balanceScore = ⌊min(max(balance, 0), $10,000) / $100⌋      0–100: one point per $100, flat above $10,000
 *   agingScore   = the bucket's rank spread evenly over 0–100   current 0, 1–30 17, 31–60 33, 61–90 50,
 *                                                                91–120 67, 121–180 83, 180+ 100
 *
 * Whole numbers only (integer division in SQL, the same in `priorityOf`), so a recompute is deterministic and a
 * second run with the same weights and day changes nothing. Higher means work first. Older debt ranks higher:
 * the older an account, the faster it is losing value and the closer it is to being sold or written off. An
 * organization that prefers young debt sets the aging weight to 0 and lets the balance decide.
 */
export const BALANCE_POINT_MINOR = 10_000;
export const BALANCE_SCORE_MAX = 100;

export const AGING_SCORES: Record<AgingBucket, number> = Object.fromEntries(
  AGING_BUCKETS.map((b, i) => [b.key, Math.round((i * 100) / (AGING_BUCKETS.length - 1))]),
) as Record<AgingBucket, number>;

export function balanceScore(balanceMinor: number): number {
  return Math.floor(Math.min(Math.max(balanceMinor, 0), BALANCE_POINT_MINOR * BALANCE_SCORE_MAX) / BALANCE_POINT_MINOR);
}

/** The pure form of the formula: tests check the SQL against it. */
export function priorityOf(account: { balanceMinor: number; bucket: AgingBucket }, weights: QueueWeights): number {
  return (
    weights.balanceWeight * balanceScore(account.balanceMinor) + weights.agingWeight * AGING_SCORES[account.bucket]
  );
}

/** The SQL form, over `accounts` in the FROM clause; `today` fixes the aging buckets (UTC date, as in aging.ts). */
export function prioritySql(weights: QueueWeights, today: string): SQL<number> {
  const balance = sql`(least(greatest(${accounts.balanceMinor}, 0), ${BALANCE_POINT_MINOR * BALANCE_SCORE_MAX}::bigint) / ${BALANCE_POINT_MINOR}::bigint)`;
  const aging = sql`(case ${sql.join(
    AGING_BUCKETS.map((b) => sql`when ${bucketCondition(b.key, today)} then ${AGING_SCORES[b.key]}::int`),
    sql` `,
  )} else 0 end)`;
  return sql<number>`(${weights.balanceWeight}::int * ${balance} + ${weights.agingWeight}::int * ${aging})::int`;
}
