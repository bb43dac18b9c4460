import { eq } from "drizzle-orm";
import { contactPoints, messageTemplates, templateVersions } from "@/db/schema";
import { defineCases } from "./types";

const BODY =
  "This communication is from a debt collector. This is an attempt to collect a debt and any information obtained will be used for that purpose. Unsubscribe: {{unsubscribe_url}}";

export const cases = defineCases({
  async setup({ db, a, accountA }) {
    const [template] = await db
      .insert(messageTemplates)
      .values({ orgId: a.orgId, name: "Security fixture", channel: "email" })
      .returning();
    const [version] = await db
      .insert(templateVersions)
      .values({ orgId: a.orgId, templateId: template!.id, number: 1, subject: "Hello", body: BODY })
      .returning();
    const [email] = await db
      .insert(contactPoints)
      .values({
        orgId: a.orgId,
        debtorId: accountA.debtorId,
        kind: "email",
        value: "security@example.com",
        consent: "express",
      })
      .returning();
    await db
      .update(messageTemplates)
      .set({ publishedVersionId: version!.id })
      .where(eq(messageTemplates.id, template!.id));
    const [phone] = await db
      .select({ id: contactPoints.id })
      .from(contactPoints)
      .where(eq(contactPoints.debtorId, accountA.debtorId))
      .orderBy(contactPoints.kind);
    return { templateId: template!.id, versionId: version!.id, emailId: email!.id, phoneId: phone!.id };
  },
  calls: ({ accountA }, { templateId, versionId, emailId, phoneId }) => ({
    "template.list": (c) => c.template.list({}),
    "template.byId": (c) => c.template.byId({ templateId }),
    "template.variables": (c) => c.template.variables(),
    "template.preview": (c) =>
      c.template.preview({ channel: "email", subject: "Hi", body: BODY, accountId: accountA.id }),
    "template.create": (c) => c.template.create({ name: "Another", channel: "sms", body: "Hello" }),
    "template.saveDraft": (c) => c.template.saveDraft({ templateId, subject: "Hi", body: BODY }),
    "template.publish": (c) => c.template.publish({ templateId, versionId }),
    "template.archive": (c) => c.template.archive({ templateId }),
    "template.sender": (c) => c.template.sender(),
    "template.setSender": (c) => c.template.setSender({ name: "ACME", fromEmail: "collections@acme.example" }),
    "message.send": (c) =>
      c.message.send({
        accountId: accountA.id,
        templateId,
        contactPointId: emailId,
        idempotencyKey: "security-send-1",
      }),
    "message.list": (c) => c.message.list({}),
    "message.byId": (c) => c.message.byId({ messageId: "00000000-0000-4000-8000-000000000000" }),
    "message.voicemailScripts": (c) => c.message.voicemailScripts({ accountId: accountA.id, contactPointId: phoneId }),
  }),
});
