import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { ConflictError, isUniqueViolation } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { messageTemplates, templateVersions } from "@/db/schema";
import { createTemplateInput, type CreateTemplateInput } from "../communications.schemas";

/** A new template, with its first text as a draft (nothing is sent from it until it is published). */
export async function createTemplate({ ctx, input }: { ctx: ServiceContext; input: CreateTemplateInput }) {
  assertCan(ctx, "template.manage");
  const data = parseInput(createTemplateInput, input);
  const userId = ctx.actor.type === "staff" ? ctx.actor.userId : null;
  try {
    return await withTransaction(ctx, async (tx) => {
      const [template] = await tx.db
        .insert(messageTemplates)
        .values({
          orgId: ctx.orgId,
          name: data.name,
          description: data.description,
          channel: data.channel,
          language: data.language,
          kind: data.kind,
          createdById: userId,
        })
        .returning();
      const [draft] = await tx.db
        .insert(templateVersions)
        .values({
          orgId: ctx.orgId,
          templateId: template!.id,
          number: 1,
          subject: data.subject ?? null,
          body: data.body,
          createdById: userId,
        })
        .returning();
      await recordAudit(tx, {
        action: "template.created",
        entityType: "template",
        entityId: template!.id,
        after: {
          name: data.name,
          channel: data.channel,
          language: data.language,
          kind: data.kind,
          versionId: draft!.id,
        },
      });
      return { template: template!, draft: draft! };
    });
  } catch (error) {
    if (isUniqueViolation(error, "message_templates_org_name_unique"))
      throw new ConflictError(`A ${data.channel} template named “${data.name}” in this language already exists`);
    throw error;
  }
}
