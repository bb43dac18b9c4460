import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
// @ts-expect-error -- a plain .mjs script without types; typed below
import * as fakeTwilioScript from "@/scripts/fake-twilio.mjs";
import {
  sendSms,
  SmsProviderError,
  twilioConfigFromEnv,
  twilioSignature,
  verifyTwilioSignature,
  type TwilioConfig,
} from "./twilio";

type ReceivedText = {
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string | null;
  params: Record<string, string>;
  idempotencyToken: string | null;
  auth: { username: string; password: string };
  contentType: string | null;
};
type FakeTwilio = { url: string; messages: ReceivedText[]; close: () => Promise<void> };
const { startFakeTwilio } = fakeTwilioScript as {
  startFakeTwilio: (options: { port?: number; sid?: string; token?: string }) => Promise<FakeTwilio>;
};

const SID = "ACfake0000000000000000000000000001";
const TOKEN = "fake-auth-token";
const FROM = "+15005550006";
const TO = "+16025550143";

async function rejection(promise: Promise<unknown>): Promise<SmsProviderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SmsProviderError);
  return error as SmsProviderError;
}

describe("sendSms against the fake Twilio", () => {
  let fake: FakeTwilio;
  let config: TwilioConfig;

  beforeAll(async () => {
    fake = await startFakeTwilio({ sid: SID, token: TOKEN });
    config = { accountSid: SID, authToken: TOKEN, from: FROM, baseUrl: fake.url };
  });
  afterAll(() => fake.close());
  beforeEach(async () => {
    await fetch(`${fake.url}/__messages`, { method: "DELETE" });
  });

  it("posts To, From and Body as a form with Basic auth and the idempotency token, and returns the SID", async () => {
    const sent = await sendSms(config, { to: TO, body: "Hello & welcome", idempotencyKey: "key-1" });
    expect(sent.providerId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(sent.status).toBe("queued");
    expect(fake.messages).toHaveLength(1);
    const received = fake.messages[0]!;
    expect(received).toMatchObject({
      sid: sent.providerId,
      to: TO,
      from: FROM,
      body: "Hello & welcome",
      statusCallback: null,
      idempotencyToken: "key-1",
      auth: { username: SID, password: TOKEN },
      contentType: "application/x-www-form-urlencoded",
    });
    // Over HTTP too, with the form's own parameter names alongside.
    const listed = (await (await fetch(`${fake.url}/__messages`)).json()) as (ReceivedText & Record<string, unknown>)[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ sid: sent.providerId, To: TO, From: FROM, Body: "Hello & welcome" });
  });

  it("sends StatusCallback only when one is configured; tolerates a trailing slash on the base URL", async () => {
    await sendSms(
      { ...config, baseUrl: `${fake.url}/`, statusCallbackUrl: "https://recoup.example/api/webhooks/twilio" },
      { to: TO, body: "One", idempotencyKey: "key-cb" },
    );
    expect(fake.messages[0]!.statusCallback).toBe("https://recoup.example/api/webhooks/twilio");
    expect(Object.keys(fake.messages[0]!.params).sort()).toEqual(["Body", "From", "StatusCallback", "To"]);
  });

  it("sends once for two requests with the same idempotency key, and answers both with the same SID", async () => {
    const first = await sendSms(config, { to: TO, body: "Once", idempotencyKey: "same-key" });
    const second = await sendSms(config, { to: TO, body: "Once", idempotencyKey: "same-key" });
    expect(second.providerId).toBe(first.providerId);
    expect(fake.messages).toHaveLength(1);
    await sendSms(config, { to: TO, body: "Once", idempotencyKey: "other-key" });
    expect(fake.messages).toHaveLength(2);
  });

  it("reports a 500 as transient, and the retry with the same key then sends exactly once", async () => {
    await fetch(`${fake.url}/__fail?status=500`, { method: "POST" });
    const error = await rejection(sendSms(config, { to: TO, body: "Retry me", idempotencyKey: "retry-1" }));
    expect(error).toMatchObject({ status: 500, code: 20500, transient: true });
    expect(fake.messages).toHaveLength(0);
    await sendSms(config, { to: TO, body: "Retry me", idempotencyKey: "retry-1" });
    await sendSms(config, { to: TO, body: "Retry me", idempotencyKey: "retry-1" });
    expect(fake.messages).toHaveLength(1);
  });

  it("reports a 429 rate limit as transient", async () => {
    await fetch(`${fake.url}/__fail?status=429&code=20429`, { method: "POST" });
    const error = await rejection(sendSms(config, { to: TO, body: "x", idempotencyKey: "rate" }));
    expect(error).toMatchObject({ status: 429, code: 20429, transient: true });
  });

  it("reports a 400 refusal as not transient, with Twilio's code and message", async () => {
    const invalid = await rejection(sendSms(config, { to: "+15005550001", body: "x", idempotencyKey: "bad-to" }));
    expect(invalid).toMatchObject({ status: 400, code: 21211, transient: false });
    expect(invalid.message).toContain("21211");
    expect(invalid.message).toContain("is not a valid phone number");
    const unsubscribed = await rejection(sendSms(config, { to: "+15005550004", body: "x", idempotencyKey: "stop" }));
    expect(unsubscribed).toMatchObject({ status: 400, code: 21610, transient: false });
    expect(fake.messages).toHaveLength(0);
  });

  it("reports wrong credentials as a non-transient 401", async () => {
    const error = await rejection(
      sendSms({ ...config, authToken: "wrong" }, { to: TO, body: "x", idempotencyKey: "auth" }),
    );
    expect(error).toMatchObject({ status: 401, code: 20003, transient: false });
  });

  it("refuses a number that is not E.164 before making any request", async () => {
    const spy = vi.fn<typeof fetch>();
    for (const to of ["6025550143", "+0123456789", "+1 602 555 0143", "+1234567890123456", "", "+"]) {
      const error = await rejection(sendSms({ ...config, fetch: spy }, { to, body: "x", idempotencyKey: "e164" }));
      expect(error).toMatchObject({ status: null, transient: false });
    }
    expect(spy).not.toHaveBeenCalled();
  });
});

describe("sendSms through an injected fetch", () => {
  const base: TwilioConfig = { accountSid: SID, authToken: TOKEN, from: FROM, baseUrl: "https://twilio.test" };
  const request = { to: TO, body: "Hi", idempotencyKey: "k" };

  it("reports a network failure as transient, with the cause", async () => {
    const cause = new TypeError("fetch failed");
    const error = await rejection(sendSms({ ...base, fetch: () => Promise.reject(cause) }, request));
    expect(error).toMatchObject({ status: null, code: null, transient: true });
    expect(error.cause).toBe(cause);
  });

  it("reports a 502 with an HTML body as transient, without a Twilio code", async () => {
    const fetchHtml = () => Promise.resolve(new Response("<html>Bad gateway</html>", { status: 502 }));
    const error = await rejection(sendSms({ ...base, fetch: fetchHtml }, request));
    expect(error).toMatchObject({ status: 502, code: null, transient: true });
  });

  it("reports a success without a SID as transient (a retry with the same key is safe)", async () => {
    const fetchEmpty = () => Promise.resolve(Response.json({ status: "queued" }, { status: 201 }));
    const error = await rejection(sendSms({ ...base, fetch: fetchEmpty }, request));
    expect(error).toMatchObject({ status: 201, transient: true });
  });

  it("calls the Messages resource of the account on the default host", async () => {
    const spy = vi.fn<typeof fetch>(() => Promise.resolve(Response.json({ sid: "SM1", status: "accepted" })));
    const { baseUrl: _omitted, ...withoutBase } = base;
    const sent = await sendSms({ ...withoutBase, fetch: spy }, request);
    expect(sent).toEqual({ providerId: "SM1", status: "accepted" });
    const [url, init] = spy.mock.calls[0]!;
    expect(url).toBe(`https://api.twilio.com/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(init?.method).toBe("POST");
    const headers = new Headers(init?.headers);
    expect(headers.get("authorization")).toBe(`Basic ${Buffer.from(`${SID}:${TOKEN}`).toString("base64")}`);
    expect(headers.get("i-twilio-idempotency-token")).toBe("k");
    expect(new URLSearchParams(init?.body as string).get("Body")).toBe("Hi");
  });
});

describe("twilioConfigFromEnv", () => {
  const env = { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_FROM: FROM };

  it("reads the settings, with the optional base and callback URLs", () => {
    expect(twilioConfigFromEnv(env)).toEqual({ accountSid: SID, authToken: TOKEN, from: FROM });
    expect(
      twilioConfigFromEnv({
        ...env,
        TWILIO_BASE_URL: "http://127.0.0.1:3201",
        TWILIO_STATUS_CALLBACK_URL: "https://recoup.example/cb",
      }),
    ).toEqual({
      accountSid: SID,
      authToken: TOKEN,
      from: FROM,
      baseUrl: "http://127.0.0.1:3201",
      statusCallbackUrl: "https://recoup.example/cb",
    });
  });

  it("is null when the SID, the token or the sending number is missing or blank", () => {
    expect(twilioConfigFromEnv({})).toBeNull();
    expect(twilioConfigFromEnv({ ...env, TWILIO_ACCOUNT_SID: undefined })).toBeNull();
    expect(twilioConfigFromEnv({ ...env, TWILIO_AUTH_TOKEN: "" })).toBeNull();
    expect(twilioConfigFromEnv({ ...env, TWILIO_FROM: "  " })).toBeNull();
  });
});

describe("Twilio webhook signatures", () => {
  const token = "12345-example-token";
  const url = "https://recoup.example/api/webhooks/twilio/inbound?org=acme";
  const params = {
    To: "+15005550006",
    From: "+16025550143",
    MessageSid: "SM0123456789abcdef0123456789abcdef",
    Body: "STOP",
    AccountSid: SID,
  };
  // Written out by hand: URL, then each name and value in name order (AccountSid, Body, From, MessageSid, To).
  const signed =
    `${url}AccountSid${SID}BodySTOPFrom+16025550143` + "MessageSidSM0123456789abcdef0123456789abcdefTo+15005550006";
  const expected = createHmac("sha1", token).update(signed).digest("base64");

  it("matches a signature computed independently from the scheme", () => {
    expect(twilioSignature(token, url, params)).toBe(expected);
    expect(verifyTwilioSignature(token, url, params, expected)).toBe(true);
  });

  it("sorts parameter names by bytes: capitals first, and UTF-8 order above U+FFFF", () => {
    const manual = (s: string) => createHmac("sha1", token).update(s).digest("base64");
    expect(twilioSignature(token, url, { b: "1", a: "2", B: "3" })).toBe(manual(`${url}B3a2b1`));
    // UTF-16 would put the emoji (a surrogate pair, 0xD83D...) before U+FF21; UTF-8 puts it after (F0 > EF).
    expect(twilioSignature(token, url, { "\u{1F600}": "x", "\uFF21": "y" })).toBe(manual(`${url}\uFF21y\u{1F600}x`));
  });

  it("rejects a tampered parameter, an added parameter, another URL or another token", () => {
    expect(verifyTwilioSignature(token, url, { ...params, Body: "START" }, expected)).toBe(false);
    expect(verifyTwilioSignature(token, url, { ...params, Extra: "" }, expected)).toBe(false);
    expect(verifyTwilioSignature(token, url.replace("acme", "other"), params, expected)).toBe(false);
    expect(verifyTwilioSignature(token, url.replace("https:", "http:"), params, expected)).toBe(false);
    expect(verifyTwilioSignature("another-token", url, params, expected)).toBe(false);
  });

  it("returns false, without throwing, for a header of the wrong length or none", () => {
    expect(verifyTwilioSignature(token, url, params, expected.slice(1))).toBe(false);
    expect(verifyTwilioSignature(token, url, params, `${expected}=`)).toBe(false);
    expect(verifyTwilioSignature(token, url, params, "")).toBe(false);
    expect(verifyTwilioSignature(token, url, params, null)).toBe(false);
    expect(verifyTwilioSignature(token, url, params, undefined)).toBe(false);
    // Same length in characters, longer in bytes: still false, not a RangeError from timingSafeEqual.
    expect(verifyTwilioSignature(token, url, params, `é${expected.slice(1)}`)).toBe(false);
  });
});
