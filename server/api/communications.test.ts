import { and, count, eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents, contactPoints, interactions, messages, optOuts, users } from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createAccount, createOrg, FIXED_NOW, staffContext, type TestOrg } from "@/db/testing/factories";
import { resendWebhook, unsubscribePage, unsubscribePost } from "./communications-http";
import { ComplianceBlockedError, ForbiddenError, NotFoundError, ValidationError } from "@/server/lib/errors";
import { startFakeResend } from "@/scripts/fake-resend.mjs";
import { signToken } from "@/server/modules/communications/links";
import { sendMessage } from "@/server/modules/communications/send-message";
import { createTemplate } from "@/server/modules/communications/templates/create-template";
import { getTemplate } from "@/server/modules/communications/templates/get-template";
import { publishTemplate } from "@/server/modules/communications/templates/publish-template";
import { saveDraft } from "@/server/modules/communications/templates/save-draft";
import { resetTransports } from "@/server/modules/communications/transports";
import { setSenderSettings } from "@/server/modules/communications/sender-settings";
import { voicemailScripts } from "@/server/modules/communications/voicemail-scripts";
import { STARTER_TEMPLATES } from "@/server/modules/communications/templates/starters";

type Account = Awaited<ReturnType<typeof createAccount>>;

const COMPLIANT_EMAIL = [
  "Hello {{debtor.first_name}},",
  "This communication is from a debt collector. This is an attempt to collect a debt and any information obtained will be used for that purpose.",
  "Your balance with {{creditor.name}} on account {{account.reference}} is {{account.balance}}.",
  "To stop emails to this address, unsubscribe here: {{unsubscribe_url}}",
].join("\n\n");

describe.each(testDrivers())("communications (%s)", (driver) => {
  let handle: DatabaseHandle;
  let org: TestOrg;
  let other: TestOrg;
  let account: Account;
  let emailId: string;
  let templateId: string;
  const admin = () => staffContext(handle.db, org, "admin");
  const agent = () => staffContext(handle.db, org, "agent");
  let key = 0;
  const send = (extra: Partial<Parameters<typeof sendMessage>[0]["input"]> = {}) =>
    sendMessage({
      ctx: agent(),
      input: {
        accountId: account.id,
        templateId,
        contactPointId: emailId,
        idempotencyKey: `test-key-${++key}`,
        ...extra,
      },
    });

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    org = await createOrg(handle.db, "comms");
    other = await createOrg(handle.db, "comms-other");
    const created = await createTemplate({
      ctx: admin(),
      input: {
        name: "Balance reminder",
        channel: "email",
        subject: "About your account {{account.reference}}",
        body: COMPLIANT_EMAIL,
      },
    });
    await publishTemplate({ ctx: admin(), input: { templateId: created.template.id, versionId: created.draft.id } });
    templateId = created.template.id;
  });
  afterAll(() => handle.close());

  beforeEach(async () => {
    account = await createAccount(handle.db, org, { ref: `C-${++key}` });
    const [email] = await handle.db
      .insert(contactPoints)
      .values({
        orgId: org.orgId,
        debtorId: account.debtorId,
        kind: "email",
        value: `dana${key}@example.com`,
        consent: "express",
      })
      .returning();
    emailId = email!.id;
  });

  describe("templates", () => {
    it("refuses to publish an email without an opt-out, or with a variable not in the catalogue, saying why", async () => {
      const { template, draft } = await createTemplate({
        ctx: admin(),
        input: {
          name: "No opt-out",
          channel: "email",
          subject: "Your account",
          body: "This communication is from a debt collector. Your balance is {{account.balance}}.",
        },
      });
      await expect(
        publishTemplate({ ctx: admin(), input: { templateId: template.id, versionId: draft.id } }),
      ).rejects.toThrow(/ELEC-01/);
      const withTypo = await saveDraft({
        ctx: admin(),
        input: { templateId: template.id, subject: "Your account", body: `${COMPLIANT_EMAIL}\n\n{{account.balanse}}` },
      });
      expect(withTypo.id).toBe(draft.id);
      await expect(
        publishTemplate({ ctx: admin(), input: { templateId: template.id, versionId: draft.id } }),
      ).rejects.toThrow(/Unknown variable \{\{account\.balanse\}\}/);
      await expect(
        saveDraft({ ctx: agent(), input: { templateId: template.id, body: COMPLIANT_EMAIL } }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    });

    it("publishes a new version and keeps the old one, with the diff between them", async () => {
      const { template, draft } = await createTemplate({
        ctx: admin(),
        input: { name: "Versioned", channel: "email", subject: "Hello", body: COMPLIANT_EMAIL },
      });
      await publishTemplate({ ctx: admin(), input: { templateId: template.id, versionId: draft.id } });
      const second = await saveDraft({
        ctx: admin(),
        input: { templateId: template.id, subject: "Hello again", body: `${COMPLIANT_EMAIL}\n\nThank you.` },
      });
      expect(second.number).toBe(2);
      await publishTemplate({ ctx: admin(), input: { templateId: template.id, versionId: second.id } });
      const detail = await getTemplate({ ctx: agent(), input: { templateId: template.id } });
      expect(detail.template.publishedVersionId).toBe(second.id);
      expect(detail.versions.map((v) => [v.number, v.status])).toEqual([
        [2, "published"],
        [1, "retired"],
      ]);
      expect(detail.versions[0]!.diff).toEqual(
        expect.arrayContaining([
          { op: "remove", text: "Hello" },
          { op: "add", text: "Hello again" },
          { op: "add", text: "Thank you." },
        ]),
      );
    });
  });

  describe("the send path, through the outbox", () => {
    it("renders, asks the gate, records and sends once per idempotency key", async () => {
      const first = await send({ idempotencyKey: "once-only" });
      const again = await send({ idempotencyKey: "once-only" });
      expect(first).toMatchObject({ status: "sent", duplicate: false });
      expect(again).toMatchObject({ messageId: first.messageId, duplicate: true });
      const rows = await handle.db.select().from(messages).where(eq(messages.accountId, account.id));
      expect(rows).toHaveLength(1);
      const m = rows[0]!;
      expect(m).toMatchObject({
        transport: "outbox",
        channel: "email",
        subject: `About your account ${account.externalRef}`,
      });
      expect(m.bodyText).toContain("Hello Dana,");
      expect(m.bodyHtml).toContain(account.externalRef);
      expect(m.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(m.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
      const [interaction] = await handle.db.select().from(interactions).where(eq(interactions.id, m.interactionId!));
      expect(interaction).toMatchObject({ channel: "email", direction: "outbound", contactPointId: emailId });
    });

    it("escapes what comes from the data", async () => {
      const evil = await createAccount(handle.db, org, { ref: "X-1", lastName: "Doe" });
      // A debtor whose name is markup must see it as text.
      await handle.db.execute(
        sql`update debtors set first_name = '<img src=x onerror=alert(1)>' where id = ${evil.debtorId}`,
      );
      const [mail] = await handle.db
        .insert(contactPoints)
        .values({
          orgId: org.orgId,
          debtorId: evil.debtorId,
          kind: "email",
          value: "evil@example.com",
          consent: "express",
        })
        .returning();
      const sent = await sendMessage({
        ctx: agent(),
        input: { accountId: evil.id, templateId, contactPointId: mail!.id, idempotencyKey: "evil-key-1" },
      });
      const [m] = await handle.db.select().from(messages).where(eq(messages.id, sent.messageId));
      expect(m!.bodyHtml).toContain("&lt;img src=x onerror=alert(1)&gt;");
      expect(m!.bodyHtml).not.toContain("<img src=x");
    });

    it("records a blocked attempt and refuses it; schedules it instead when only time is in the way", async () => {
      await handle.db.insert(optOuts).values({
        orgId: org.orgId,
        debtorId: account.debtorId,
        contactPointId: emailId,
        medium: "email",
        source: "unsubscribe_link",
        at: new Date(FIXED_NOW.getTime() - 60_000),
      });
      const refused = await send().catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ComplianceBlockedError);
      expect((refused as ComplianceBlockedError).rules).toContain("ELEC-04");
      const [blocked] = await handle.db.select().from(messages).where(eq(messages.accountId, account.id));
      expect(blocked).toMatchObject({ status: "blocked", interactionId: null });

      const night = { ...agent(), now: () => new Date("2026-11-25T06:00:00Z") }; // 23:00 in Phoenix
      const fresh = await createAccount(handle.db, org, { ref: "NIGHT-1" });
      const [mail] = await handle.db
        .insert(contactPoints)
        .values({
          orgId: org.orgId,
          debtorId: fresh.debtorId,
          kind: "email",
          value: "night@example.com",
          consent: "express",
        })
        .returning();
      const scheduled = await sendMessage({
        ctx: night,
        input: {
          accountId: fresh.id,
          templateId,
          contactPointId: mail!.id,
          idempotencyKey: "night-key-1",
          scheduleIfBlocked: true,
        },
      });
      expect(scheduled.status).toBe("scheduled");
      expect(scheduled.nextAllowedAt?.toISOString()).toBe("2026-11-25T15:00:01.000Z");
    });

    it("refuses another organization's account, template or contact point", async () => {
      const foreign = await createAccount(handle.db, other, { ref: "F-1" });
      await expect(
        sendMessage({
          ctx: agent(),
          input: { accountId: foreign.id, templateId, contactPointId: emailId, idempotencyKey: "foreign-1" },
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        sendMessage({
          ctx: staffContext(handle.db, other, "agent"),
          input: { accountId: foreign.id, templateId, contactPointId: emailId, idempotencyKey: "foreign-2" },
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
      const [phone] = await handle.db
        .select()
        .from(contactPoints)
        .where(and(eq(contactPoints.debtorId, account.debtorId), eq(contactPoints.kind, "phone")));
      await expect(send({ contactPointId: phone!.id })).rejects.toBeInstanceOf(ValidationError);
    });
  });

  describe("through Resend's real SDK", () => {
    let fake: Awaited<ReturnType<typeof startFakeResend>>;
    beforeAll(async () => {
      fake = await startFakeResend({ key: "re_test" });
    });
    afterAll(() => fake.close());
    beforeEach(() => {
      process.env.RESEND_API_KEY = "re_test";
      process.env.RESEND_BASE_URL = fake.url;
      resetTransports();
    });
    afterEach(() => {
      delete process.env.RESEND_API_KEY;
      delete process.env.RESEND_BASE_URL;
      resetTransports();
    });

    it("posts from, to, subject, HTML, text and the one-click unsubscribe headers, once per key", async () => {
      const outcome = await send({ idempotencyKey: "resend-1" });
      expect(outcome.status).toBe("sent");
      const received = fake.emails.filter((e) => e.idempotencyKey === "resend-1");
      expect(received).toHaveLength(1);
      const { body } = received[0]!;
      const [point] = await handle.db.select().from(contactPoints).where(eq(contactPoints.id, emailId));
      expect(body.to).toEqual([point!.value]);
      expect(body.from).toMatch(/@/);
      expect(body.subject).toBe(`About your account ${account.externalRef}`);
      expect(body.html).toContain("Hello Dana,");
      expect(body.text).toContain("This communication is from a debt collector");
      const headers = body.headers as Record<string, string>;
      expect(headers["List-Unsubscribe"]).toMatch(/^<http.*\/api\/unsubscribe\/[^>]+>, <mailto:/);
      expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      const [m] = await handle.db.select().from(messages).where(eq(messages.id, outcome.messageId));
      expect(m).toMatchObject({ transport: "resend", providerId: received[0]!.id, status: "sent" });
    });

    it("takes Resend's signed events: delivered once, a tampered one refused, a bounce invalidates the address", async () => {
      process.env.RESEND_WEBHOOK_SECRET = `whsec_${Buffer.from("a-test-webhook-secret-32-bytes!!").toString("base64")}`;
      const outcome = await send({ idempotencyKey: "resend-events" });
      const providerId = fake.emails.find((e) => e.idempotencyKey === "resend-events")!.id;
      const signer = new Webhook(process.env.RESEND_WEBHOOK_SECRET);
      const event = (type: string, id: string, tamper = false) => {
        const payload = JSON.stringify({ type, created_at: FIXED_NOW.toISOString(), data: { email_id: providerId } });
        const at = new Date();
        const signature = signer.sign(id, at, payload);
        return new Request("http://localhost/api/webhooks/resend", {
          method: "POST",
          headers: {
            "svix-id": id,
            "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
            "svix-signature": signature,
          },
          body: tamper ? payload.replace("email.delivered", "email.complained") : payload,
        });
      };
      const delivered = await resendWebhook(event("email.delivered", "msg_1"), handle.db);
      expect(await delivered.json()).toMatchObject({ outcome: "recorded" });
      const duplicate = await resendWebhook(event("email.delivered", "msg_1"), handle.db);
      expect(await duplicate.json()).toMatchObject({ outcome: "duplicate" });
      expect((await resendWebhook(event("email.delivered", "msg_2", true), handle.db)).status).toBe(401);
      let [m] = await handle.db.select().from(messages).where(eq(messages.id, outcome.messageId));
      expect(m!.status).toBe("delivered");

      await resendWebhook(event("email.bounced", "msg_3"), handle.db);
      [m] = await handle.db.select().from(messages).where(eq(messages.id, outcome.messageId));
      expect(m!.status).toBe("bounced");
      const [point] = await handle.db.select().from(contactPoints).where(eq(contactPoints.id, emailId));
      expect(point!.validity).toBe("invalid");
      delete process.env.RESEND_WEBHOOK_SECRET;
      expect((await resendWebhook(event("email.delivered", "msg_4"), handle.db)).status).toBe(401);
    });
  });

  describe("one-click unsubscribe", () => {
    it("records an email opt-out on POST only, once, and the gate honours it", async () => {
      const token = signToken("unsubscribe", [org.orgId, emailId]);
      const page = await unsubscribePage(token, handle.db);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<form method="post">');
      const countOptOuts = async () =>
        (await handle.db.select({ n: count() }).from(optOuts).where(eq(optOuts.contactPointId, emailId)))[0]!.n;
      expect(await countOptOuts()).toBe(0);
      expect((await unsubscribePost(token, handle.db, FIXED_NOW)).status).toBe(200);
      expect((await unsubscribePost(token, handle.db, FIXED_NOW)).status).toBe(200);
      expect(await countOptOuts()).toBe(1);
      const [event] = await handle.db
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.orgId, org.orgId),
            eq(auditEvents.action, "contact.opted_out"),
            eq(auditEvents.entityId, emailId),
          ),
        );
      expect(event!.actorType).toBe("debtor");
      await expect(send()).rejects.toBeInstanceOf(ComplianceBlockedError);
      expect((await unsubscribePost(`${token}x`, handle.db)).status).toBe(404);
      expect((await unsubscribePost(signToken("portal", [org.orgId, emailId]), handle.db)).status).toBe(404);
    });
  });

  describe("voicemail scripts", () => {
    beforeAll(async () => {
      await setSenderSettings({
        ctx: admin(),
        input: {
          name: "ACME Services",
          fromEmail: "team@acme.example",
          phone: "1-800-555-0199",
          hours: "weekdays 8 a.m. to 6 p.m. Mountain time",
        },
      });
      // A person's name: the factory's "Agent comms" reads as the word "agent", which the lint rightly refuses.
      await handle.db.update(users).set({ name: "Robin Smith" }).where(eq(users.id, org.users.agent.id));
      for (const input of STARTER_TEMPLATES.filter((t) => t.channel === "voicemail")) {
        const { template, draft } = await createTemplate({ ctx: admin(), input });
        await publishTemplate({ ctx: admin(), input: { templateId: template.id, versionId: draft.id } });
      }
    });
    const phoneOf = async (a: Account) =>
      (await handle.db.select().from(contactPoints).where(eq(contactPoints.debtorId, a.debtorId))).find(
        (c) => c.kind === "phone",
      )!.id;

    it("gives the agent the scripts rendered for the debtor, in the debtor's language first, while a call is allowed", async () => {
      const { scripts } = await voicemailScripts({
        ctx: agent(),
        input: { accountId: account.id, contactPointId: await phoneOf(account) },
      });
      expect(scripts.map((s) => [s.language, s.allowed])).toEqual([
        ["en", true],
        ["es", true],
      ]);
      // The agent's own first name fills the caller's slot; nothing about the debt is in it.
      expect(scripts[0]!.text).toMatch(/^Hi, this is Robin calling from ACME Services\. .*1-800-555-0199/);
      expect(scripts[0]!.text).not.toMatch(/debt|balance|\$/i);
    });

    it("withholds every script outside the debtor's calling hours, saying why and from when", async () => {
      // 03:00 in Phoenix (UTC-7 all year).
      const night = { ...agent(), now: () => new Date("2026-11-25T10:00:00Z") };
      const { scripts } = await voicemailScripts({
        ctx: night,
        input: { accountId: account.id, contactPointId: await phoneOf(account) },
      });
      expect(scripts.length).toBe(2);
      for (const s of scripts) {
        expect(s.allowed).toBe(false);
        expect(s.text).toBeNull();
        expect(s.reasons.some((r) => r.severity === "block")).toBe(true);
        expect(s.nextAllowedAt?.toISOString()).toBe("2026-11-25T15:00:01.000Z");
      }
    });

    it("withholds a script that would leave no number to call back (an organization without a phone)", async () => {
      const bare = await createOrg(handle.db, `comms-bare-${++key}`);
      const ctx = staffContext(handle.db, bare, "admin");
      const input = STARTER_TEMPLATES.find((t) => t.channel === "voicemail" && t.language === "en")!;
      const { template, draft } = await createTemplate({ ctx, input });
      await publishTemplate({ ctx, input: { templateId: template.id, versionId: draft.id } });
      const mine = await createAccount(handle.db, bare);
      const [script] = (
        await voicemailScripts({
          ctx: staffContext(handle.db, bare, "agent"),
          input: { accountId: mine.id, contactPointId: await phoneOf(mine) },
        })
      ).scripts;
      expect(script!.missing).toContain("org.phone");
      expect(script!.text).toBeNull();
      expect(script!.reasons.map((r) => r.rule)).toContain("CONT-03");
    });

    it("is not for auditors, and not for another organization's account", async () => {
      const contactPointId = await phoneOf(account);
      await expect(
        voicemailScripts({
          ctx: staffContext(handle.db, org, "auditor"),
          input: { accountId: account.id, contactPointId },
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        voicemailScripts({
          ctx: staffContext(handle.db, other, "agent"),
          input: { accountId: account.id, contactPointId },
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
    });
  });
});
