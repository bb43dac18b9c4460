import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import { messageTemplates, templateVersions } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { assertCan, can } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { listTemplatesInput, type ListTemplatesInput } from "../communications.schemas";

/** The organization's templates, by channel and name, with the published version's number. */
export async function listTemplates({ ctx, input }: { ctx: ServiceContext; input: ListTemplatesInput }) {
  assertCan(ctx, "template.read");
  const q = parseInput(listTemplatesInput, input);
  const where: (SQL | undefined)[] = [eq(messageTemplates.orgId, ctx.orgId)];
  if (q.channel) where.push(eq(messageTemplates.channel, q.channel));
  if (!q.includeArchived) where.push(isNull(messageTemplates.archivedAt));
  const rows = await ctx.db
    .select({
      id: messageTemplates.id,
      name: messageTemplates.name,
      description: messageTemplates.description,
      channel: messageTemplates.channel,
      language: messageTemplates.language,
      kind: messageTemplates.kind,
      archivedAt: messageTemplates.archivedAt,
      updatedAt: messageTemplates.updatedAt,
      publishedNumber: templateVersions.number,
      publishedAt: templateVersions.publishedAt,
    })
    .from(messageTemplates)
    .leftJoin(templateVersions, eq(templateVersions.id, messageTemplates.publishedVersionId))
    .where(and(...where))
    .orderBy(asc(messageTemplates.channel), asc(messageTemplates.name), asc(messageTemplates.language));
  return { templates: rows, canManage: can(ctx, "template.manage") };
}
