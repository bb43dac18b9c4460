"use client";

import { LoaderCircleIcon, RotateCwIcon, TriangleAlertIcon } from "lucide-react";
import { useEffect, useId, useRef } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { fmt } from "../../_components/import-status";
import { CancelImportButton } from "./cancel-import-button";
import { readMapping } from "./mapping-rules";
import type { ImportJob } from "./types";
import { startErrors, useStartImport } from "./use-start-import";

function phaseText(job: ImportJob, percent: number): string {
  if (job.cancelRequestedAt) return "Cancelling: the import stops at its next checkpoint. Nothing is imported.";
  const things = job.kind === "payments" ? "payments" : "accounts";
  switch (job.phase) {
    case "reading":
      return `Reading and checking the rows: ${percent}% of the file.`;
    case "writing":
      return `Every row is checked. Writing the ${things}…`;
    default:
      return "Starting…";
  }
}

export function RunningStep({ job, canRun, focusOnMount }: { job: ImportJob; canRun: boolean; focusOnMount: boolean }) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const resume = useStartImport(job.id);
  const mapping = readMapping(job.mapping);

  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);

  const percent = job.fileBytes > 0 ? Math.min(100, Math.floor((job.bytesRead / job.fileBytes) * 100)) : 0;
  // The live region changes in steps of ten: a screen reader hears the progress, not a number every second.
  const spoken = job.phase === "reading" ? Math.floor(percent / 10) * 10 : percent;
  const problems = startErrors(resume.error);

  if (job.stale) {
    return (
      <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-4">
        <h2
          id={`${id}-heading`}
          ref={heading}
          tabIndex={-1}
          className="text-xl font-semibold tracking-tight outline-none"
        >
          Import interrupted
        </h2>
        <Alert variant="warning">
          <TriangleAlertIcon aria-hidden="true" />
          <AlertTitle>This import was interrupted (the server stopped)</AlertTitle>
          <AlertDescription>
            <p>
              Nothing was imported. Resume reads the file again from the start and imports it exactly once
              {mapping ? ", with the same mapping" : ""}.
            </p>
          </AlertDescription>
        </Alert>
        {problems.length ? (
          <Alert variant="destructive">
            <AlertTitle>The import could not be resumed</AlertTitle>
            <AlertDescription>
              {problems.map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </AlertDescription>
          </Alert>
        ) : null}
        {canRun ? (
          <div className="flex flex-wrap gap-2">
            <Button
              disabled={!mapping || resume.isPending}
              onClick={() => mapping && resume.mutate({ id: job.id, mapping, mode: job.mode })}
            >
              {resume.isPending ? <Spinner label="Resuming" /> : <RotateCwIcon aria-hidden="true" />}
              Resume
            </Button>
            <CancelImportButton importId={job.id} waiting={false} disabled={resume.isPending} />
          </div>
        ) : null}
      </section>
    );
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-4">
      <h2
        id={`${id}-heading`}
        ref={heading}
        tabIndex={-1}
        className="text-xl font-semibold tracking-tight outline-none"
      >
        Importing
      </h2>
      <Card>
        <CardContent className="flex flex-col gap-4">
          <div className="flex flex-col gap-2">
            <div className="flex items-center justify-between gap-3 text-sm">
              <span id={`${id}-label`} className="font-medium">
                Import progress
              </span>
              <span className="text-muted-foreground tabular-nums" aria-hidden="true">
                {percent}%
              </span>
            </div>
            <div
              role="progressbar"
              aria-labelledby={`${id}-label`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              aria-valuetext={`${percent}% of the file read`}
              className="h-3 w-full overflow-hidden rounded-full bg-muted"
            >
              <div
                className="h-full rounded-full bg-primary transition-[width] duration-700 ease-out motion-reduce:transition-none"
                style={{ width: `${percent}%` }}
              />
            </div>
            <p className="flex items-center gap-2 text-sm text-muted-foreground" aria-live="polite">
              {job.cancelRequestedAt || job.phase === "writing" ? (
                <LoaderCircleIcon className="size-4 animate-spin" aria-hidden="true" />
              ) : null}
              {phaseText(job, spoken)}
            </p>
          </div>
          <dl className="grid grid-cols-2 gap-4 sm:max-w-md">
            <div className="flex flex-col gap-0.5">
              <dt className="text-sm text-muted-foreground">Rows read</dt>
              <dd className="text-2xl font-semibold tabular-nums">{fmt(job.rowsRead)}</dd>
            </div>
            <div className="flex flex-col gap-0.5">
              <dt className="text-sm text-muted-foreground">Rows with errors</dt>
              <dd className="text-2xl font-semibold tabular-nums">{fmt(job.rowsRejected)}</dd>
            </div>
          </dl>
          <p className="text-sm text-muted-foreground">
            You can leave this page: the import goes on, and this page shows where it is when you come back.
          </p>
        </CardContent>
      </Card>
      {canRun ? (
        <div>
          <CancelImportButton importId={job.id} waiting={false} disabled={Boolean(job.cancelRequestedAt)} />
        </div>
      ) : null}
    </section>
  );
}
