/**
 * A text from a debtor: recorded once (by the provider's message id) in the history and the outbox, and when it
 * refuses texts — STOP and its synonyms, or plain words like "please stop texting me" — it becomes an opt-out for
 * that number (Reg F 1006.14(h), TCPA 64.1200(a)(10)) and gets exactly one confirmation (64.1200(a)(12)).
 * The debtor's other numbers are untouched.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { accounts, contactPoints, debtors, interactions, messages, optOuts } from "@/db/schema";
import { isUniqueViolation } from "@/server/lib/errors";
import { newRequestId, withTransaction, type ServiceContext } from "@/server/lib/context";
import { recordAudit } from "@/server/modules/audit/record";
import { readSender } from "./sender";
import { sendMessages, type SendOutcome } from "./send-messages";
import { classifyInboundText, optOutConfirmation } from "./sms/keywords";
import { contentHash } from "./templates/render";

export type InboundSms = {
  providerId: string;
  from: string;
  to: string;
  body: string;
  at: Date;
  transport: "twilio" | "outbox";
};
export type InboundOutcome = {
  status: "recorded" | "duplicate" | "unknown_number";
  kind?: ReturnType<typeof classifyInboundText>["kind"];
  confirmation?: SendOutcome;
};

/** The organization and contact point a number belongs to: the one we last texted, else the newest on file. */
async function ownerOf(db: Database, from: string) {
  const [lastOutbound] = await db
    .select({ orgId: messages.orgId, contactPointId: messages.contactPointId })
    .from(messages)
    .where(and(eq(messages.toAddress, from), eq(messages.channel, "sms"), eq(messages.direction, "outbound")))
    .orderBy(desc(messages.createdAt))
    .limit(1);
  const [point] = await db
    .select()
    .from(contactPoints)
    .where(
      lastOutbound?.contactPointId
        ? eq(contactPoints.id, lastOutbound.contactPointId)
        : and(eq(contactPoints.kind, "phone"), eq(contactPoints.value, from)),
    )
    .orderBy(desc(contactPoints.createdAt))
    .limit(1);
  return point ?? null;
}

export async function receiveSms(db: Database, sms: InboundSms): Promise<InboundOutcome> {
  const point = await ownerOf(db, sms.from);
  if (!point) return { status: "unknown_number" };
  const orgId = point.orgId;
  const ctx: ServiceContext = {
    db,
    orgId,
    actor: { type: "webhook", source: sms.transport, eventId: sms.providerId },
    requestId: newRequestId(),
    now: () => sms.at,
  };
  const debtAccounts = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.orgId, orgId), eq(accounts.debtorId, point.debtorId)));
  const [lastTo] = await db
    .select({ accountId: messages.accountId })
    .from(messages)
    .where(and(eq(messages.orgId, orgId), eq(messages.contactPointId, point.id), eq(messages.direction, "outbound")))
    .orderBy(desc(messages.createdAt))
    .limit(1);
  // The text answers the debt we last wrote about from this number; without one, it concerns all of theirs.
  const accountIds = lastTo?.accountId ? [lastTo.accountId] : debtAccounts.map((a) => a.id);
  const classified = classifyInboundText(sms.body);
  const interactionId = crypto.randomUUID();
  try {
    await withTransaction(ctx, async (tx) => {
      if (accountIds.length)
        await tx.db.insert(interactions).values({
          id: interactionId,
          orgId,
          debtorId: point.debtorId,
          accountId: accountIds[0]!,
          accountIds,
          channel: "sms",
          direction: "inbound",
          contactPointId: point.id,
          address: sms.from,
          personReached: "debtor",
          note: sms.body.slice(0, 5000),
          occurredAt: sms.at,
          createdAt: sms.at,
        });
      const [message] = await tx.db
        .insert(messages)
        .values({
          orgId,
          direction: "inbound",
          channel: "sms",
          debtorId: point.debtorId,
          accountId: accountIds[0] ?? null,
          accountIds,
          contactPointId: point.id,
          toAddress: sms.to,
          fromAddress: sms.from,
          bodyText: sms.body,
          contentHash: contentHash([sms.body]),
          transport: sms.transport,
          providerId: sms.providerId,
          status: "received",
          idempotencyKey: `inbound:${sms.transport}:${sms.providerId}`,
          statusAt: sms.at,
          interactionId: accountIds.length ? interactionId : null,
          createdAt: sms.at,
          updatedAt: sms.at,
        })
        .returning();
      if (classified.kind === "opt_out") {
        const [already] = await tx.db
          .select({ id: optOuts.id })
          .from(optOuts)
          .where(
            and(
              eq(optOuts.orgId, orgId),
              eq(optOuts.contactPointId, point.id),
              inArray(optOuts.medium, ["sms", "all"]),
            ),
          );
        if (!already) {
          await tx.db.insert(optOuts).values({
            orgId,
            debtorId: point.debtorId,
            contactPointId: point.id,
            medium: "sms",
            source: classified.confidence === "keyword" ? "reply_keyword" : "reply_phrase",
            messageId: message!.id,
            at: sms.at,
          });
          await recordAudit(tx, {
            action: "contact.opted_out",
            entityType: "contact_point",
            entityId: point.id,
            after: { medium: "sms", value: sms.from, optOutSource: "reply", text: sms.body.slice(0, 200), accountIds },
          });
        }
      }
    });
  } catch (error) {
    if (isUniqueViolation(error, "messages_org_idempotency_unique")) return { status: "duplicate" };
    throw error;
  }
  if (classified.kind !== "opt_out" || !accountIds.length) return { status: "recorded", kind: classified.kind };
  const [debtor] = await db.select({ language: debtors.language }).from(debtors).where(eq(debtors.id, point.debtorId));
  const sender = await readSender(db, orgId);
  const [confirmation] = await sendMessages(ctx, [
    {
      accountId: accountIds[0]!,
      accountIds: accountIds.slice(1),
      literal: { channel: "sms", body: optOutConfirmation(sender.name, debtor?.language ?? "en") },
      contactPointId: point.id,
      // Per inbound message: a provider's retry of the same STOP never confirms twice; the gate allows one per opt-out.
      idempotencyKey: `optout-confirm:${sms.providerId}`,
      purpose: "opt_out_confirmation",
    },
  ]);
  return { status: "recorded", kind: classified.kind, confirmation };
}
