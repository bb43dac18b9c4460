import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { findAccountInOrg } from "@/server/modules/accounts/shared";
import { previewTemplateInput, type PreviewTemplateInput } from "../communications.schemas";
import { unsubscribeUrl } from "../links";
import { readSender } from "../sender";
import { smsSegments } from "../sms/segments";
import { templateFindings } from "./lint-template";
import { renderVersion } from "./render";
import { accountValues } from "./values";
import { exampleValues } from "./variables";

/**
 * The editor's text as a debtor would receive it — against a real account, or with the catalogue's examples —
 * with what the publish check would say and, for a text message, its length in segments. Nothing is saved.
 */
export async function previewTemplate({ ctx, input }: { ctx: ServiceContext; input: PreviewTemplateInput }) {
  assertCan(ctx, "template.read");
  const data = parseInput(previewTemplateInput, input);
  const sender = await readSender(ctx.db, ctx.orgId);
  let values = exampleValues();
  if (data.accountId) {
    const account = await findAccountInOrg(ctx, data.accountId);
    const found = await accountValues(ctx.db, ctx.orgId, [account.id], sender, {
      now: ctx.now(),
      agentId: ctx.actor.type === "staff" ? ctx.actor.userId : null,
    });
    values = {
      ...found.get(account.id)!.values,
      unsubscribe_url: unsubscribeUrl(ctx.orgId, "00000000-0000-0000-0000-000000000000"),
    };
  }
  const rendered = await renderVersion(
    // A preview is never cached: its id is unique to this call.
    { id: `preview:${crypto.randomUUID()}`, subject: data.subject ?? null, body: data.body },
    data.channel,
    values,
    { name: sender.name, addressLine: sender.addressLine, phone: sender.phone, website: sender.website },
    data.language,
  );
  return {
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    missing: rendered.missing,
    segments: data.channel === "sms" ? smsSegments(rendered.text) : null,
    findings: templateFindings({ ...data, subject: data.subject ?? null }),
  };
}
