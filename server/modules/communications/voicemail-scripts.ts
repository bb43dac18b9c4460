import { and, eq, isNull } from "drizzle-orm";
import { messageTemplates, templateVersions } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { NotFoundError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { findAccountInOrg } from "@/server/modules/accounts/shared";
import { decide, prepareCheck } from "@/server/modules/compliance/check-contact";
import { distinctReasons } from "@/server/modules/compliance/describe";
import { voicemailScriptsInput, type VoicemailScriptsInput } from "./communications.schemas";
import { readSender } from "./sender";
import { renderVersion } from "./templates/render";
import { accountValues } from "./templates/values";

/**
 * What an agent or a dialer may leave on this number's voicemail now: the published voicemail scripts rendered
 * for the account, each asked of the gate as a voicemail to that number at this moment (calling hours, 7-in-7,
 * holds, and the content rules for a limited-content message). A script the gate refuses comes back without its
 * text, with the reasons and the next allowed time: a voicemail outside its slot is not left.
 */
export async function voicemailScripts({ ctx, input }: { ctx: ServiceContext; input: VoicemailScriptsInput }) {
  assertCan(ctx, "interaction.log");
  const { accountId, contactPointId } = parseInput(voicemailScriptsInput, input);
  await findAccountInOrg(ctx, accountId);
  const now = ctx.now();
  const [prepared, sender, rows] = await Promise.all([
    prepareCheck(ctx, accountId, now),
    readSender(ctx.db, ctx.orgId),
    ctx.db
      .select({
        templateId: messageTemplates.id,
        name: messageTemplates.name,
        kind: messageTemplates.kind,
        language: messageTemplates.language,
        versionId: templateVersions.id,
        body: templateVersions.body,
      })
      .from(messageTemplates)
      .innerJoin(templateVersions, eq(templateVersions.id, messageTemplates.publishedVersionId))
      .where(
        and(
          eq(messageTemplates.orgId, ctx.orgId),
          eq(messageTemplates.channel, "voicemail"),
          isNull(messageTemplates.archivedAt),
        ),
      )
      .orderBy(messageTemplates.name),
  ]);
  const phone = prepared.snapshot.contactPoints.find((c) => c.id === contactPointId && c.kind === "phone");
  if (!phone) throw new NotFoundError("Phone number", contactPointId);
  const values = (
    await accountValues(ctx.db, ctx.orgId, [accountId], sender, {
      now,
      agentId: ctx.actor.type === "staff" ? ctx.actor.userId : null,
    })
  ).get(accountId)!;

  const scripts = await Promise.all(
    rows.map(async (row) => {
      const rendered = await renderVersion(
        { id: row.versionId, subject: null, body: row.body },
        "voicemail",
        values.values,
        sender,
        row.language,
      );
      const { decision } = decide(
        prepared,
        {
          accountId,
          channel: "voicemail",
          contactPointId,
          content: {
            language: row.language,
            text: rendered.text,
            kind: row.kind === "limited_content" ? "limited_content" : "communication",
          },
        },
        now,
      );
      const allowed = decision.decision !== "block";
      return {
        templateId: row.templateId,
        versionId: row.versionId,
        name: row.name,
        kind: row.kind,
        language: row.language,
        /** The debtor's own language first: the one to read. */
        preferred: row.language === values.language,
        allowed,
        text: allowed ? rendered.text : null,
        missing: rendered.missing,
        reasons: distinctReasons(decision),
        nextAllowedAt: !allowed && decision.nextAllowedAt !== undefined ? new Date(decision.nextAllowedAt) : null,
      };
    }),
  );
  scripts.sort(
    (a, b) =>
      Number(b.preferred) - Number(a.preferred) ||
      Number(b.kind === "limited_content") - Number(a.kind === "limited_content"),
  );
  return { checkedAt: now, scripts };
}
