import { and, eq } from "drizzle-orm";
import { messageTemplates, templateVersions } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { NotFoundError, ValidationError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { publishTemplateInput, type PublishTemplateInput } from "../communications.schemas";
import { templateFindings } from "./lint-template";

/**
 * Publishes a draft: sends use it from now on, the previous published version is retired (kept for the
 * messages rendered from it). Refused, with every reason, when the lint or the variable check blocks it.
 */
export async function publishTemplate({ ctx, input }: { ctx: ServiceContext; input: PublishTemplateInput }) {
  assertCan(ctx, "template.manage");
  const { templateId, versionId } = parseInput(publishTemplateInput, input);
  const now = ctx.now();
  return withTransaction(ctx, async (tx) => {
    const [template] = await tx.db
      .select()
      .from(messageTemplates)
      .where(and(eq(messageTemplates.orgId, ctx.orgId), eq(messageTemplates.id, templateId)))
      .for("update");
    if (!template) throw new NotFoundError("Template", templateId);
    if (template.archivedAt) throw new ValidationError("An archived template cannot be published");
    const [version] = await tx.db
      .select()
      .from(templateVersions)
      .where(and(eq(templateVersions.id, versionId), eq(templateVersions.templateId, template.id)));
    if (!version) throw new NotFoundError("Template version", versionId);
    if (version.status !== "draft")
      throw new ValidationError(`Version ${version.number} is ${version.status}, not a draft`);
    const findings = templateFindings({ ...template, subject: version.subject, body: version.body });
    const blocking = findings.filter((f) => f.severity === "block");
    if (blocking.length)
      throw new ValidationError(
        `Cannot publish: ${blocking.map((f) => `${f.message} (${f.rule})`).join("; ")}`,
        blocking.map((f) => ({ path: "body", message: `${f.message} (${f.rule})` })),
      );
    if (template.publishedVersionId)
      await tx.db
        .update(templateVersions)
        .set({ status: "retired", updatedAt: now })
        .where(eq(templateVersions.id, template.publishedVersionId));
    const [published] = await tx.db
      .update(templateVersions)
      .set({
        status: "published",
        publishedAt: now,
        publishedById: ctx.actor.type === "staff" ? ctx.actor.userId : null,
        findings: findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message })),
        updatedAt: now,
      })
      .where(eq(templateVersions.id, version.id))
      .returning();
    await tx.db
      .update(messageTemplates)
      .set({ publishedVersionId: version.id, version: template.version + 1, updatedAt: now })
      .where(eq(messageTemplates.id, template.id));
    await recordAudit(tx, {
      action: "template.published",
      entityType: "template",
      entityId: template.id,
      before: { versionId: template.publishedVersionId },
      after: { versionId: version.id, number: version.number, warnings: findings.map((f) => f.rule) },
    });
    return published!;
  });
}
