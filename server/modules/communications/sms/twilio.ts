/**
 * Texts through Twilio's REST API (Messages resource, API version 2010-04-01), and the check of the signature
 * Twilio puts on the webhooks it sends us. Any server with the same shape works: scripts/fake-twilio.mjs in tests
 * and e2e, through TWILIO_BASE_URL.
 *
 * HTTP goes only through the injected `fetch`, so tests can watch or break it without a network.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export type TwilioConfig = {
  accountSid: string;
  authToken: string;
  /** The sending number, E.164. */
  from: string;
  /** Default https://api.twilio.com. */
  baseUrl?: string;
  /** Where Twilio reports delivery (queued → sent → delivered / undelivered / failed). */
  statusCallbackUrl?: string;
  fetch?: typeof fetch;
};

export type SmsRequest = {
  /** E.164, e.g. +16025550143. */
  to: string;
  body: string;
  /** The same key on a retry lets Twilio recognise the repeat and not send the text twice. */
  idempotencyKey: string;
};

export type SmsSent = { providerId: string; status: string };

const DEFAULT_BASE_URL = "https://api.twilio.com";
const API_VERSION = "2010-04-01";
/**
 * A send that hangs is abandoned and reported as transient. Retrying is safe even if Twilio did accept it: the
 * retry carries the same idempotency token.
 */
const TIMEOUT_MS = 15_000;
/** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
const E164 = /^\+[1-9]\d{1,14}$/;

/**
 * A text Twilio did not accept, or that never reached it. `transient` says whether the same request may succeed
 * later (a rate limit, an outage, a lost connection); a refusal such as an invalid or unsubscribed number will
 * not, and retrying it would only repeat the refusal.
 */
export class SmsProviderError extends Error {
  override readonly name = "SmsProviderError";
  /** The HTTP status, or null when no response came back (or the request was refused before it was sent). */
  readonly status: number | null;
  /** Twilio's error code (e.g. 21211 invalid To, 21610 the recipient replied STOP), when it sent one. */
  readonly code: number | null;
  readonly transient: boolean;

  constructor(
    message: string,
    details: { status: number | null; code: number | null; transient: boolean; cause?: unknown },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.code = details.code;
    this.transient = details.transient;
  }
}

/**
 * Twilio settings from the environment, or null when any of the account SID, auth token and sending number is
 * missing: the caller then uses its outbox transport, so a half-configured deployment never drops texts silently.
 */
export function twilioConfigFromEnv(env: Record<string, string | undefined> = process.env): TwilioConfig | null {
  const value = (name: string) => env[name]?.trim() || undefined;
  const accountSid = value("TWILIO_ACCOUNT_SID");
  const authToken = value("TWILIO_AUTH_TOKEN");
  const from = value("TWILIO_FROM");
  if (!accountSid || !authToken || !from) return null;
  const config: TwilioConfig = { accountSid, authToken, from };
  const baseUrl = value("TWILIO_BASE_URL");
  if (baseUrl) config.baseUrl = baseUrl;
  const statusCallbackUrl = value("TWILIO_STATUS_CALLBACK_URL");
  if (statusCallbackUrl) config.statusCallbackUrl = statusCallbackUrl;
  return config;
}

function isTransientStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Sends one text. Resolves with Twilio's message SID and initial status; rejects with an SmsProviderError. */
export async function sendSms(config: TwilioConfig, request: SmsRequest): Promise<SmsSent> {
  // Refused before any request: a malformed number would cost a round trip to come back as error 21211.
  if (!E164.test(request.to)) {
    throw new SmsProviderError(`Not an E.164 phone number: "${request.to}"`, {
      status: null,
      code: null,
      transient: false,
    });
  }
  const baseUrl = (config.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  const url = `${baseUrl}/${API_VERSION}/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const form = new URLSearchParams({ To: request.to, From: config.from, Body: request.body });
  if (config.statusCallbackUrl) form.set("StatusCallback", config.statusCallbackUrl);
  const credentials = Buffer.from(`${config.accountSid}:${config.authToken}`, "utf8").toString("base64");
  const doFetch = config.fetch ?? fetch;

  let response: Response;
  let text: string;
  try {
    response = await doFetch(url, {
      method: "POST",
      headers: {
        authorization: `Basic ${credentials}`,
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
        "I-Twilio-Idempotency-Token": request.idempotencyKey,
      },
      body: form.toString(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    throw new SmsProviderError(`Twilio did not answer: ${errorText(error)}`, {
      status: null,
      code: null,
      transient: true,
      cause: error,
    });
  }

  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // A proxy or load balancer in front of Twilio may answer with HTML; the status still says what happened.
  }
  const fields = typeof json === "object" && json !== null ? (json as Record<string, unknown>) : {};

  if (!response.ok) {
    const code = typeof fields.code === "number" ? fields.code : null;
    const detail = typeof fields.message === "string" ? fields.message : text.slice(0, 200) || response.statusText;
    throw new SmsProviderError(
      `Twilio refused the text (HTTP ${response.status}${code === null ? "" : `, error ${code}`}): ${detail}`,
      { status: response.status, code, transient: isTransientStatus(response.status) },
    );
  }
  if (typeof fields.sid !== "string" || !fields.sid) {
    // Accepted, but with no SID we cannot match delivery reports to the message. Retrying with the same
    // idempotency token is safe and is the only way to learn it.
    throw new SmsProviderError(`Twilio answered HTTP ${response.status} without a message SID`, {
      status: response.status,
      code: null,
      transient: true,
    });
  }
  return { providerId: fields.sid, status: typeof fields.status === "string" ? fields.status : "queued" };
}

/** Byte order of the UTF-8 encodings, which is what Twilio sorts by (UTF-16 order differs above U+FFFF). */
function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/**
 * The X-Twilio-Signature of a webhook: base64 HMAC-SHA1, keyed with the auth token, of the full URL Twilio called
 * followed by each POST parameter's name and value, in name order. The URL must be the public one Twilio was
 * given (scheme, host, port, path and query string exactly), not the one a proxy forwarded to us.
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const names = Object.keys(params).sort(byteOrder);
  const hmac = createHmac("sha1", authToken);
  hmac.update(url, "utf8");
  for (const name of names) hmac.update(`${name}${params[name] ?? ""}`, "utf8");
  return hmac.digest("base64");
}

/**
 * Whether a webhook really comes from Twilio. Compared in constant time, so a forger cannot learn the signature a
 * byte at a time from how long a rejection takes; a header of the wrong length (or none) is simply false.
 */
export function verifyTwilioSignature(
  authToken: string,
  url: string,
  params: Record<string, string>,
  signatureHeader: string | null | undefined,
): boolean {
  if (!signatureHeader) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params), "utf8");
  const given = Buffer.from(signatureHeader, "utf8");
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}
