import { sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { accounts } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { ConflictError, PreconditionError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { planRebalance, summarise } from "./plan-rebalance";
import { rebalanceInput, type RebalanceInput } from "./queues.schemas";

const fmt = (n: number) => n.toLocaleString("en-US");

/**
 * Auto-assigns unassigned accounts, or moves one person's accounts to others, in one transaction with ONE
 * summarising audit event (`account.auto_assigned` / `account.reassigned`). Every moved account's version is
 * bumped, so a form opened on it before the move is refused rather than silently overwriting.
 *
 * The audit event's `after.accountIds` lists the moved accounts agent by agent, in `after.perAgent` order: the
 * first perAgent[0].count ids went to perAgent[0].userId, and so on.
 */
export async function rebalanceAccounts({ ctx, input }: { ctx: ServiceContext; input: RebalanceInput }) {
  assertCan(ctx, "team.rebalance");
  const data = parseInput(rebalanceInput, input);
  return withTransaction(ctx, async (tx) => {
    const plan = await planRebalance(tx, data);
    if (data.expectedCount !== undefined && data.expectedCount !== plan.total)
      throw new ConflictError(
        `The selection changed since the preview (${fmt(data.expectedCount)} accounts then, ${fmt(plan.total)} now); ` +
          `nothing was changed. Preview again.`,
      );
    if (plan.total === 0) throw new PreconditionError("No accounts match; nothing was assigned");

    const ids = plan.shares.flatMap((s) => s.accountIds);
    const assignees = plan.shares.flatMap((s) => s.accountIds.map(() => s.userId));
    // One statement for the whole batch. The assignee guard makes a concurrent change visible as a short count
    // (the row no longer belongs to whom we planned), and throwing then rolls everything back.
    const update = await tx.db.execute(sql`
      with moved as (
        update ${accounts} set assignee_id = v.assignee_id, version = ${accounts.version} + 1,
          updated_at = ${ctx.now().toISOString()}::timestamptz
        from unnest(string_to_array(${ids.join(",")}, ',')::uuid[], string_to_array(${assignees.join(",")}, ',')::uuid[])
          as v(id, assignee_id)
        where ${accounts.id} = v.id and ${accounts.orgId} = ${ctx.orgId}
          and ${accounts.assigneeId} is not distinct from ${plan.fromUserId}::uuid
        returning 1
      ) select count(*)::int as n from moved`);
    const moved = Number(rowsOf<{ n: number }>(update)[0]?.n ?? 0);
    if (moved !== plan.total)
      throw new ConflictError(
        `${fmt(plan.total - moved)} of the accounts changed while they were being assigned; nothing was changed. Try again.`,
      );

    const summary = summarise(plan);
    await recordAudit(tx, {
      action: data.kind === "auto_assign" ? "account.auto_assigned" : "account.reassigned",
      entityType: "account",
      entityId: null,
      before: { assigneeId: plan.fromUserId },
      after: {
        method: data.method,
        filters: data.filters,
        limit: data.limit ?? null,
        count: summary.total,
        perAgent: summary.perAgent.map(({ userId, count, balanceMinor }) => ({ userId, count, balanceMinor })),
        accountIds: ids,
      },
    });
    return summary;
  });
}
