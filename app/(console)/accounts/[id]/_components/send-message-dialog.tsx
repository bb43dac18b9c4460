"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { SendIcon } from "lucide-react";
import { useId, useMemo, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { formatInZone } from "@/components/domain/local-time";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { TEMPLATE_CHANNEL_LABELS } from "@/server/modules/communications/communications.schemas";
import { Field } from "./field";
import type { WorkspaceData } from "./types";

const KIND_FOR: Record<"email" | "sms" | "letter", "email" | "phone" | "address"> = {
  email: "email",
  sms: "phone",
  letter: "address",
};

/**
 * An agent sends one message from a published template: they see it rendered for this debtor first; the
 * compliance gate decides when they send. Blocked only by the hour, it can be scheduled for the first allowed time.
 */
export function SendMessageDialog({ detail }: { detail: WorkspaceData }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [templateId, setTemplateId] = useState("");
  const [contactPointId, setContactPointId] = useState("");
  const [idempotencyKey, setIdempotencyKey] = useState("");
  const templates = useQuery({ ...trpc.template.list.queryOptions({ includeArchived: false }), enabled: open });
  const sendable = (templates.data?.templates ?? []).filter((t) => t.publishedNumber && t.channel !== "voicemail");
  const template = sendable.find((t) => t.id === templateId);
  const channel = template?.channel as "email" | "sms" | "letter" | undefined;
  const points = detail.contactPoints.filter(
    (c) => channel && c.kind === KIND_FOR[channel] && c.validity !== "invalid",
  );
  const detailQuery = useQuery({ ...trpc.template.byId.queryOptions({ templateId }), enabled: !!templateId });
  const published = detailQuery.data?.versions.find((v) => v.status === "published");
  const preview = useQuery({
    ...trpc.template.preview.queryOptions({
      channel: channel ?? "email",
      language: template?.language ?? "en",
      kind: template?.kind ?? "communication",
      subject: published?.subject ?? undefined,
      body: published?.body ?? "",
      accountId: detail.account.id,
    }),
    enabled: !!published && !!channel,
  });
  const send = useMutation(
    trpc.message.send.mutationOptions({
      onSuccess: async (outcome) => {
        toast.success(
          outcome.status === "scheduled" ? "Message scheduled" : outcome.duplicate ? "Already sent" : "Message sent",
        );
        setOpen(false);
        await queryClient.invalidateQueries();
      },
    }),
  );
  const blocked = send.error?.data?.code === "PRECONDITION_FAILED";
  const nextIso = send.error?.data?.compliance?.nextAllowedAt;
  const next = useMemo(() => (nextIso ? new Date(nextIso) : null), [nextIso]);

  const onSubmit = (event: FormEvent<HTMLFormElement>, scheduleIfBlocked = false) => {
    event.preventDefault();
    if (!templateId || !contactPointId) return;
    send.mutate({ accountId: detail.account.id, templateId, contactPointId, idempotencyKey, scheduleIfBlocked });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(nextOpen) => {
        setOpen(nextOpen);
        if (nextOpen) {
          setTemplateId("");
          setContactPointId("");
          // One key per dialog: a double click or a retry after a timeout sends once.
          setIdempotencyKey(`ui:${crypto.randomUUID()}`);
          send.reset();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <SendIcon aria-hidden="true" />
          Send message
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Send a message</DialogTitle>
          <DialogDescription>
            From a published template, rendered for this debtor. It is checked for compliance when sent.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={(e) => onSubmit(e)} className="flex flex-col gap-4" noValidate>
          {send.error && !blocked ? (
            <Alert variant="destructive">
              <AlertDescription>{send.error.message}</AlertDescription>
            </Alert>
          ) : null}
          {blocked ? (
            <Alert variant="destructive">
              <AlertTitle>The compliance gate refused this message</AlertTitle>
              <AlertDescription>{send.error!.message}</AlertDescription>
            </Alert>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id={`${id}-template`} label="Template">
              <NativeSelect
                id={`${id}-template`}
                value={templateId}
                onChange={(e) => {
                  setTemplateId(e.target.value);
                  setContactPointId("");
                  send.reset();
                }}
              >
                <option value="">{templates.isPending ? "Loading…" : "Choose a template"}</option>
                {sendable.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name} ({TEMPLATE_CHANNEL_LABELS[t.channel]}
                    {t.language === "es" ? ", Spanish" : ""})
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <Field id={`${id}-to`} label="Send to">
              <NativeSelect
                id={`${id}-to`}
                value={contactPointId}
                disabled={!channel}
                onChange={(e) => setContactPointId(e.target.value)}
              >
                <option value="">
                  {channel && points.length === 0 ? "Nothing on file for this channel" : "Choose"}
                </option>
                {points.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.value}
                    {p.optedOutAt ? " — opted out" : ""}
                  </option>
                ))}
              </NativeSelect>
            </Field>
          </div>
          {preview.data ? (
            <section aria-label="What will be sent" className="flex flex-col gap-2">
              {preview.data.subject ? <p className="font-medium">{preview.data.subject}</p> : null}
              {preview.data.html ? (
                <iframe
                  title="Message preview"
                  sandbox=""
                  srcDoc={preview.data.html}
                  className="h-72 w-full rounded-md border bg-white"
                />
              ) : (
                <pre className="rounded-md border bg-muted/40 p-3 text-sm whitespace-pre-wrap">{preview.data.text}</pre>
              )}
              {preview.data.missing.length ? (
                <p className="text-sm text-amber-700 dark:text-amber-400">
                  No value for this account: {preview.data.missing.map((m) => `{{${m}}}`).join(", ")}
                </p>
              ) : null}
            </section>
          ) : templateId ? (
            <Spinner label="Rendering" />
          ) : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            {blocked && next ? (
              <Button
                type="button"
                variant="secondary"
                disabled={send.isPending}
                onClick={(e) => onSubmit(e as unknown as FormEvent<HTMLFormElement>, true)}
              >
                Schedule for {formatInZone(next, detail.viewerTimeZone ?? "UTC")}
              </Button>
            ) : null}
            <Button type="submit" disabled={send.isPending || !templateId || !contactPointId}>
              {send.isPending ? <Spinner label="Sending" /> : null}
              Send
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
