/**
 * Where messages go. Email through Resend's SDK when RESEND_API_KEY is set (RESEND_BASE_URL points it at any
 * endpoint, a local fake in tests), texts through a Twilio-shaped API when its credentials are set; otherwise the
 * outbox: the message row itself, shown in the console exactly as it would be received. Never a silent no-op.
 */
import { Resend } from "resend";
import { sendSms, SmsProviderError, twilioConfigFromEnv } from "./sms/twilio";

export type EmailEnvelope = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  idempotencyKey: string;
};

/** A send that failed; `transient` failures (rate limits, outages) are worth retrying, others are not. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
  }
}

export type Transport<T> = {
  kind: "outbox" | "resend" | "twilio";
  send: (message: T) => Promise<{ providerId: string }>;
};

let resend: Resend | null = null;

export function emailTransport(): Transport<EmailEnvelope> {
  const key = process.env.RESEND_API_KEY;
  if (!key) return { kind: "outbox", send: () => Promise.resolve({ providerId: "outbox" }) };
  resend ??= new Resend(key);
  const client = resend;
  return {
    kind: "resend",
    async send(m) {
      const { data, error } = await client.emails.send(
        { from: m.from, to: [m.to], subject: m.subject, html: m.html, text: m.text, headers: m.headers },
        { idempotencyKey: m.idempotencyKey },
      );
      if (error || !data) {
        const status = (error as { statusCode?: number } | null)?.statusCode ?? 0;
        throw new TransportError(
          `Resend refused the email: ${error?.message ?? "no answer"}`,
          status === 0 || status === 429 || status >= 500,
        );
      }
      return { providerId: data.id };
    },
  };
}

export type SmsEnvelope = { to: string; body: string; idempotencyKey: string };

export function smsTransport(): Transport<SmsEnvelope> {
  const config = twilioConfigFromEnv();
  if (!config) return { kind: "outbox", send: () => Promise.resolve({ providerId: "outbox" }) };
  return {
    kind: "twilio",
    async send(m) {
      try {
        const { providerId } = await sendSms(config, m);
        return { providerId };
      } catch (error) {
        if (error instanceof SmsProviderError) throw new TransportError(error.message, error.transient);
        throw error;
      }
    },
  };
}

/** Forget the cached clients (tests switch RESEND_API_KEY on and off). */
export function resetTransports(): void {
  resend = null;
}
