import type { ServiceContext } from "@/server/lib/context";
import { createTemplate } from "@/server/modules/communications/templates/create-template";
import { publishTemplate } from "@/server/modules/communications/templates/publish-template";
import { STARTER_TEMPLATES } from "@/server/modules/communications/templates/starters";

/**
 * The demo organization's first messages, in English and Spanish, published through the same verbs an admin
 * uses: the compliance lint checks them too, and a starter that stopped passing it would fail the seed.
 */
export async function seedTemplates(ctx: ServiceContext): Promise<void> {
  for (const input of STARTER_TEMPLATES) {
    const { template, draft } = await createTemplate({ ctx, input });
    await publishTemplate({ ctx, input: { templateId: template.id, versionId: draft.id } });
  }
}
