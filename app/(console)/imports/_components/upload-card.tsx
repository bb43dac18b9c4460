"use client";

import { useQuery } from "@tanstack/react-query";
import { DownloadIcon, UploadIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { fileSize } from "./import-status";

type Kind = "accounts" | "payments";

type UploadResult = { ok: true; id: string } | { ok: false; error: string } | { ok: false; aborted: true };

/**
 * Sends the file as the raw request body (the server streams it to disk while hashing it). XMLHttpRequest rather
 * than fetch because only it reports upload progress.
 */
function sendFile(url: string, file: File, xhr: XMLHttpRequest, onProgress: (sent: number) => void) {
  return new Promise<UploadResult>((resolve) => {
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", file.type || "application/octet-stream");
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => {
      let body: { id?: unknown; error?: unknown } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // A proxy's HTML error page: fall through to the generic message.
      }
      if (xhr.status === 201 && typeof body.id === "string") resolve({ ok: true, id: body.id });
      else if (typeof body.error === "string") resolve({ ok: false, error: body.error });
      else resolve({ ok: false, error: `The upload failed (HTTP ${xhr.status}). Try again.` });
    };
    xhr.onerror = () =>
      resolve({ ok: false, error: "The upload failed: the server could not be reached. Check your connection." });
    xhr.onabort = () => resolve({ ok: false, aborted: true });
    xhr.send(file);
  });
}

export function UploadCard() {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const creditors = useQuery(trpc.dashboard.creditors.queryOptions());
  const [creditorId, setCreditorId] = useState("");
  const [kind, setKind] = useState<Kind>("accounts");
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [redirecting, setRedirecting] = useState(false);
  const xhr = useRef<XMLHttpRequest | null>(null);

  // Leaving the page mid-upload stops it instead of finishing an upload nobody will map.
  useEffect(() => () => xhr.current?.abort(), []);

  const list = creditors.data ?? [];
  // One creditor: nothing to choose.
  const chosenCreditor = creditorId || (list.length === 1 ? list[0]!.id : "");
  const uploading = sent !== null;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!chosenCreditor) return setError("Choose the creditor the file is from.");
    if (!file) return setError("Choose a file to upload.");
    if (file.size === 0) return setError(`${file.name}: the file is empty.`);
    setError(null);
    setSent(0);
    const params = new URLSearchParams({ creditorId: chosenCreditor, kind, name: file.name });
    const request = new XMLHttpRequest();
    xhr.current = request;
    const result = await sendFile(`/api/imports?${params.toString()}`, file, request, setSent);
    xhr.current = null;
    if (result.ok) {
      setRedirecting(true);
      router.push(`/imports/${result.id}`);
      return;
    }
    setSent(null);
    if ("error" in result) setError(result.error);
  };

  const percent = file && sent !== null && file.size > 0 ? Math.min(100, Math.round((sent / file.size) * 100)) : 0;

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Upload a file</h2>
        </CardTitle>
        <CardDescription>
          CSV (any delimiter, UTF-8 or Latin-1) or Excel (.xlsx) exports of your billing system, QuickBooks, Xero or
          Stripe, or Recoup&apos;s template. You map the columns before anything is imported.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <form onSubmit={(e) => void onSubmit(e)} className="flex flex-col gap-4" noValidate>
          {error ? (
            <Alert variant="destructive">
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[1fr_12rem_1.5fr]">
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${id}-creditor`}>Creditor</Label>
              <NativeSelect
                id={`${id}-creditor`}
                value={chosenCreditor}
                disabled={uploading}
                required
                onChange={(e) => setCreditorId(e.target.value)}
              >
                <option value="">{creditors.isPending ? "Loading creditors…" : "Choose a creditor"}</option>
                {list.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${id}-kind`}>Kind</Label>
              <NativeSelect
                id={`${id}-kind`}
                value={kind}
                disabled={uploading}
                onChange={(e) => setKind(e.target.value as Kind)}
              >
                <option value="accounts">Accounts</option>
                <option value="payments">Payments</option>
              </NativeSelect>
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${id}-file`}>File</Label>
              <Input
                id={`${id}-file`}
                type="file"
                accept=".csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                disabled={uploading}
                aria-describedby={`${id}-file-hint`}
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setError(null);
                }}
              />
              <p id={`${id}-file-hint`} className="text-xs text-muted-foreground">
                {file ? `${file.name}, ${fileSize(file.size)}` : ".csv, .txt or .xlsx, up to 1,000,000 rows."}
              </p>
            </div>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={uploading || redirecting}>
              {uploading ? <Spinner label="Uploading" /> : <UploadIcon aria-hidden="true" />}
              Upload
            </Button>
            {uploading && !redirecting ? (
              <Button type="button" variant="outline" onClick={() => xhr.current?.abort()}>
                Stop upload
              </Button>
            ) : null}
            {uploading ? (
              <div className="flex min-w-48 flex-1 items-center gap-3">
                <progress
                  className="h-2 flex-1 accent-primary"
                  max={100}
                  value={percent}
                  aria-label="Upload progress"
                />
                <span className="text-sm text-muted-foreground tabular-nums" aria-live="polite">
                  {redirecting ? "Uploaded, opening…" : `${percent}%`}
                </span>
              </div>
            ) : null}
          </div>
        </form>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-t pt-4 text-sm">
          <span className="text-muted-foreground">Recoup&apos;s {kind} template:</span>
          <Button asChild variant="link" size="sm" className="h-auto px-0">
            <a href={`/api/imports/template?kind=${kind}`} download>
              <DownloadIcon aria-hidden="true" />
              Download the template (CSV)
            </a>
          </Button>
          <Button asChild variant="link" size="sm" className="h-auto px-0">
            <a href={`/api/imports/template?kind=${kind}&guide=1`} download>
              <DownloadIcon aria-hidden="true" />
              What each column means (CSV)
            </a>
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
