import { and, eq } from "drizzle-orm";
import { accounts, holds } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import type { HoldScope } from "./holds.schemas";

export type HoldRow = typeof holds.$inferSelect;

export function scopeOf(hold: Pick<HoldRow, "accountId">): HoldScope {
  return hold.accountId ? "account" : "debtor";
}

/** Every account a hold stops: its own account, or all of the debtor's accounts in the organization. */
export async function accountsCoveredBy(
  ctx: ServiceContext,
  hold: Pick<HoldRow, "accountId" | "debtorId">,
): Promise<string[]> {
  if (hold.accountId) return [hold.accountId];
  const rows = await ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.orgId, ctx.orgId), eq(accounts.debtorId, hold.debtorId)))
    .orderBy(accounts.id);
  return rows.map((r) => r.id);
}
