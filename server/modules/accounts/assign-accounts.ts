import { and, eq, sql } from "drizzle-orm";
import { accounts, users } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { ConflictError, NotFoundError, PreconditionError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { uuidArray } from "./account-filters";
import { assignAccountsInput, type AssignAccountsInput } from "./accounts.schemas";
import { lockBulkTarget } from "./bulk-target";

/**
 * Assigns (or unassigns) the selected accounts, or all accounts matching the confirmed filters, in one
 * transaction with ONE summarising audit event listing the ids, so a bulk action of 10,000 rows does not write
 * 10,000 events. With one account and its expected version (the account workspace), a stale version is refused.
 */
export async function assignAccounts({ ctx, input }: { ctx: ServiceContext; input: AssignAccountsInput }) {
  assertCan(ctx, "account.assign");
  const data = parseInput(assignAccountsInput, input);
  return withTransaction(ctx, async (tx) => {
    if (data.assigneeId) {
      const [assignee] = await tx.db
        .select({ id: users.id, active: users.active, role: users.role })
        .from(users)
        .where(and(eq(users.id, data.assigneeId), eq(users.orgId, ctx.orgId)));
      if (!assignee) throw new NotFoundError("User", data.assigneeId);
      if (!assignee.active) throw new PreconditionError("Accounts cannot be assigned to a deactivated user");
      if (assignee.role === "auditor") throw new PreconditionError("Accounts cannot be assigned to an auditor");
    }
    const ids = await lockBulkTarget(tx, data);
    const versionCheck = data.expectedVersion === undefined ? undefined : eq(accounts.version, data.expectedVersion);
    const updated = await tx.db
      .update(accounts)
      .set({ assigneeId: data.assigneeId, version: sql`${accounts.version} + 1`, updatedAt: ctx.now() })
      .where(and(eq(accounts.orgId, ctx.orgId), sql`${accounts.id} = any(${uuidArray(ids)})`, versionCheck))
      .returning({ id: accounts.id, version: accounts.version });
    if (versionCheck && updated.length === 0) {
      throw new ConflictError("This account changed since you opened it; reload and try again");
    }
    await recordAudit(tx, {
      action: "account.bulk_assigned",
      entityType: "account",
      entityId: ids.length === 1 ? ids[0] : null,
      after: {
        assigneeId: data.assigneeId,
        count: ids.length,
        accountIds: ids,
        ...(data.matching ? { filters: data.matching.filters } : {}),
      },
    });
    return { count: ids.length, version: ids.length === 1 ? updated[0]!.version : undefined };
  });
}
