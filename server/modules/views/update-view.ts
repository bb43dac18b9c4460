import { and, eq } from "drizzle-orm";
import { savedViews } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { findChangeableView, storedDefinition, uniqueName } from "./shared";
import { updateViewInput, type UpdateViewInput } from "./views.schemas";

/** Renames a view and/or replaces its filters; only its owner or an admin may. */
export async function updateView({ ctx, input }: { ctx: ServiceContext; input: UpdateViewInput }) {
  assertCan(ctx, "view.manage");
  const data = parseInput(updateViewInput, input);
  return uniqueName(data.name ?? "", () =>
    withTransaction(ctx, async (tx) => {
      const before = await findChangeableView(tx, data.viewId);
      const [after] = await tx.db
        .update(savedViews)
        .set({
          ...(data.name !== undefined ? { name: data.name } : {}),
          ...(data.filters !== undefined ? { filters: storedDefinition(data.filters) } : {}),
          updatedAt: ctx.now(),
        })
        .where(and(eq(savedViews.id, before.id), eq(savedViews.orgId, ctx.orgId)))
        .returning();
      await recordAudit(tx, {
        action: "view.updated",
        entityType: "saved_view",
        entityId: before.id,
        before: { name: before.name, filters: before.filters },
        after: { name: after!.name, filters: after!.filters },
      });
      return after!;
    }),
  );
}
