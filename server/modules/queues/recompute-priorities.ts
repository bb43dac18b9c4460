import { sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { accounts } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { utcDate } from "@/server/modules/accounts/aging";
import { readQueueWeights } from "@/server/modules/settings/queue-weights";
import { prioritySql } from "./priority";

/**
 * Recomputes accounts.priority for the whole organization in ONE statement (formula in ./priority.ts). Only
 * rows whose value changes are written, so a nightly run after a quiet day touches few rows. It runs when the
 * weights change (in their transaction) and nightly, since the aging part moves as accounts age.
 *
 * Priority is derived data, not an edit: the account's version and updated_at are left alone, so a recompute
 * never makes an agent's open form stale. Not audited for the same reason; the weight change that causes it is.
 */
export async function recomputePriorities({ ctx }: { ctx: ServiceContext }): Promise<{ updated: number }> {
  assertCan(ctx, "settings.manage");
  const { weights } = await readQueueWeights(ctx.db, ctx.orgId);
  const priority = prioritySql(weights, utcDate(ctx.now()));
  // Counted in the database: returning a million ids to the app just to count them would dwarf the update.
  const result = await ctx.db.execute(sql`
    with changed as (
      update ${accounts} set priority = ${priority}
      where ${accounts.orgId} = ${ctx.orgId} and ${accounts.priority} <> ${priority}
      returning 1
    ) select count(*)::int as n from changed`);
  return { updated: Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0) };
}
