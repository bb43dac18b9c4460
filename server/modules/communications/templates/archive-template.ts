import { and, eq } from "drizzle-orm";
import { messageTemplates } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { NotFoundError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { templateInput, type TemplateInput } from "../communications.schemas";

/** Takes a template out of use (nothing more is sent from it); its versions stay for the messages they made. */
export async function archiveTemplate({ ctx, input }: { ctx: ServiceContext; input: TemplateInput }) {
  assertCan(ctx, "template.manage");
  const { templateId } = parseInput(templateInput, input);
  return withTransaction(ctx, async (tx) => {
    const [template] = await tx.db
      .update(messageTemplates)
      .set({ archivedAt: ctx.now(), updatedAt: ctx.now() })
      .where(and(eq(messageTemplates.orgId, ctx.orgId), eq(messageTemplates.id, templateId)))
      .returning();
    if (!template) throw new NotFoundError("Template", templateId);
    await recordAudit(tx, { action: "template.archived", entityType: "template", entityId: template.id });
    return template;
  });
}
