import { z } from "zod";
import { MESSAGE_STATUSES, TEMPLATE_CHANNELS, TEMPLATE_KINDS } from "@/db/schema/values";

export { MESSAGE_STATUSES, TEMPLATE_CHANNELS, TEMPLATE_KINDS };

export const TEMPLATE_KIND_LABELS: Record<(typeof TEMPLATE_KINDS)[number], string> = {
  communication: "Collection message",
  initial_communication: "First communication",
  validation_notice: "Validation notice",
  limited_content: "Limited-content voicemail",
  opt_out_confirmation: "Opt-out confirmation",
  cease_response: "Reply to a cease request",
};
export const TEMPLATE_CHANNEL_LABELS: Record<(typeof TEMPLATE_CHANNELS)[number], string> = {
  email: "Email",
  sms: "Text message",
  letter: "Letter",
  voicemail: "Voicemail script",
};

const templateId = z.uuid({ error: "Malformed template id" });
const name = z.string().trim().min(1, "Give the template a name").max(120, "A name is at most 120 characters");
const subject = z.string().trim().max(200, "A subject is at most 200 characters");
const body = z
  .string()
  .max(20_000, "A template is at most 20,000 characters")
  .refine((b) => b.trim().length > 0, "Write the message");

export const createTemplateInput = z.object({
  name,
  description: z.string().trim().max(500).optional(),
  channel: z.enum(TEMPLATE_CHANNELS, { error: "Choose email, text message, letter or voicemail script" }),
  language: z.enum(["en", "es"], { error: "Choose English or Spanish" }).default("en"),
  kind: z.enum(TEMPLATE_KINDS, { error: "Choose what the template is for" }).default("communication"),
  subject: subject.optional(),
  body,
});
export type CreateTemplateInput = z.input<typeof createTemplateInput>;

export const saveDraftInput = z.object({
  templateId,
  subject: subject.optional(),
  body,
  /** The draft the editor loaded (null: there was none, start one from the published text). */
  expectedDraftUpdatedAt: z.date().nullable().optional(),
});
export type SaveDraftInput = z.input<typeof saveDraftInput>;

export const publishTemplateInput = z.object({ templateId, versionId: z.uuid({ error: "Malformed version id" }) });
export type PublishTemplateInput = z.input<typeof publishTemplateInput>;

export const templateInput = z.object({ templateId });
export type TemplateInput = z.input<typeof templateInput>;

export const listTemplatesInput = z.object({
  channel: z.enum(TEMPLATE_CHANNELS).optional(),
  includeArchived: z.boolean().default(false),
});
export type ListTemplatesInput = z.input<typeof listTemplatesInput>;

export const previewTemplateInput = z.object({
  channel: z.enum(TEMPLATE_CHANNELS),
  language: z.enum(["en", "es"]).default("en"),
  kind: z.enum(TEMPLATE_KINDS).default("communication"),
  subject: subject.optional(),
  body: z.string().max(20_000),
  /** A real account to render against; the catalogue's examples without one. */
  accountId: z.uuid({ error: "Malformed account id" }).optional(),
});
export type PreviewTemplateInput = z.input<typeof previewTemplateInput>;

export const sendMessageInput = z.object({
  accountId: z.uuid({ error: "Malformed account id" }),
  templateId,
  contactPointId: z.uuid({ error: "Choose where to send it" }),
  /** Made by the client when the dialog opens: a double click or a retry sends once. */
  idempotencyKey: z.string().min(8).max(200),
  scheduleIfBlocked: z.boolean().default(false),
});
export type SendMessageInput = z.input<typeof sendMessageInput>;

export const voicemailScriptsInput = z.object({
  accountId: z.uuid({ error: "Malformed account id" }),
  contactPointId: z.uuid({ error: "Choose the number being called" }),
});
export type VoicemailScriptsInput = z.input<typeof voicemailScriptsInput>;

export const listMessagesInput = z.object({
  accountId: z.uuid({ error: "Malformed account id" }).optional(),
  channel: z.enum(["email", "sms", "letter"]).optional(),
  status: z.enum(MESSAGE_STATUSES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type ListMessagesInput = z.input<typeof listMessagesInput>;

export const messageInput = z.object({ messageId: z.uuid({ error: "Malformed message id" }) });
export type MessageInput = z.input<typeof messageInput>;

/** Who messages come from: the org.* template variables, the email letterhead, the letters' return address. */
export const senderSettings = z.object({
  name: z.string().trim().min(1, "Enter the name messages come from").max(120),
  fromEmail: z.email({ error: "Enter the address emails come from" }),
  phone: z.string().trim().max(40).default(""),
  email: z.string().trim().max(200).default(""),
  addressLine: z.string().trim().max(300).default(""),
  hours: z.string().trim().max(200).default(""),
  website: z.string().trim().max(300).default(""),
  caLicenseNumber: z.string().trim().max(60).default(""),
  nycLicenseNumber: z.string().trim().max(60).default(""),
  /** The mailing address letters come from and disputes go to (Reg F 1006.34(c)(2)(i)). */
  mailing: z
    .object({
      line1: z.string().trim().max(120).default(""),
      line2: z.string().trim().max(120).default(""),
      city: z.string().trim().max(80).default(""),
      state: z.string().trim().max(2).default(""),
      postalCode: z.string().trim().max(10).default(""),
    })
    .default({ line1: "", line2: "", city: "", state: "", postalCode: "" }),
});
export type SenderSettings = z.output<typeof senderSettings>;
