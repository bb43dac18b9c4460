import { eq, sql } from "drizzle-orm";
import { organizations } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { recomputePriorities } from "@/server/modules/queues/recompute-priorities";
import { QUEUE_WEIGHTS_KEY, readQueueWeights } from "./queue-weights";
import { queueWeights, type SetQueueWeightsInput } from "./settings.schemas";

/**
 * Saves the weights and recomputes every account's priority in the same transaction, so no queue is ever
 * ordered by weights other than the saved ones. Saving the weights already in force changes nothing.
 */
export async function setQueueWeights({ ctx, input }: { ctx: ServiceContext; input: SetQueueWeightsInput }) {
  assertCan(ctx, "settings.manage");
  const weights = parseInput(queueWeights, input);
  return withTransaction(ctx, async (tx) => {
    // Serialises two admins saving at once: the second sees the first one's weights as "before".
    await tx.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.id, ctx.orgId))
      .for("update");
    const before = await readQueueWeights(tx.db, ctx.orgId);
    if (
      !before.isDefault &&
      before.weights.balanceWeight === weights.balanceWeight &&
      before.weights.agingWeight === weights.agingWeight
    ) {
      return { weights, updated: 0, changed: false };
    }
    // jsonb || merges, keeping the keys other modules keep in the same settings object.
    await tx.db
      .update(organizations)
      .set({
        settings: sql`${organizations.settings} || ${JSON.stringify({ [QUEUE_WEIGHTS_KEY]: weights })}::jsonb`,
        updatedAt: ctx.now(),
      })
      .where(eq(organizations.id, ctx.orgId));
    await recordAudit(tx, {
      action: "settings.queue_weights_changed",
      entityType: "organization",
      entityId: ctx.orgId,
      before: before.weights,
      after: weights,
    });
    const { updated } = await recomputePriorities({ ctx: tx });
    return { weights, updated, changed: true };
  });
}
