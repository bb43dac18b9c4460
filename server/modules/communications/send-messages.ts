/**
 * The one send path. For each request: render the published template for the debtor, ask the compliance gate
 * at this moment with what will be sent, record the decision and the attempt (rendered content and its hash,
 * template version, idempotency key) and, when allowed, hand it to the transport and record the contact in the
 * debtor's history. Works on a batch (a strategy's thousands) as well as on one agent's click: every table is
 * read once per batch, written in bulk, and a retried request finds its first attempt instead of sending twice.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import {
  accounts,
  complianceDecisions,
  contactPoints,
  interactions,
  messages,
  messageTemplates,
  templateVersions,
} from "@/db/schema";
import { actorId, withTransaction, type ServiceContext } from "@/server/lib/context";
import { NotFoundError, ValidationError } from "@/server/lib/errors";
import { recordAudit } from "@/server/modules/audit/record";
import { inputDigest } from "@/server/modules/compliance/check-contact";
import { evaluate } from "@/server/modules/compliance/gate/evaluate";
import type { Action, Decision, MessageContent, Purpose, Snapshot } from "@/server/modules/compliance/gate/types";
import { loadSnapshots, readCompliancePolicy } from "@/server/modules/compliance/snapshot";
import { storeBuffer } from "@/server/modules/imports/storage";
import { collectorOf, consumerAddress, templateLetterPdf } from "./letters/build";
import { unsubscribeUrl } from "./links";
import { readSender } from "./sender";
import { contentHash, renderVersion, type RenderedMessage } from "./templates/render";
import { accountValues } from "./templates/values";
import { emailTransport, smsTransport, TransportError } from "./transports";

export type SendRequest = {
  accountId: string;
  /** Other debts of the same debtor the message concerns. */
  accountIds?: string[];
  /** A published template to render; or `literal`, a fixed text (the opt-out confirmation). */
  templateId?: string;
  literal?: { channel: "sms"; body: string };
  contactPointId: string;
  /** The same key never sends twice: a retry returns the first attempt. */
  idempotencyKey: string;
  purpose?: Purpose;
  /** The inbound interaction this answers (purpose "reply"). */
  inReplyToInteractionId?: string;
  /** When only time blocks it, queue it for the first allowed moment instead of refusing. */
  scheduleIfBlocked?: boolean;
};

export type SendOutcome = {
  messageId: string;
  status: (typeof messages.$inferSelect)["status"];
  /** An earlier attempt with the same idempotency key. */
  duplicate: boolean;
  decision: Decision | null;
  nextAllowedAt: Date | null;
};

const RETRY_BASE_MS = 60_000;
type MessageChannel = "email" | "sms" | "letter";
const CONTACT_KIND: Record<MessageChannel, "email" | "phone" | "address"> = {
  email: "email",
  sms: "phone",
  letter: "address",
};

/** The compliance content kind of a template kind (the gate works out initial vs later communications itself). */
function contentKind(kind: (typeof messageTemplates.$inferSelect)["kind"]): NonNullable<MessageContent["kind"]> {
  return kind === "limited_content" || kind === "opt_out_confirmation" ? kind : "communication";
}

function purposeOf(request: SendRequest, kind: (typeof messageTemplates.$inferSelect)["kind"]): Purpose {
  if (request.purpose) return request.purpose;
  if (kind === "validation_notice") return "validation_notice";
  if (kind === "opt_out_confirmation") return "opt_out_confirmation";
  return "collection";
}

export async function sendMessages(ctx: ServiceContext, requests: SendRequest[]): Promise<SendOutcome[]> {
  if (!requests.length) return [];
  const now = ctx.now();
  const org = ctx.orgId;
  const keys = requests.map((r) => r.idempotencyKey);
  if (new Set(keys).size !== keys.length)
    throw new ValidationError("Each message in a batch needs its own idempotency key");

  const earlier = await ctx.db
    .select({
      id: messages.id,
      key: messages.idempotencyKey,
      status: messages.status,
      scheduledFor: messages.scheduledFor,
    })
    .from(messages)
    .where(and(eq(messages.orgId, org), inArray(messages.idempotencyKey, keys)));
  const earlierByKey = new Map(earlier.map((m) => [m.key, m]));
  const fresh = requests.filter((r) => !earlierByKey.has(r.idempotencyKey));

  const templateIds = [...new Set(fresh.flatMap((r) => (r.templateId ? [r.templateId] : [])))];
  const accountIdsAll = [...new Set(fresh.flatMap((r) => [r.accountId, ...(r.accountIds ?? [])]))];
  const pointIds = [...new Set(fresh.map((r) => r.contactPointId))];
  const [templates, accountRows, points] = fresh.length
    ? await Promise.all([
        templateIds.length
          ? ctx.db
              .select({ template: messageTemplates, version: templateVersions })
              .from(messageTemplates)
              .innerJoin(templateVersions, eq(templateVersions.id, messageTemplates.publishedVersionId))
              .where(and(eq(messageTemplates.orgId, org), inArray(messageTemplates.id, templateIds)))
          : Promise.resolve([]),
        ctx.db
          .select({ id: accounts.id, debtorId: accounts.debtorId })
          .from(accounts)
          .where(and(eq(accounts.orgId, org), inArray(accounts.id, accountIdsAll))),
        ctx.db
          .select()
          .from(contactPoints)
          .where(and(eq(contactPoints.orgId, org), inArray(contactPoints.id, pointIds))),
      ])
    : [[], [], []];
  const templateOf = new Map(templates.map((t) => [t.template.id, t]));
  const debtorOf = new Map(accountRows.map((a) => [a.id, a.debtorId]));
  const pointOf = new Map(points.map((p) => [p.id, p]));

  // Refuse the whole batch when a request cannot be understood: the caller sent something impossible.
  const channelOf = (r: SendRequest) =>
    r.literal ? r.literal.channel : (templateOf.get(r.templateId!)!.template.channel as MessageChannel);
  for (const r of fresh) {
    if (!r.literal === !r.templateId)
      throw new ValidationError("A message is sent from a template or a fixed text, one of the two");
    const t = r.templateId ? templateOf.get(r.templateId) : undefined;
    if (r.templateId && !t) throw new NotFoundError("Published template", r.templateId);
    if (t?.template.archivedAt) throw new ValidationError(`Template “${t.template.name}” is archived`);
    if (t?.template.channel === "voicemail")
      throw new ValidationError("A voicemail script is read or played on a call, not sent");
    const debtorId = debtorOf.get(r.accountId);
    if (!debtorId) throw new NotFoundError("Account", r.accountId);
    for (const id of r.accountIds ?? [])
      if (debtorOf.get(id) !== debtorId)
        throw new ValidationError("A message can only concern debts of the person it goes to", [
          { path: "accountIds", message: `Account ${id} belongs to another debtor` },
        ]);
    const point = pointOf.get(r.contactPointId);
    if (!point || point.debtorId !== debtorId) throw new NotFoundError("Contact point", r.contactPointId);
    const channel = channelOf(r);
    if (point.kind !== CONTACT_KIND[channel])
      throw new ValidationError(
        `An ${channel} goes to ${CONTACT_KIND[channel] === "address" ? "an" : "a"} ${CONTACT_KIND[channel]}, not ${point.kind}`,
        [{ path: "contactPointId", message: `Choose ${CONTACT_KIND[channel]} contact point` }],
      );
  }

  const [sender, { policy, regime }] = await Promise.all([readSender(ctx.db, org), readCompliancePolicy(ctx.db, org)]);
  const [values, snapshots] = await Promise.all([
    accountValues(ctx.db, org, [...new Set(fresh.map((r) => r.accountId))], sender, {
      now,
      agentId: ctx.actor.type === "staff" ? ctx.actor.userId : null,
    }),
    loadSnapshots(ctx.db, org, [...new Set(fresh.map((r) => debtorOf.get(r.accountId)!))], regime, now),
  ]);
  const emailSender = {
    name: sender.name,
    addressLine: sender.addressLine,
    phone: sender.phone,
    website: sender.website,
  };

  type Planned = {
    request: SendRequest;
    channel: MessageChannel;
    rendered: RenderedMessage;
    decision: Decision;
    digest: string;
    status: SendOutcome["status"];
    messageId: string;
    decisionId: string;
    interactionId: string | null;
    debtorId: string;
    versionId: string | null;
    to: string;
    purpose: Purpose;
  };
  const planned: Planned[] = [];
  const email = emailTransport();
  const sms = smsTransport();
  for (const r of fresh) {
    const t = r.templateId ? templateOf.get(r.templateId)! : null;
    const channel = channelOf(r);
    const point = pointOf.get(r.contactPointId)!;
    const debtorId = debtorOf.get(r.accountId)!;
    const v = values.get(r.accountId)!;
    const language = t?.template.language ?? v.language;
    const kind = t?.template.kind ?? (r.purpose === "opt_out_confirmation" ? "opt_out_confirmation" : "communication");
    const rendered: RenderedMessage = t
      ? await renderVersion(
          t.version,
          channel,
          { ...v.values, unsubscribe_url: channel === "email" ? unsubscribeUrl(org, point.id) : "" },
          emailSender,
          language,
        )
      : { subject: null, text: r.literal!.body, html: null, contentHash: contentHash([null, r.literal!.body, null]) };
    const purpose = purposeOf(r, kind);
    const snapshot = snapshots.get(debtorId) as Snapshot;
    const action: Action = {
      channel: channel,
      at: now.getTime(),
      personId: debtorId,
      contactPointId: point.id,
      debtIds: [...new Set([r.accountId, ...(r.accountIds ?? [])])],
      purpose,
      inReplyTo: r.inReplyToInteractionId,
      content: {
        language,
        text: rendered.text,
        html: rendered.html ?? undefined,
        subject: rendered.subject ?? undefined,
        kind: contentKind(kind),
      },
    };
    const decision = evaluate(action, snapshot, policy, now.getTime());
    const timeOnly = decision.decision === "block" && decision.nextAllowedAt !== undefined;
    const transportKind = channel === "email" ? email.kind : channel === "sms" ? sms.kind : "print";
    const status: SendOutcome["status"] =
      decision.decision === "block"
        ? timeOnly && r.scheduleIfBlocked
          ? "scheduled"
          : "blocked"
        : transportKind === "outbox" || transportKind === "print"
          ? "sent"
          : "sending";
    planned.push({
      request: r,
      channel,
      rendered,
      decision,
      digest: inputDigest(action, snapshot, policy, decision.ruleSetVersion),
      status,
      messageId: crypto.randomUUID(),
      decisionId: crypto.randomUUID(),
      interactionId: status === "sent" ? crypto.randomUUID() : null,
      debtorId,
      versionId: t?.version.id ?? null,
      to: point.value,
      purpose,
    });
  }

  // Letters: the PDF is what is sent, rendered and stored before the message is recorded as sent.
  const letters = planned.filter((p) => p.channel === "letter" && p.status === "sent");
  const documentKeys = new Map<string, string>();
  if (letters.length) {
    const collector = collectorOf(sender);
    for (const p of letters) {
      const consumer = await consumerAddress(ctx, p.debtorId, p.request.contactPointId);
      const pdf = await templateLetterPdf({
        language: values.get(p.request.accountId)!.language,
        date: now,
        collector,
        consumer,
        reference: values.get(p.request.accountId)!.values["account.reference"] ?? "",
        title: p.rendered.subject ?? "",
        text: p.rendered.text,
      });
      const key = `${org}/${p.messageId}`;
      await storeBuffer(key, pdf);
      documentKeys.set(p.messageId, key);
    }
  }

  const transportOf = (p: Planned) =>
    p.channel === "email" ? email.kind : p.channel === "sms" ? sms.kind : ("print" as const);
  if (planned.length) {
    await withTransaction(ctx, async (tx) => {
      await tx.db.insert(complianceDecisions).values(
        planned.map((p) => ({
          id: p.decisionId,
          orgId: org,
          debtorId: p.debtorId,
          accountId: p.request.accountId,
          accountIds: [...new Set([p.request.accountId, ...(p.request.accountIds ?? [])])],
          channel: p.channel,
          purpose: p.purpose,
          contactPointId: p.request.contactPointId,
          actionAt: now,
          decision: p.decision.decision,
          rules: p.decision.rules,
          reasons: p.decision.reasons.map((r) => ({
            rule: r.rule,
            severity: r.severity,
            message: r.message,
            ...(r.until !== undefined ? { until: new Date(r.until).toISOString() } : {}),
          })),
          nextAllowedAt: p.decision.nextAllowedAt !== undefined ? new Date(p.decision.nextAllowedAt) : null,
          ruleSetVersion: p.decision.ruleSetVersion,
          inputDigest: p.digest,
          actorType: ctx.actor.type,
          actorId: actorId(ctx.actor),
          evaluatedAt: now,
        })),
      );
      const sent = planned.filter((p) => p.interactionId);
      if (sent.length) await tx.db.insert(interactions).values(sent.map((p) => interactionRow(ctx, p, now)));
      await tx.db
        .insert(messages)
        .values(
          planned.map((p) => ({
            id: p.messageId,
            orgId: org,
            channel: p.channel,
            debtorId: p.debtorId,
            accountId: p.request.accountId,
            accountIds: [...new Set([p.request.accountId, ...(p.request.accountIds ?? [])])],
            contactPointId: p.request.contactPointId,
            toAddress: p.to,
            fromAddress: p.channel === "email" ? sender.fromEmail : null,
            templateVersionId: p.versionId,
            purpose: p.purpose,
            subject: p.rendered.subject,
            bodyText: p.rendered.text,
            bodyHtml: p.rendered.html,
            headers: p.channel === "email" ? unsubscribeHeaders(org, p.request.contactPointId, sender.fromEmail) : null,
            contentHash: p.rendered.contentHash,
            documentKey: documentKeys.get(p.messageId) ?? null,
            transport: transportOf(p),
            providerId: p.status === "sent" ? `${transportOf(p)}:${p.messageId}` : null,
            status: p.status,
            idempotencyKey: p.request.idempotencyKey,
            scheduledFor: p.status === "scheduled" ? new Date(p.decision.nextAllowedAt!) : null,
            sentAt: p.status === "sent" ? now : null,
            statusAt: now,
            complianceDecisionId: p.decisionId,
            interactionId: p.interactionId,
            createdById: ctx.actor.type === "staff" ? ctx.actor.userId : null,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .onConflictDoNothing({ target: [messages.orgId, messages.idempotencyKey] });
      const counts = Object.fromEntries(
        ["sent", "sending", "scheduled", "blocked"].map((s) => [s, planned.filter((p) => p.status === s).length]),
      );
      await recordAudit(tx, {
        action: planned.length === 1 ? "message.sent" : "messages.sent",
        entityType: planned.length === 1 ? "account" : "organization",
        entityId: planned.length === 1 ? planned[0]!.request.accountId : org,
        after:
          planned.length === 1
            ? {
                messageId: planned[0]!.messageId,
                channel: planned[0]!.channel,
                status: planned[0]!.status,
                rules: planned[0]!.decision.rules,
              }
            : { messages: planned.length, ...counts },
      });
    });
  }

  // External transports, outside any transaction: a slow provider never holds a lock.
  for (const p of planned.filter((x) => x.status === "sending")) {
    p.status = await deliver(ctx, p.messageId, now);
  }

  const outcomes = new Map<string, SendOutcome>();
  for (const p of planned)
    outcomes.set(p.request.idempotencyKey, {
      messageId: p.messageId,
      status: p.status,
      duplicate: false,
      decision: p.decision,
      nextAllowedAt: p.decision.nextAllowedAt !== undefined ? new Date(p.decision.nextAllowedAt) : null,
    });
  for (const e of earlier)
    outcomes.set(e.key, {
      messageId: e.id,
      status: e.status,
      duplicate: true,
      decision: null,
      nextAllowedAt: e.scheduledFor,
    });
  return requests.map((r) => outcomes.get(r.idempotencyKey)!);
}

function interactionRow(
  ctx: ServiceContext,
  p: {
    messageId: string;
    interactionId: string | null;
    debtorId: string;
    request: SendRequest;
    channel: MessageChannel;
    to: string;
    purpose: Purpose;
    rendered: RenderedMessage;
  },
  at: Date,
) {
  const excerpt =
    p.channel === "sms" ? p.rendered.text.slice(0, 160) : (p.rendered.subject ?? p.rendered.text.slice(0, 160));
  return {
    id: p.interactionId!,
    orgId: ctx.orgId,
    debtorId: p.debtorId,
    accountId: p.request.accountId,
    accountIds: [...new Set([p.request.accountId, ...(p.request.accountIds ?? [])])],
    channel: p.channel,
    direction: "outbound" as const,
    contactPointId: p.request.contactPointId,
    address: p.to,
    note: excerpt,
    purpose: p.purpose === "collection" ? null : p.purpose,
    inReplyToId: p.request.inReplyToInteractionId ?? null,
    occurredAt: at,
    agentId: ctx.actor.type === "staff" ? ctx.actor.userId : null,
    createdAt: at,
  };
}

/**
 * Hands one recorded message to its transport and records the outcome: sent (with the provider's id, and the
 * contact in the history), scheduled again after a transient failure (with backoff), or failed.
 */
export async function deliver(ctx: ServiceContext, messageId: string, now: Date): Promise<SendOutcome["status"]> {
  const [m] = await ctx.db
    .select()
    .from(messages)
    .where(and(eq(messages.orgId, ctx.orgId), eq(messages.id, messageId)));
  if (!m) throw new NotFoundError("Message", messageId);
  try {
    const { providerId } =
      m.channel === "email"
        ? await emailTransport().send({
            from: m.fromAddress ?? "",
            to: m.toAddress,
            subject: m.subject ?? "",
            html: m.bodyHtml ?? "",
            text: m.bodyText,
            headers: m.headers ?? {},
            idempotencyKey: m.idempotencyKey,
          })
        : await smsTransport().send({ to: m.toAddress, body: m.bodyText, idempotencyKey: m.idempotencyKey });
    const interactionId = crypto.randomUUID();
    await withTransaction(ctx, async (tx) => {
      await tx.db.insert(interactions).values(
        interactionRow(
          ctx,
          {
            messageId: m.id,
            interactionId,
            debtorId: m.debtorId,
            request: {
              accountId: m.accountId!,
              accountIds: m.accountIds,
              templateId: "",
              contactPointId: m.contactPointId!,
              idempotencyKey: m.idempotencyKey,
            },
            channel: m.channel,
            to: m.toAddress,
            purpose: m.purpose as Purpose,
            rendered: { subject: m.subject, text: m.bodyText, html: m.bodyHtml, contentHash: m.contentHash },
          },
          now,
        ),
      );
      await tx.db
        .update(messages)
        .set({
          status: "sent",
          providerId,
          sentAt: now,
          statusAt: now,
          interactionId,
          attempts: sql`${messages.attempts} + 1`,
          updatedAt: now,
        })
        .where(eq(messages.id, m.id));
    });
    return "sent";
  } catch (error) {
    const transient = error instanceof TransportError ? error.transient : false;
    const attempts = m.attempts + 1;
    const status = transient && attempts < 5 ? "scheduled" : "failed";
    await ctx.db
      .update(messages)
      .set({
        status,
        error: error instanceof Error ? error.message : String(error),
        attempts,
        scheduledFor: status === "scheduled" ? new Date(now.getTime() + RETRY_BASE_MS * 2 ** attempts) : null,
        statusAt: now,
        updatedAt: now,
      })
      .where(eq(messages.id, m.id));
    return status;
  }
}

/** RFC 2369 and RFC 8058: the address's one-click unsubscribe, as mail clients offer it. */
export function unsubscribeHeaders(orgId: string, contactPointId: string, from: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl(orgId, contactPointId)}>, <mailto:${from}?subject=unsubscribe>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
