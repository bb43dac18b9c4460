import { and, eq } from "drizzle-orm";
import { savedViews } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { findChangeableView } from "./shared";
import { deleteViewInput, type DeleteViewInput } from "./views.schemas";

/** Deletes a view; only its owner or an admin may. The audit event keeps what it was. */
export async function deleteView({ ctx, input }: { ctx: ServiceContext; input: DeleteViewInput }) {
  assertCan(ctx, "view.manage");
  const data = parseInput(deleteViewInput, input);
  return withTransaction(ctx, async (tx) => {
    const view = await findChangeableView(tx, data.viewId);
    await tx.db.delete(savedViews).where(and(eq(savedViews.id, view.id), eq(savedViews.orgId, ctx.orgId)));
    await recordAudit(tx, {
      action: "view.deleted",
      entityType: "saved_view",
      entityId: view.id,
      before: { name: view.name, filters: view.filters, shared: view.shared, ownerId: view.ownerId },
    });
    return { id: view.id };
  });
}
