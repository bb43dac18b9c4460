/**
 * What providers tell us after a send: delivered, bounced (the address no longer works), complained (the person
 * marked it as spam: an opt-out). Each provider event is processed once, by its id; a replay is acknowledged and
 * ignored.
 */
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { contactPoints, messageEvents, messages } from "@/db/schema";
import { isUniqueViolation } from "@/server/lib/errors";
import { newRequestId, withTransaction, type ServiceContext } from "@/server/lib/context";
import { recordAudit } from "@/server/modules/audit/record";
import { unsubscribe } from "./unsubscribe";

export type ProviderEvent = {
  provider: "resend" | "twilio";
  eventId: string;
  /** The provider's id of the message (Resend's email id, Twilio's MessageSid). */
  providerMessageId: string;
  type: "delivered" | "bounced" | "complained" | "sent" | "failed" | "other";
  payload: unknown;
  at: Date;
};

export type EventOutcome = "recorded" | "duplicate" | "unknown_message";

export async function recordProviderEvent(db: Database, event: ProviderEvent): Promise<EventOutcome> {
  const transport = event.provider;
  const [message] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.transport, transport), eq(messages.providerId, event.providerMessageId)));
  try {
    await db.insert(messageEvents).values({
      orgId: message?.orgId ?? null,
      messageId: message?.id ?? null,
      provider: event.provider,
      eventId: event.eventId,
      type: event.type,
      payload: event.payload,
      receivedAt: event.at,
    });
  } catch (error) {
    if (isUniqueViolation(error, "message_events_provider_event_unique")) return "duplicate";
    throw error;
  }
  if (!message) return "unknown_message";
  const status =
    event.type === "delivered"
      ? "delivered"
      : event.type === "bounced"
        ? "bounced"
        : event.type === "complained"
          ? "complained"
          : event.type === "failed"
            ? "failed"
            : null;
  const ctx: ServiceContext = {
    db,
    orgId: message.orgId,
    actor: { type: "webhook", source: event.provider, eventId: event.eventId },
    requestId: newRequestId(),
    now: () => event.at,
  };
  if (status) {
    await withTransaction(ctx, async (tx) => {
      await tx.db
        .update(messages)
        .set({ status, statusAt: event.at, updatedAt: event.at })
        .where(eq(messages.id, message.id));
      if (status === "bounced" && message.contactPointId) {
        // A hard bounce: the address does not work; nothing more goes to it until someone corrects it.
        const [point] = await tx.db
          .update(contactPoints)
          .set({ validity: "invalid", updatedAt: event.at })
          .where(and(eq(contactPoints.id, message.contactPointId), eq(contactPoints.orgId, message.orgId)))
          .returning({ value: contactPoints.value });
        await recordAudit(tx, {
          action: "contact.invalidated",
          entityType: "contact_point",
          entityId: message.contactPointId,
          after: {
            value: point?.value,
            reason: `Email bounced (${event.provider} event ${event.eventId})`,
            accountIds: message.accountIds,
          },
        });
      }
    });
  }
  if (status === "complained" && message.contactPointId && message.channel === "email")
    await unsubscribe(
      db,
      {
        orgId: message.orgId,
        contactPointId: message.contactPointId,
        debtorId: message.debtorId,
        address: message.toAddress,
      },
      event.at,
      "complaint",
    );
  return "recorded";
}
