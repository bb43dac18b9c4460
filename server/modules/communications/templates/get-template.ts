import { and, desc, eq } from "drizzle-orm";
import { messageTemplates, templateVersions } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { NotFoundError } from "@/server/lib/errors";
import { assertCan, can } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { templateInput, type TemplateInput } from "../communications.schemas";
import { lineDiff } from "./diff";

/** A template with every version, newest first, each with its diff from the one before it. */
export async function getTemplate({ ctx, input }: { ctx: ServiceContext; input: TemplateInput }) {
  assertCan(ctx, "template.read");
  const { templateId } = parseInput(templateInput, input);
  const [template] = await ctx.db
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.orgId, ctx.orgId), eq(messageTemplates.id, templateId)));
  if (!template) throw new NotFoundError("Template", templateId);
  const versions = await ctx.db
    .select()
    .from(templateVersions)
    .where(eq(templateVersions.templateId, template.id))
    .orderBy(desc(templateVersions.number));
  return {
    template,
    canManage: can(ctx, "template.manage"),
    versions: versions.map((v, i) => {
      const previous = versions[i + 1];
      return {
        ...v,
        diff: previous
          ? lineDiff(`${previous.subject ?? ""}\n${previous.body}`, `${v.subject ?? ""}\n${v.body}`)
          : null,
      };
    }),
  };
}
