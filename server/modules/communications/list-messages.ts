import { and, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import { accounts, debtors, messages, messageTemplates, templateVersions } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { NotFoundError, ValidationError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { findAccountInOrg } from "@/server/modules/accounts/shared";
import { listMessagesInput, messageInput, type ListMessagesInput, type MessageInput } from "./communications.schemas";

/**
 * The outbox: every message sent, scheduled, refused or received, newest first — the organization's (managers,
 * admins, auditors) or one account's (whoever may read it).
 */
export async function listMessages({ ctx, input }: { ctx: ServiceContext; input: ListMessagesInput }) {
  const q = parseInput(listMessagesInput, input);
  if (q.accountId) {
    assertCan(ctx, "account.read");
    await findAccountInOrg(ctx, q.accountId);
  } else assertCan(ctx, "message.read");
  const where: (SQL | undefined)[] = [eq(messages.orgId, ctx.orgId)];
  if (q.accountId) where.push(sql`${messages.accountIds} @> array[${q.accountId}]::uuid[]`);
  if (q.channel) where.push(eq(messages.channel, q.channel));
  if (q.status) where.push(eq(messages.status, q.status));
  if (q.cursor) {
    const [at, id] = q.cursor.split("|");
    const when = new Date(at ?? "");
    if (!id || Number.isNaN(when.getTime()))
      throw new ValidationError("Malformed cursor", [{ path: "cursor", message: "Malformed cursor" }]);
    where.push(or(lt(messages.createdAt, when), and(eq(messages.createdAt, when), lt(messages.id, id))));
  }
  const rows = await ctx.db
    .select({
      id: messages.id,
      direction: messages.direction,
      channel: messages.channel,
      status: messages.status,
      transport: messages.transport,
      toAddress: messages.toAddress,
      subject: messages.subject,
      excerpt: sql<string>`left(${messages.bodyText}, 160)`,
      accountId: messages.accountId,
      accountRef: accounts.externalRef,
      debtorName: sql<string>`${debtors.firstName} || ' ' || ${debtors.lastName}`,
      templateName: messageTemplates.name,
      scheduledFor: messages.scheduledFor,
      sentAt: messages.sentAt,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .innerJoin(debtors, eq(debtors.id, messages.debtorId))
    .leftJoin(accounts, eq(accounts.id, messages.accountId))
    .leftJoin(templateVersions, eq(templateVersions.id, messages.templateVersionId))
    .leftJoin(messageTemplates, eq(messageTemplates.id, templateVersions.templateId))
    .where(and(...where))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page,
    nextCursor: rows.length > q.limit && last ? `${last.createdAt.toISOString()}|${last.id}` : null,
  };
}

/** One message exactly as it was (or would be) received, with its headers, decision and provider events. */
export async function getMessage({ ctx, input }: { ctx: ServiceContext; input: MessageInput }) {
  const { messageId } = parseInput(messageInput, input);
  assertCan(ctx, "account.read");
  const [message] = await ctx.db
    .select()
    .from(messages)
    .where(and(eq(messages.orgId, ctx.orgId), eq(messages.id, messageId)));
  if (!message) throw new NotFoundError("Message", messageId);
  // Agents see the messages of accounts they can open; the organization-wide outbox is for message.read.
  if (!message.accountId) assertCan(ctx, "message.read");
  return message;
}
