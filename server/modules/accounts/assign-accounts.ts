import { and, eq, inArray, sql } from "drizzle-orm";
import { accounts, users } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { NotFoundError, PreconditionError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { assignAccountsInput, type AssignAccountsInput } from "./accounts.schemas";

/**
 * Assigns (or unassigns) many accounts in one transaction with ONE summarising audit event listing the ids,
 * so a bulk action of 10,000 rows does not write 10,000 events.
 */
export async function assignAccounts({ ctx, input }: { ctx: ServiceContext; input: AssignAccountsInput }) {
  assertCan(ctx, "account.assign");
  const data = parseInput(assignAccountsInput, input);
  const ids = [...new Set(data.accountIds)];
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
    const updated = await tx.db
      .update(accounts)
      .set({ assigneeId: data.assigneeId, version: sql`${accounts.version} + 1`, updatedAt: ctx.now() })
      .where(and(eq(accounts.orgId, ctx.orgId), inArray(accounts.id, ids)))
      .returning({ id: accounts.id });
    if (updated.length !== ids.length) {
      const found = new Set(updated.map((u) => u.id));
      const missing = ids.filter((id) => !found.has(id));
      // Throwing rolls the whole batch back: either every selected account moves or none does.
      throw new NotFoundError(`${missing.length} of the selected accounts (first: ${missing[0]})`);
    }
    await recordAudit(tx, {
      action: "account.bulk_assigned",
      entityType: "account",
      entityId: null,
      after: { assigneeId: data.assigneeId, count: ids.length, accountIds: ids },
    });
    return { count: ids.length };
  });
}
