"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChevronLeftIcon, ChevronRightIcon, DownloadIcon, RotateCwIcon } from "lucide-react";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { fmt } from "../../_components/import-status";
import { ERRORS_PAGE_SIZE } from "./constants";
import { readMapping } from "./mapping-rules";
import type { ImportJob } from "./types";
import { startErrors, useStartImport } from "./use-start-import";

const TITLES: Record<string, string> = {
  completed: "Import completed",
  rejected: "Import rejected",
  cancelled: "Import cancelled",
  failed: "Import failed",
};

const rows = (n: number) => `${fmt(n)} ${n === 1 ? "row" : "rows"}`;

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{fmt(value)}</dd>
    </div>
  );
}

function outcome(job: ImportJob): string {
  const rejected = job.rowsRejected;
  switch (job.status) {
    case "completed":
      if (job.rowsCreated + job.rowsUpdated === 0 && rejected === 0)
        return job.rowsUnchanged > 0
          ? "Nothing changed: every row of this file had already been imported."
          : "The file had no rows to import.";
      return rejected > 0
        ? `${rows(rejected)} had errors and ${rejected === 1 ? "was" : "were"} not imported; the other rows were.`
        : "Every row was imported.";
    case "rejected":
      return `Nothing was imported because ${rows(rejected)} had errors (all or nothing). Fix them in the file and upload it again.`;
    case "cancelled":
      return "The import was cancelled. Nothing was imported.";
    default:
      return "The import stopped because of an error. Nothing was imported.";
  }
}

function ErrorsTable({ importId }: { importId: string }) {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const errors = useQuery({
    ...trpc.imports.errors.queryOptions({ id: importId, page, pageSize: ERRORS_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const data = errors.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / ERRORS_PAGE_SIZE)) : 1;

  if (errors.isError) {
    return (
      <Alert variant="destructive">
        <AlertTitle>The errors could not be loaded</AlertTitle>
        <AlertDescription>{errors.error.message}</AlertDescription>
      </Alert>
    );
  }
  if (data && data.total === 0) return <p className="text-sm text-muted-foreground">No row had errors.</p>;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground">
          {data ? `${fmt(data.total)} ${data.total === 1 ? "problem" : "problems"}, in file order.` : "\u00a0"}
        </p>
        <Button asChild variant="outline" size="sm">
          <a href={`/api/imports/${importId}/errors`} download>
            <DownloadIcon aria-hidden="true" />
            Download error report (CSV)
          </a>
        </Button>
      </div>
      <div className="overflow-x-auto rounded-lg border" aria-busy={errors.isPlaceholderData || undefined}>
        <Table>
          <TableCaption className="sr-only">Rows with errors</TableCaption>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead scope="col" className="text-right">
                Row
              </TableHead>
              <TableHead scope="col">Column</TableHead>
              <TableHead scope="col">Value</TableHead>
              <TableHead scope="col">Problem</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {!data
              ? Array.from({ length: 5 }, (_, i) => (
                  <TableRow key={i}>
                    {Array.from({ length: 4 }, (_, j) => (
                      <TableCell key={j}>
                        <Skeleton className="h-4 w-full min-w-12" />
                      </TableCell>
                    ))}
                  </TableRow>
                ))
              : data.rows.map((e, i) => (
                  <TableRow key={`${e.line}-${i}`}>
                    <TableCell className="text-right align-top tabular-nums">{fmt(e.line)}</TableCell>
                    <TableCell className="align-top">{e.column}</TableCell>
                    <TableCell className="max-w-48 truncate align-top font-mono text-xs" title={e.value}>
                      {e.value || <span className="font-sans text-muted-foreground">(empty)</span>}
                    </TableCell>
                    <TableCell className="align-top whitespace-normal">{e.message}</TableCell>
                  </TableRow>
                ))}
          </TableBody>
        </Table>
      </div>
      {data && data.total > ERRORS_PAGE_SIZE ? (
        <nav aria-label="Pagination of the errors" className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-muted-foreground">
            Page {fmt(page)} of {fmt(totalPages)}
          </p>
          <div className="flex gap-2">
            <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              <ChevronLeftIcon aria-hidden="true" />
              Previous
            </Button>
            <Button variant="outline" size="sm" disabled={page >= totalPages} onClick={() => setPage(page + 1)}>
              Next
              <ChevronRightIcon aria-hidden="true" />
            </Button>
          </div>
        </nav>
      ) : null}
    </div>
  );
}

export function FinishedStep({
  job,
  canRun,
  focusOnMount,
  onChangeMapping,
}: {
  job: ImportJob;
  canRun: boolean;
  focusOnMount: boolean;
  onChangeMapping: () => void;
}) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const retry = useStartImport(job.id);
  const mapping = readMapping(job.mapping);
  const payments = job.kind === "payments";
  const stopped = job.status === "failed" || job.status === "cancelled";
  const problems = startErrors(retry.error);

  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-4">
        <h2
          id={`${id}-heading`}
          ref={heading}
          tabIndex={-1}
          className="text-xl font-semibold tracking-tight outline-none"
        >
          {TITLES[job.status] ?? "Import finished"}
        </h2>
        <Card>
          <CardContent className="flex flex-col gap-4" aria-live="polite">
            <p className={job.status === "rejected" ? "font-medium text-destructive" : "font-medium"}>{outcome(job)}</p>
            {job.status === "failed" && job.error ? (
              <Alert variant="destructive" role="none">
                <AlertTitle>What went wrong</AlertTitle>
                <AlertDescription>
                  <p>{job.error}</p>
                </AlertDescription>
              </Alert>
            ) : null}
            {job.status === "completed" || job.status === "rejected" ? (
              <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
                <Count label="Rows read" value={job.rowsRead} />
                <Count label={payments ? "Payments posted" : "Accounts created"} value={job.rowsCreated} />
                {payments ? null : <Count label="Accounts updated" value={job.rowsUpdated} />}
                <Count label={payments ? "Already posted" : "Unchanged"} value={job.rowsUnchanged} />
                <Count label="Rows with errors" value={job.rowsRejected} />
              </dl>
            ) : null}
          </CardContent>
        </Card>

        {problems.length ? (
          <Alert variant="destructive">
            <AlertTitle>The import could not start again</AlertTitle>
            <AlertDescription>
              {problems.map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </AlertDescription>
          </Alert>
        ) : null}

        <div className="flex flex-wrap items-center gap-2">
          {stopped && canRun && mapping ? (
            <Button disabled={retry.isPending} onClick={() => retry.mutate({ id: job.id, mapping, mode: job.mode })}>
              {retry.isPending ? <Spinner label="Starting" /> : <RotateCwIcon aria-hidden="true" />}
              {job.status === "failed" ? "Try again" : "Start again"}
            </Button>
          ) : null}
          {stopped && canRun ? (
            <Button variant="outline" disabled={retry.isPending} onClick={onChangeMapping}>
              {mapping ? "Change the mapping" : "Map the columns"}
            </Button>
          ) : null}
          {job.status === "completed" ? (
            <Button asChild>
              <Link href={`/accounts?creditorId=${job.creditorId}`}>See the accounts</Link>
            </Button>
          ) : null}
          <Button asChild variant="outline">
            <Link href="/imports">All imports</Link>
          </Button>
        </div>
      </section>

      {job.status === "completed" || job.status === "rejected" ? (
        <section aria-labelledby={`${id}-errors`} className="flex flex-col gap-3">
          <h2 id={`${id}-errors`} className="text-lg font-semibold tracking-tight">
            Rows with errors
          </h2>
          <ErrorsTable importId={job.id} />
        </section>
      ) : null}
    </div>
  );
}
