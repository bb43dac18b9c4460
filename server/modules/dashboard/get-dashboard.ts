import { and, asc, count, eq, notInArray, sql, sum } from "drizzle-orm";
import { accounts, creditors } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { AGING_BUCKETS, utcDate } from "@/server/modules/accounts/aging";
import { bucketCase } from "@/server/modules/accounts/aging-sql";

/** Accounts that are finished carry no collectable balance and stay out of the aging picture. */
const CLOSED_STATUSES = ["paid", "settled", "closed", "recalled"] as const;

export async function getDashboard({ ctx }: { ctx: ServiceContext }) {
  assertCan(ctx, "dashboard.read");
  const today = utcDate(ctx.now());
  const open = and(eq(accounts.orgId, ctx.orgId), notInArray(accounts.status, [...CLOSED_STATUSES]));
  const bucket = bucketCase(today);

  const [byBucket, byCreditor, byStatus] = await Promise.all([
    ctx.db
      .select({ bucket, accounts: count(), balanceMinor: sum(accounts.balanceMinor).mapWith(Number) })
      .from(accounts)
      .where(open)
      .groupBy(sql`1`),
    ctx.db
      .select({
        creditorId: creditors.id,
        creditorName: creditors.name,
        accounts: count(accounts.id),
        balanceMinor: sql<number>`coalesce(sum(${accounts.balanceMinor}), 0)`.mapWith(Number),
      })
      .from(creditors)
      .leftJoin(accounts, and(eq(accounts.creditorId, creditors.id), open))
      .where(eq(creditors.orgId, ctx.orgId))
      .groupBy(creditors.id, creditors.name)
      .orderBy(asc(creditors.name)),
    ctx.db
      .select({ status: accounts.status, accounts: count() })
      .from(accounts)
      .where(eq(accounts.orgId, ctx.orgId))
      .groupBy(accounts.status),
  ]);

  const buckets = AGING_BUCKETS.map((b) => {
    const row = byBucket.find((r) => r.bucket === b.key);
    return { bucket: b.key, label: b.label, accounts: row?.accounts ?? 0, balanceMinor: row?.balanceMinor ?? 0 };
  });
  return {
    asOf: today,
    currency: "USD",
    totals: {
      openAccounts: buckets.reduce((n, b) => n + b.accounts, 0),
      openBalanceMinor: buckets.reduce((n, b) => n + b.balanceMinor, 0),
    },
    buckets,
    creditors: byCreditor,
    statuses: byStatus,
  };
}
