import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { contactPoints, interactions, messages, optOuts } from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createAccount, createOrg, FIXED_NOW, staffContext, type TestOrg } from "@/db/testing/factories";
import { twilioInbound, twilioStatus } from "./communications-http";
import { ComplianceBlockedError } from "@/server/lib/errors";
// @ts-expect-error -- a plain .mjs script without types; typed below
import * as fakeTwilioScript from "@/scripts/fake-twilio.mjs";
import { sendMessage } from "@/server/modules/communications/send-message";
import { twilioSignature } from "@/server/modules/communications/sms/twilio";
import { createTemplate } from "@/server/modules/communications/templates/create-template";
import { publishTemplate } from "@/server/modules/communications/templates/publish-template";
import { resetTransports } from "@/server/modules/communications/transports";

const { startFakeTwilio } = fakeTwilioScript as {
  startFakeTwilio: (options: { port?: number }) => Promise<{ url: string; close: () => Promise<void> }>;
};
const TOKEN = "twilio-test-token";
const SMS_TEXT =
  "{{org.name}} is a debt collector. This is an attempt to collect a debt and any information obtained will be used for that purpose. Your balance is {{account.balance}}. Reply STOP to stop texts to this telephone number.";

describe.each(testDrivers())("text messages (%s)", (driver) => {
  let handle: DatabaseHandle;
  let org: TestOrg;
  let templateId: string;
  let accountId: string;
  let n1: string;
  let n2: string;
  let sid = 0;
  let key = 0;
  const agent = () => staffContext(handle.db, org, "agent");
  const sendTo = (contactPointId: string) =>
    sendMessage({ ctx: agent(), input: { accountId, templateId, contactPointId, idempotencyKey: `sms-key-${++key}` } });

  /** A webhook as Twilio posts it, signed with the auth token over the URL and the parameters. */
  const webhook = (path: string, params: Record<string, string>, tamper = false) => {
    const url = `http://localhost/api/webhooks/twilio/${path}`;
    const signature = twilioSignature(TOKEN, url, params);
    return new Request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
      body: new URLSearchParams(tamper ? { ...params, Body: `${params.Body ?? ""}!` } : params).toString(),
    });
  };
  const reply = (from: string, body: string, messageSid = `SM${String(++sid).padStart(32, "0")}`) =>
    twilioInbound(
      webhook("inbound", { MessageSid: messageSid, From: from, To: "+15005550006", Body: body }),
      handle.db,
      FIXED_NOW,
    );
  const confirmations = async (contactPointId: string) =>
    handle.db
      .select()
      .from(messages)
      .where(and(eq(messages.contactPointId, contactPointId), eq(messages.purpose, "opt_out_confirmation")));

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    org = await createOrg(handle.db, "sms");
    const admin = staffContext(handle.db, org, "admin");
    const { template, draft } = await createTemplate({
      ctx: admin,
      input: { name: "Balance text", channel: "sms", body: SMS_TEXT },
    });
    await publishTemplate({ ctx: admin, input: { templateId: template.id, versionId: draft.id } });
    templateId = template.id;
  });
  afterAll(() => handle.close());
  beforeEach(async () => {
    process.env.TWILIO_AUTH_TOKEN = TOKEN;
    const account = await createAccount(handle.db, org, { ref: `S-${++key}` });
    accountId = account.id;
    const consentAt = new Date(FIXED_NOW.getTime() - 86_400_000);
    const [first] = await handle.db
      .update(contactPoints)
      .set({ consentAt })
      .where(eq(contactPoints.debtorId, account.debtorId))
      .returning();
    n1 = first!.id;
    const [second] = await handle.db
      .insert(contactPoints)
      .values({
        orgId: org.orgId,
        debtorId: account.debtorId,
        kind: "phone",
        phoneType: "mobile",
        value: `+1602555${String(1000 + key).slice(-4)}`,
        timeZone: "America/Phoenix",
        consent: "express",
        consentAt,
      })
      .returning();
    n2 = second!.id;
  });
  afterEach(() => {
    delete process.env.TWILIO_AUTH_TOKEN;
  });

  it("STOP from one number: texts to it stop, exactly one confirmation goes out, the other number is untouched", async () => {
    expect((await sendTo(n1)).status).toBe("sent");
    const [n1Row] = await handle.db.select().from(contactPoints).where(eq(contactPoints.id, n1));
    const stop = await reply(n1Row!.value, "STOP");
    expect(stop.status).toBe(200);
    expect(stop.headers.get("content-type")).toMatch(/xml/);

    const [optOut] = await handle.db.select().from(optOuts).where(eq(optOuts.contactPointId, n1));
    expect(optOut).toMatchObject({ medium: "sms", source: "reply_keyword" });
    let sent = await confirmations(n1);
    expect(sent.map((m) => m.status)).toEqual(["sent"]);
    expect(sent[0]!.bodyText).toMatch(/no longer receive text messages/i);

    await expect(sendTo(n1)).rejects.toBeInstanceOf(ComplianceBlockedError);
    expect((await sendTo(n2)).status).toBe("sent");

    // Twilio retries the same webhook; then the debtor sends STOP again: still one confirmation.
    await reply(n1Row!.value, "STOP", `SM${String(sid).padStart(32, "0")}`);
    await reply(n1Row!.value, "stop");
    sent = await confirmations(n1);
    expect(sent.filter((m) => m.status === "sent")).toHaveLength(1);
    expect(await handle.db.select().from(optOuts).where(eq(optOuts.contactPointId, n1))).toHaveLength(1);
  });

  it("understands a plain-language refusal, and shows an ordinary reply in the history", async () => {
    const [n2Row] = await handle.db.select().from(contactPoints).where(eq(contactPoints.id, n2));
    await reply(n2Row!.value, "What is my balance?");
    expect(await handle.db.select().from(optOuts).where(eq(optOuts.contactPointId, n2))).toHaveLength(0);
    const [question] = await handle.db
      .select()
      .from(interactions)
      .where(and(eq(interactions.contactPointId, n2), eq(interactions.direction, "inbound")));
    expect(question).toMatchObject({ channel: "sms", note: "What is my balance?" });

    await reply(n2Row!.value, "please stop texting me");
    const [optOut] = await handle.db.select().from(optOuts).where(eq(optOuts.contactPointId, n2));
    expect(optOut).toMatchObject({ medium: "sms", source: "reply_phrase" });
    expect((await confirmations(n2)).filter((m) => m.status === "sent")).toHaveLength(1);
    expect(await handle.db.select().from(optOuts).where(eq(optOuts.contactPointId, n1))).toHaveLength(0);
    expect((await sendTo(n1)).status).toBe("sent");
  });

  it("refuses a webhook with a bad signature, or when no auth token is configured", async () => {
    const [n1Row] = await handle.db.select().from(contactPoints).where(eq(contactPoints.id, n1));
    const params = { MessageSid: "SMtampered", From: n1Row!.value, To: "+15005550006", Body: "STOP" };
    expect((await twilioInbound(webhook("inbound", params, true), handle.db)).status).toBe(401);
    delete process.env.TWILIO_AUTH_TOKEN;
    expect((await twilioInbound(webhook("inbound", params), handle.db)).status).toBe(401);
    expect(await handle.db.select().from(optOuts).where(eq(optOuts.contactPointId, n1))).toHaveLength(0);
  });

  describe("through a Twilio-shaped API", () => {
    let fake: Awaited<ReturnType<typeof startFakeTwilio>>;
    beforeAll(async () => {
      fake = await startFakeTwilio({ port: 0 });
    });
    afterAll(() => fake.close());
    beforeEach(() => {
      Object.assign(process.env, {
        TWILIO_ACCOUNT_SID: "ACtest",
        TWILIO_FROM: "+15005550006",
        TWILIO_BASE_URL: fake.url,
      });
      process.env.TWILIO_AUTH_TOKEN = "test-token";
      resetTransports();
    });
    afterEach(() => {
      for (const k of ["TWILIO_ACCOUNT_SID", "TWILIO_FROM", "TWILIO_BASE_URL"]) delete process.env[k];
      resetTransports();
    });

    it("sends through the provider and takes its signed status callbacks once", async () => {
      const outcome = await sendTo(n1);
      expect(outcome.status).toBe("sent");
      const [m] = await handle.db.select().from(messages).where(eq(messages.id, outcome.messageId));
      expect(m).toMatchObject({ transport: "twilio", status: "sent" });
      expect(m!.providerId).toMatch(/^SM/);
      const received = (await (await fetch(`${fake.url}/__messages`)).json()) as { to: string; body: string }[];
      expect(received.some((r) => r.to === m!.toAddress && r.body === m!.bodyText)).toBe(true);

      const callback = { MessageSid: m!.providerId!, MessageStatus: "delivered" };
      const signed = (params: Record<string, string>) => {
        const url = "http://localhost/api/webhooks/twilio/status";
        return new Request(url, {
          method: "POST",
          headers: { "x-twilio-signature": twilioSignature("test-token", url, params) },
          body: new URLSearchParams(params).toString(),
        });
      };
      expect(await (await twilioStatus(signed(callback), handle.db)).json()).toMatchObject({ outcome: "recorded" });
      expect(await (await twilioStatus(signed(callback), handle.db)).json()).toMatchObject({ outcome: "duplicate" });
      const [after] = await handle.db.select().from(messages).where(eq(messages.id, outcome.messageId));
      expect(after!.status).toBe("delivered");
    });
  });
});
