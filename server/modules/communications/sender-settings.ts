import { eq, sql } from "drizzle-orm";
import { organizations } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { senderSettings } from "./communications.schemas";
import { readSender, SENDER_SETTINGS_KEY } from "./sender";

export async function getSenderSettings({ ctx }: { ctx: ServiceContext }) {
  assertCan(ctx, "template.read");
  return readSender(ctx.db, ctx.orgId);
}

/** Who messages come from and how to reach them (the org.* variables, the email letterhead); audited. */
export async function setSenderSettings({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  assertCan(ctx, "settings.manage");
  const data = parseInput(senderSettings, input);
  return withTransaction(ctx, async (tx) => {
    const before = await readSender(tx.db, ctx.orgId);
    await tx.db
      .update(organizations)
      .set({
        settings: sql`${organizations.settings} || ${JSON.stringify({ [SENDER_SETTINGS_KEY]: data })}::jsonb`,
        updatedAt: ctx.now(),
      })
      .where(eq(organizations.id, ctx.orgId));
    await recordAudit(tx, {
      action: "settings.sender_changed",
      entityType: "organization",
      entityId: ctx.orgId,
      before,
      after: data,
    });
    return data;
  });
}
