import { Resend } from "resend";
import { getDb, type Database } from "@/db";
import { logger } from "@/server/lib/logger";
import { receiveSms } from "@/server/modules/communications/inbound-sms";
import { recordProviderEvent, type ProviderEvent } from "@/server/modules/communications/provider-events";
import { verifyTwilioSignature } from "@/server/modules/communications/sms/twilio";
import { unsubscribe, unsubscribeTarget } from "@/server/modules/communications/unsubscribe";
import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { findAccountInOrg } from "@/server/modules/accounts/shared";
import { letterBatch } from "@/server/modules/communications/letters/letter-batch";
import { validationNoticePdf } from "@/server/modules/communications/letters/build";
import { getMessage } from "@/server/modules/communications/list-messages";
import { readSender } from "@/server/modules/communications/sender";
import { readStored } from "@/server/modules/imports/storage";
import { problem, problemOf, staffServiceContext } from "./http";
import type { TrpcContext } from "./trpc";

const HTML_HEADERS = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" };

function page(title: string, body: string, status = 200): Response {
  const esc = (s: string) =>
    s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>` +
      `<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5}button{font:inherit;padding:.5rem 1rem}</style></head>` +
      `<body><h1>${esc(title)}</h1>${body}</body></html>`,
    { status, headers: HTML_HEADERS },
  );
}

const NOT_A_LINK = () =>
  page("This link does not work", "<p>It may have been copied incompletely. Use the link in the email again.</p>", 404);

/** GET /api/unsubscribe/<token>: what the link does, and a button (a GET must not change anything: link scanners follow links). */
export async function unsubscribePage(token: string, db?: Database): Promise<Response> {
  db ??= await getDb();
  const target = await unsubscribeTarget(db, token);
  if (!target) return NOT_A_LINK();
  const masked = target.address.replace(/^(.).*(@.*)$/, "$1…$2");
  return page(
    "Unsubscribe",
    `<p>Stop sending email to ${masked.replace(/</g, "&lt;")}?</p><form method="post"><button type="submit">Unsubscribe</button></form>`,
  );
}

/** POST /api/unsubscribe/<token>: the button above, or a mail client's RFC 8058 one-click request. */
export async function unsubscribePost(token: string, db?: Database, now = new Date()): Promise<Response> {
  db ??= await getDb();
  const target = await unsubscribeTarget(db, token);
  if (!target) return NOT_A_LINK();
  await unsubscribe(db, target, now);
  return page("You are unsubscribed", "<p>We will not send more email to this address.</p>");
}

const RESEND_TYPES: Record<string, ProviderEvent["type"]> = {
  "email.sent": "sent",
  "email.delivered": "delivered",
  "email.bounced": "bounced",
  "email.complained": "complained",
  "email.failed": "failed",
};

/**
 * POST /api/webhooks/resend: Resend's delivery events, signed (Standard Webhooks / Svix headers) with
 * RESEND_WEBHOOK_SECRET. Refused without the secret configured, with a bad or stale signature; a replayed event
 * is acknowledged and ignored.
 */
export async function resendWebhook(request: Request, db?: Database): Promise<Response> {
  db ??= await getDb();
  const secret = process.env.RESEND_WEBHOOK_SECRET;
  if (!secret) return problem(401, "Webhook secret not configured");
  const payload = await request.text();
  const headers = {
    id: request.headers.get("svix-id") ?? request.headers.get("webhook-id") ?? "",
    timestamp: request.headers.get("svix-timestamp") ?? request.headers.get("webhook-timestamp") ?? "",
    signature: request.headers.get("svix-signature") ?? request.headers.get("webhook-signature") ?? "",
  };
  let event: { type?: string; created_at?: string; data?: { email_id?: string } };
  try {
    // The SDK's verifier checks the signature and the timestamp's age; only the key is needed, not an API key.
    event = new Resend("re_webhook_verification_only").webhooks.verify({
      payload,
      headers,
      webhookSecret: secret,
    }) as typeof event;
  } catch {
    return problem(401, "Invalid signature");
  }
  const emailId = event.data?.email_id;
  if (!emailId || !event.type) return problem(400, "Not an email event");
  const outcome = await recordProviderEvent(db, {
    provider: "resend",
    eventId: headers.id,
    providerMessageId: emailId,
    type: RESEND_TYPES[event.type] ?? "other",
    payload: event,
    at: event.created_at ? new Date(event.created_at) : new Date(),
  });
  if (outcome === "unknown_message") logger.warn({ emailId, type: event.type }, "resend event for an unknown email");
  return Response.json({ ok: true, outcome });
}

/**
 * A Twilio callback's form parameters, when its X-Twilio-Signature matches (HMAC of the public URL and the
 * parameters with TWILIO_AUTH_TOKEN); null otherwise, and always null without a token configured (fail closed).
 */
async function verifiedTwilioParams(request: Request): Promise<Record<string, string> | null> {
  const token = process.env.TWILIO_AUTH_TOKEN;
  if (!token) return null;
  const params = Object.fromEntries(new URLSearchParams(await request.text()));
  const incoming = new URL(request.url);
  // Behind a proxy the request URL is not the one Twilio signed: TWILIO_WEBHOOK_BASE_URL says what it was.
  const base = process.env.TWILIO_WEBHOOK_BASE_URL?.replace(/\/$/, "") ?? incoming.origin;
  const url = `${base}${incoming.pathname}${incoming.search}`;
  return verifyTwilioSignature(token, url, params, request.headers.get("x-twilio-signature") ?? "") ? params : null;
}

const TWIML_EMPTY = () =>
  new Response('<?xml version="1.0" encoding="UTF-8"?><Response></Response>', {
    headers: { "content-type": "text/xml; charset=utf-8" },
  });

/** POST /api/webhooks/twilio/inbound: a text from a debtor (the reply, if any, is sent by us, not in TwiML). */
export async function twilioInbound(request: Request, db?: Database, now = new Date()): Promise<Response> {
  const params = await verifiedTwilioParams(request);
  if (!params) return problem(401, "Invalid signature");
  if (!params.MessageSid || !params.From) return problem(400, "Not an inbound message");
  await receiveSms(db ?? (await getDb()), {
    providerId: params.MessageSid,
    from: params.From,
    to: params.To ?? "",
    body: params.Body ?? "",
    at: now,
    transport: "twilio",
  });
  return TWIML_EMPTY();
}

const TWILIO_STATUSES: Record<string, ProviderEvent["type"]> = {
  sent: "sent",
  delivered: "delivered",
  undelivered: "failed",
  failed: "failed",
};

/** POST /api/webhooks/twilio/status: a sent text's fate, once per (message, status). */
export async function twilioStatus(request: Request, db?: Database, now = new Date()): Promise<Response> {
  const params = await verifiedTwilioParams(request);
  if (!params) return problem(401, "Invalid signature");
  const sid = params.MessageSid;
  const status = params.MessageStatus;
  if (!sid || !status) return problem(400, "Not a status callback");
  const outcome = await recordProviderEvent(db ?? (await getDb()), {
    provider: "twilio",
    eventId: `${sid}:${status}`,
    providerMessageId: sid,
    type: TWILIO_STATUSES[status] ?? "other",
    payload: params,
    at: now,
  });
  return Response.json({ ok: true, outcome });
}

/** Runs `run` for a signed-in staff member (401 otherwise), domain errors answered with their status. */
async function asStaff(context: TrpcContext, what: string, run: (ctx: ServiceContext) => Promise<Response>) {
  const ctx = staffServiceContext(context);
  if (!ctx) return problem(401, "Sign in first");
  try {
    return await run(ctx);
  } catch (error) {
    return problemOf(error, ctx.requestId, what);
  }
}

function pdfResponse(pdf: Buffer, filename: string): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/** GET /api/accounts/<id>/validation-notice: the account's Model Form B-1 notice as a PDF. */
export function validationNoticeResponse(context: TrpcContext, accountId: string): Promise<Response> {
  return asStaff(context, "validation notice", async (ctx) => {
    assertCan(ctx, "account.read");
    const account = await findAccountInOrg(ctx, accountId);
    const { pdf } = await validationNoticePdf(ctx, account.id, await readSender(ctx.db, ctx.orgId));
    return pdfResponse(pdf, `validation-notice-${account.externalRef}.pdf`);
  });
}

/** GET /api/messages/<id>/document: a letter as it was printed. */
export function messageDocumentResponse(context: TrpcContext, messageId: string): Promise<Response> {
  return asStaff(context, "letter download", async (ctx) => {
    const message = await getMessage({ ctx, input: { messageId } });
    if (!message.documentKey) return problem(404, "This message has no document");
    return pdfResponse(await readStored(message.documentKey), `letter-${message.id}.pdf`);
  });
}

/**
 * GET /api/letters/batch?from=YYYY-MM-DD&to=YYYY-MM-DD: the letters sent in those days, as the print vendor takes
 * them — a ZIP of their PDFs and an address manifest.
 */
export function letterBatchResponse(context: TrpcContext, request: Request): Promise<Response> {
  return asStaff(context, "letter batch", async (ctx) => {
    const params = new URL(request.url).searchParams;
    const from = params.get("from") ?? "";
    const to = params.get("to") ?? from;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to))
      return problem(400, "from and to: dates as YYYY-MM-DD");
    const { zip, letters } = await letterBatch(ctx, from, to);
    if (!letters) return problem(404, `No letters were sent between ${from} and ${to}`);
    return new Response(new Uint8Array(zip), {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="letters-${from}-${to}.zip"`,
        "cache-control": "no-store",
      },
    });
  });
}
