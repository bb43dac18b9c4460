import { savedViews } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { ownerOf, storedDefinition, uniqueName } from "./shared";
import { createViewInput, type CreateViewInput } from "./views.schemas";

/** Saves the list's current filters and ordering under a name, personal until shared. */
export async function createView({ ctx, input }: { ctx: ServiceContext; input: CreateViewInput }) {
  assertCan(ctx, "view.manage");
  const data = parseInput(createViewInput, input);
  const ownerId = ownerOf(ctx);
  return uniqueName(data.name, () =>
    withTransaction(ctx, async (tx) => {
      const [view] = await tx.db
        .insert(savedViews)
        .values({
          orgId: ctx.orgId,
          ownerId,
          name: data.name,
          filters: storedDefinition(data.filters),
          createdAt: ctx.now(),
          updatedAt: ctx.now(),
        })
        .returning();
      await recordAudit(tx, {
        action: "view.created",
        entityType: "saved_view",
        entityId: view!.id,
        after: { name: view!.name, filters: view!.filters, shared: view!.shared },
      });
      return view!;
    }),
  );
}
