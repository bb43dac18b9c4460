import { and, count, eq, ne, sql } from "drizzle-orm";
import { accounts } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { PreconditionError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { uuidArray } from "./account-filters";
import { bulkChangeStatusInput, type BulkChangeStatusInput } from "./accounts.schemas";
import { lockBulkTarget } from "./bulk-target";
import { MONEY_STATUSES } from "./change-status";

/**
 * Moves the selected or all matching accounts to a status, with the reason, under the same rule as a single
 * change (statuses that follow payments are never set by hand). Accounts already in that status are left alone.
 */
export async function bulkChangeStatus({ ctx, input }: { ctx: ServiceContext; input: BulkChangeStatusInput }) {
  assertCan(ctx, "account.status");
  const data = parseInput(bulkChangeStatusInput, input);
  if (MONEY_STATUSES.has(data.status)) {
    throw new PreconditionError(`"${data.status}" follows payments; post the payment or settlement instead`);
  }
  return withTransaction(ctx, async (tx) => {
    const ids = await lockBulkTarget(tx, data);
    const inTarget = and(eq(accounts.orgId, ctx.orgId), sql`${accounts.id} = any(${uuidArray(ids)})`);
    const before = await tx.db
      .select({ status: accounts.status, n: count() })
      .from(accounts)
      .where(and(inTarget, ne(accounts.status, data.status)))
      .groupBy(accounts.status);
    const changed = await tx.db
      .update(accounts)
      .set({ status: data.status, version: sql`${accounts.version} + 1`, updatedAt: ctx.now() })
      .where(and(inTarget, ne(accounts.status, data.status)))
      .returning({ id: accounts.id });
    const changedIds = changed.map((c) => c.id);
    await recordAudit(tx, {
      action: "account.bulk_status_changed",
      entityType: "account",
      entityId: ids.length === 1 ? ids[0] : null,
      before: { statuses: Object.fromEntries(before.map((b) => [b.status, b.n])) },
      after: {
        status: data.status,
        reason: data.reason,
        count: changedIds.length,
        matched: ids.length,
        accountIds: changedIds,
        ...(data.matching ? { filters: data.matching.filters } : {}),
      },
    });
    return { count: changedIds.length, unchanged: ids.length - changedIds.length };
  });
}
