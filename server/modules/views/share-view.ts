import { and, eq } from "drizzle-orm";
import { savedViews } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { PreconditionError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { findChangeableView, readDefinition } from "./shared";
import { shareViewInput, type ShareViewInput } from "./views.schemas";

/** Shares a view with the whole organization, or takes it back; managers and admins, on views they may change. */
export async function shareView({ ctx, input }: { ctx: ServiceContext; input: ShareViewInput }) {
  assertCan(ctx, "view.share");
  const data = parseInput(shareViewInput, input);
  return withTransaction(ctx, async (tx) => {
    const view = await findChangeableView(tx, data.viewId);
    if (view.shared === data.shared) {
      throw new PreconditionError(`"${view.name}" is already ${data.shared ? "shared" : "private"}`);
    }
    // Others would only meet an error: a view is shared once its filters are valid again.
    if (data.shared && readDefinition(view).problem) {
      throw new PreconditionError(`"${view.name}" has filters that are no longer valid; save it again first`);
    }
    const [after] = await tx.db
      .update(savedViews)
      .set({ shared: data.shared, updatedAt: ctx.now() })
      .where(and(eq(savedViews.id, view.id), eq(savedViews.orgId, ctx.orgId)))
      .returning();
    await recordAudit(tx, {
      action: data.shared ? "view.shared" : "view.unshared",
      entityType: "saved_view",
      entityId: view.id,
      before: { shared: view.shared },
      after: { shared: after!.shared, name: after!.name },
    });
    return after!;
  });
}
