import { and, desc, eq } from "drizzle-orm";
import { messageTemplates, templateVersions } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { ConflictError, NotFoundError, ValidationError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { saveDraftInput, type SaveDraftInput } from "../communications.schemas";

/**
 * Saves the editor's text as the template's draft: the existing draft is changed, or a new one is started after
 * the last version. A draft someone else saved after this editor loaded is not overwritten.
 */
export async function saveDraft({ ctx, input }: { ctx: ServiceContext; input: SaveDraftInput }) {
  assertCan(ctx, "template.manage");
  const data = parseInput(saveDraftInput, input);
  const now = ctx.now();
  return withTransaction(ctx, async (tx) => {
    const [template] = await tx.db
      .select()
      .from(messageTemplates)
      .where(and(eq(messageTemplates.orgId, ctx.orgId), eq(messageTemplates.id, data.templateId)))
      .for("update");
    if (!template) throw new NotFoundError("Template", data.templateId);
    if (template.archivedAt) throw new ValidationError("An archived template cannot be edited");
    const [latest] = await tx.db
      .select()
      .from(templateVersions)
      .where(eq(templateVersions.templateId, template.id))
      .orderBy(desc(templateVersions.number))
      .limit(1);
    const draft = latest?.status === "draft" ? latest : null;
    if (data.expectedDraftUpdatedAt !== undefined) {
      const seen = data.expectedDraftUpdatedAt?.getTime() ?? null;
      if ((draft?.updatedAt.getTime() ?? null) !== seen)
        throw new ConflictError("Someone saved this template since you opened it; reload to see their changes");
    }
    const subject = template.channel === "email" || template.channel === "letter" ? (data.subject ?? null) : null;
    const [saved] = draft
      ? await tx.db
          .update(templateVersions)
          .set({ subject, body: data.body, updatedAt: now })
          .where(eq(templateVersions.id, draft.id))
          .returning()
      : await tx.db
          .insert(templateVersions)
          .values({
            orgId: ctx.orgId,
            templateId: template.id,
            number: (latest?.number ?? 0) + 1,
            subject,
            body: data.body,
            createdById: ctx.actor.type === "staff" ? ctx.actor.userId : null,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
    if (!saved) throw new Error("The draft was not saved");
    await recordAudit(tx, {
      action: "template.draft_saved",
      entityType: "template",
      entityId: template.id,
      after: { versionId: saved.id, number: saved.number },
    });
    return saved;
  });
}
