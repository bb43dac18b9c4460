"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { Instant } from "@/components/domain/instant";
import { PageHeader } from "@/components/layout/page-header";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { TEMPLATE_CHANNEL_LABELS, TEMPLATE_KIND_LABELS } from "@/server/modules/communications/communications.schemas";

/** The value after the user stopped typing for `ms`: the preview follows the text without a request per key. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/** Edit a template's draft, see it rendered and checked as it would be at publish, publish it, read its history. */
export function TemplateEditor({ templateId }: { templateId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const detail = useQuery(trpc.template.byId.queryOptions({ templateId }));
  const variables = useQuery(trpc.template.variables.queryOptions());
  const data = detail.data;
  const template = data?.template;
  const draft = data?.versions.find((v) => v.status === "draft") ?? null;
  const base = draft ?? data?.versions.find((v) => v.status === "published") ?? data?.versions[0] ?? null;
  const [subject, setSubject] = useState(base?.subject ?? "");
  const [body, setBody] = useState(base?.body ?? "");
  const [accountRef, setAccountRef] = useState("");
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const loadedFrom = useRef<string | null>(base ? `${base.id}:${base.updatedAt.toString()}` : null);

  useEffect(() => {
    const key = base ? `${base.id}:${base.updatedAt.toString()}` : null;
    if (key !== loadedFrom.current && base) {
      loadedFrom.current = key;
      setSubject(base.subject ?? "");
      setBody(base.body);
    }
  }, [base]);

  const account = useQuery({
    ...trpc.account.list.queryOptions({ q: accountRef.trim() }),
    enabled: accountRef.trim().length >= 3,
  });
  const previewAccount = account.data?.rows[0];
  const settled = useSettled({ subject, body, accountId: previewAccount?.id }, 400);
  const preview = useQuery({
    ...trpc.template.preview.queryOptions({
      channel: template?.channel ?? "email",
      language: template?.language ?? "en",
      kind: template?.kind ?? "communication",
      subject: settled.subject || undefined,
      body: settled.body,
      accountId: settled.accountId,
    }),
    enabled: !!template && settled.body.trim().length > 0,
    placeholderData: (previous) => previous,
  });

  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.template.pathKey() });
  const save = useMutation(
    trpc.template.saveDraft.mutationOptions({
      onSuccess: async () => {
        toast.success("Draft saved");
        await invalidate();
      },
    }),
  );
  const publish = useMutation(
    trpc.template.publish.mutationOptions({
      onSuccess: async (v) => {
        toast.success(`Version ${v.number} published`);
        await invalidate();
      },
    }),
  );

  if (detail.isError)
    return (
      <Alert variant="destructive">
        <AlertTitle>The template could not be loaded</AlertTitle>
        <AlertDescription>{detail.error.message}</AlertDescription>
      </Alert>
    );
  if (!data || !template) return <Spinner label="Loading the template" />;

  const canManage = data.canManage && !template.archivedAt;
  const hasSubject = template.channel === "email" || template.channel === "letter";
  const dirty = !draft || (draft.subject ?? "") !== subject || draft.body !== body;
  const findings = preview.data?.findings ?? [];
  const blocking = findings.filter((f) => f.severity === "block");

  const saveDraft = () =>
    save.mutateAsync({
      templateId,
      subject: hasSubject ? subject : undefined,
      body,
      expectedDraftUpdatedAt: draft ? new Date(draft.updatedAt) : null,
    });
  const onPublish = async () => {
    const version = dirty ? await saveDraft() : draft;
    if (version) publish.mutate({ templateId, versionId: version.id });
  };
  const insert = (name: string) => {
    const el = bodyRef.current;
    const token = `{{${name}}}`;
    if (!el) return setBody((b) => b + token);
    const start = el.selectionStart;
    const next = body.slice(0, start) + token + body.slice(el.selectionEnd);
    setBody(next);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <Link href="/templates" className="underline-offset-4 hover:underline">
          Templates
        </Link>{" "}
        / <span aria-current="page">{template.name}</span>
      </nav>
      <PageHeader
        title={template.name}
        description={`${TEMPLATE_CHANNEL_LABELS[template.channel]} · ${template.language === "es" ? "Spanish" : "English"} · ${TEMPLATE_KIND_LABELS[template.kind]}`}
        actions={
          canManage ? (
            <>
              <Button variant="outline" onClick={() => void saveDraft()} disabled={save.isPending || !dirty}>
                {save.isPending ? <Spinner label="Saving" /> : null}
                Save draft
              </Button>
              <Button onClick={() => void onPublish()} disabled={publish.isPending || save.isPending}>
                {publish.isPending ? <Spinner label="Publishing" /> : null}
                Publish
              </Button>
            </>
          ) : null
        }
      />
      {publish.error ? (
        <Alert variant="destructive" data-testid="publish-error">
          <AlertTitle>Not published</AlertTitle>
          <AlertDescription>{publish.error.message}</AlertDescription>
        </Alert>
      ) : null}
      {save.error ? (
        <Alert variant="destructive">
          <AlertDescription>{save.error.message}</AlertDescription>
        </Alert>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>{draft ? `Draft (version ${draft.number})` : "New draft"}</h2>
            </CardTitle>
            <CardDescription>
              Write plain text; a blank line starts a paragraph. Variables are filled in per debtor.
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            {hasSubject ? (
              <div className="flex flex-col gap-1.5">
                <Label htmlFor={`${id}-subject`}>{template.channel === "email" ? "Subject" : "Title"}</Label>
                <Input
                  id={`${id}-subject`}
                  value={subject}
                  maxLength={200}
                  readOnly={!canManage}
                  onChange={(e) => setSubject(e.target.value)}
                />
              </div>
            ) : null}
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${id}-body`}>Message</Label>
              <Textarea
                id={`${id}-body`}
                ref={bodyRef}
                rows={14}
                className="font-mono text-sm"
                value={body}
                readOnly={!canManage}
                onChange={(e) => setBody(e.target.value)}
              />
            </div>
            {canManage ? (
              <details>
                <summary className="cursor-pointer text-sm font-medium">Variables</summary>
                <ul className="mt-2 flex flex-wrap gap-1.5">
                  {(variables.data ?? [])
                    .filter((v) => !v.channels || v.channels.includes(template.channel))
                    .map((v) => (
                      <li key={v.name}>
                        <Button
                          type="button"
                          size="sm"
                          variant="outline"
                          title={`${v.label}, e.g. ${v.example}`}
                          onClick={() => insert(v.name)}
                        >
                          {`{{${v.name}}}`}
                        </Button>
                      </li>
                    ))}
                </ul>
              </details>
            ) : null}
          </CardContent>
        </Card>

        <Card aria-labelledby={`${id}-preview`}>
          <CardHeader>
            <CardTitle>
              <h2 id={`${id}-preview`}>Preview</h2>
            </CardTitle>
            <CardDescription>As a debtor would receive it, with the check that runs at publish.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${id}-account`}>Preview with account (reference or name)</Label>
              <Input
                id={`${id}-account`}
                value={accountRef}
                placeholder="Examples are used until you pick one"
                onChange={(e) => setAccountRef(e.target.value)}
              />
              <span className="text-xs text-muted-foreground">
                {previewAccount
                  ? `Rendering for ${previewAccount.externalRef} (${previewAccount.debtorName})`
                  : "Using the catalogue's example values."}
              </span>
            </div>
            <section aria-label="Compliance check" data-testid="template-findings">
              {findings.length === 0 ? (
                <Badge variant="success">Passes the publish check</Badge>
              ) : (
                <ul className="flex flex-col gap-1 text-sm">
                  {findings.map((f, i) => (
                    <li
                      key={i}
                      className={f.severity === "block" ? "text-destructive" : "text-amber-700 dark:text-amber-400"}
                    >
                      <span className="font-medium">
                        {f.severity === "block" ? "Blocks publishing" : "Warning"} · {f.rule}
                      </span>{" "}
                      {f.message}
                    </li>
                  ))}
                </ul>
              )}
              {blocking.length ? <p className="sr-only">{blocking.length} problems block publishing</p> : null}
            </section>
            {preview.data?.segments ? (
              <p className="text-sm text-muted-foreground" data-testid="sms-segments">
                {preview.data.segments.characters} characters · {preview.data.segments.segments} segment
                {preview.data.segments.segments === 1 ? "" : "s"} ({preview.data.segments.encoding})
              </p>
            ) : null}
            {preview.data?.missing.length ? (
              <p className="text-sm text-amber-700 dark:text-amber-400">
                No value for this account: {preview.data.missing.map((m) => `{{${m}}}`).join(", ")}
              </p>
            ) : null}
            {preview.data?.subject ? <p className="font-medium">{preview.data.subject}</p> : null}
            {preview.data?.html ? (
              <iframe
                title="Email preview"
                sandbox=""
                srcDoc={preview.data.html}
                className="h-96 w-full rounded-md border bg-white"
              />
            ) : preview.data ? (
              <pre className="rounded-md border bg-muted/40 p-3 text-sm whitespace-pre-wrap" data-testid="text-preview">
                {preview.data.text}
              </pre>
            ) : (
              <Spinner label="Rendering the preview" />
            )}
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>History</h2>
          </CardTitle>
          <CardDescription>Every version is kept; messages record the version they were rendered from.</CardDescription>
        </CardHeader>
        <CardContent>
          <ol className="flex flex-col gap-4">
            {data.versions.map((v) => (
              <li key={v.id} className="flex flex-col gap-2 border-b pb-3 last:border-b-0">
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">Version {v.number}</span>
                  <Badge
                    variant={v.status === "published" ? "success" : v.status === "draft" ? "outline" : "secondary"}
                  >
                    {v.status}
                  </Badge>
                  <span className="text-xs text-muted-foreground">
                    {v.publishedAt ? (
                      <>
                        published <Instant value={v.publishedAt} />
                      </>
                    ) : (
                      <>
                        saved <Instant value={v.updatedAt} />
                      </>
                    )}
                  </span>
                </span>
                {v.diff ? (
                  <details>
                    <summary className="cursor-pointer text-sm">Changes from version {v.number - 1}</summary>
                    <pre className="mt-2 overflow-x-auto rounded-md border p-2 text-xs">
                      {v.diff
                        .filter((d) => d.op !== "same")
                        .map((d, i) => (
                          <div
                            key={i}
                            className={
                              d.op === "add"
                                ? "text-emerald-700 dark:text-emerald-400"
                                : "text-destructive line-through"
                            }
                          >
                            {d.op === "add" ? "+ " : "- "}
                            {d.text}
                          </div>
                        ))}
                    </pre>
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
        </CardContent>
      </Card>
    </div>
  );
}
