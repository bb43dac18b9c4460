import {
  createTemplateInput,
  listMessagesInput,
  listTemplatesInput,
  messageInput,
  previewTemplateInput,
  publishTemplateInput,
  saveDraftInput,
  sendMessageInput,
  senderSettings,
  templateInput,
  voicemailScriptsInput,
} from "@/server/modules/communications/communications.schemas";
import { getMessage, listMessages } from "@/server/modules/communications/list-messages";
import { sendMessage } from "@/server/modules/communications/send-message";
import { getSenderSettings, setSenderSettings } from "@/server/modules/communications/sender-settings";
import { archiveTemplate } from "@/server/modules/communications/templates/archive-template";
import { createTemplate } from "@/server/modules/communications/templates/create-template";
import { getTemplate } from "@/server/modules/communications/templates/get-template";
import { listTemplates } from "@/server/modules/communications/templates/list-templates";
import { previewTemplate } from "@/server/modules/communications/templates/preview-template";
import { publishTemplate } from "@/server/modules/communications/templates/publish-template";
import { saveDraft } from "@/server/modules/communications/templates/save-draft";
import { TEMPLATE_VARIABLES } from "@/server/modules/communications/templates/variables";
import { voicemailScripts } from "@/server/modules/communications/voicemail-scripts";
import { createTRPCRouter, roleProcedure, staffProcedure, writerProcedure } from "../trpc";

const admin = roleProcedure("admin");

export const templateRouter = createTRPCRouter({
  list: staffProcedure.input(listTemplatesInput).query(({ ctx, input }) => listTemplates({ ctx: ctx.svc, input })),
  byId: staffProcedure.input(templateInput).query(({ ctx, input }) => getTemplate({ ctx: ctx.svc, input })),
  variables: staffProcedure.query(() => TEMPLATE_VARIABLES),
  preview: staffProcedure
    .input(previewTemplateInput)
    .query(({ ctx, input }) => previewTemplate({ ctx: ctx.svc, input })),
  create: admin.input(createTemplateInput).mutation(({ ctx, input }) => createTemplate({ ctx: ctx.svc, input })),
  saveDraft: admin.input(saveDraftInput).mutation(({ ctx, input }) => saveDraft({ ctx: ctx.svc, input })),
  publish: admin.input(publishTemplateInput).mutation(({ ctx, input }) => publishTemplate({ ctx: ctx.svc, input })),
  archive: admin.input(templateInput).mutation(({ ctx, input }) => archiveTemplate({ ctx: ctx.svc, input })),
  sender: staffProcedure.query(({ ctx }) => getSenderSettings({ ctx: ctx.svc })),
  setSender: admin.input(senderSettings).mutation(({ ctx, input }) => setSenderSettings({ ctx: ctx.svc, input })),
});

export const messageRouter = createTRPCRouter({
  send: writerProcedure.input(sendMessageInput).mutation(({ ctx, input }) => sendMessage({ ctx: ctx.svc, input })),
  list: staffProcedure.input(listMessagesInput).query(({ ctx, input }) => listMessages({ ctx: ctx.svc, input })),
  byId: staffProcedure.input(messageInput).query(({ ctx, input }) => getMessage({ ctx: ctx.svc, input })),
  voicemailScripts: staffProcedure
    .input(voicemailScriptsInput)
    .query(({ ctx, input }) => voicemailScripts({ ctx: ctx.svc, input })),
});
