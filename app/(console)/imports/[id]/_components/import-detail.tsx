"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Instant } from "@/components/domain/instant";
import { PageHeader } from "@/components/layout/page-header";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { fileSize, ImportStatusBadge, KIND_LABELS } from "../../_components/import-status";
import { FinishedStep } from "./finished-step";
import { MappingStep } from "./mapping-step";
import { RunningStep } from "./running-step";

export function ImportDetail({ importId, canRun }: { importId: string; canRun: boolean }) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.imports.get.queryOptions({ id: importId }),
    // The run lives on the server: following it by polling is what lets the page survive a reload.
    refetchInterval: (q) => {
      const job = q.state.data?.job;
      if (job?.status !== "running") return false;
      return job.stale ? 10_000 : 1_000;
    },
    refetchIntervalInBackground: false,
  });
  const status = query.data?.job.status;
  // Focus moves to a step's heading only when the step changed under the person's eyes, not on arrival.
  const [firstStatus] = useState(status);
  const [remapping, setRemapping] = useState(false);
  const [remapFor, setRemapFor] = useState<string | undefined>(undefined);

  if (!query.data) {
    return query.isError ? (
      <Alert variant="destructive">
        <AlertTitle>The import could not be loaded</AlertTitle>
        <AlertDescription>{query.error.message}</AlertDescription>
      </Alert>
    ) : (
      <Skeleton className="h-24 w-full" />
    );
  }

  const data = query.data;
  const job = data.job;
  const moved = job.status !== firstStatus;
  // "Change the mapping" belongs to the stopped run it was asked from; a new run (or outcome) ends it.
  const showMapping =
    job.status === "uploaded" ||
    (remapping &&
      remapFor === `${job.status}:${job.attempts}` &&
      (job.status === "failed" || job.status === "cancelled"));

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span className="break-all">{job.fileName}</span>
            <ImportStatusBadge status={job.status} stale={job.stale} />
          </span>
        }
        description={
          <>
            <p>
              {KIND_LABELS[job.kind] ?? job.kind} for {job.creditorName} · {fileSize(job.fileBytes)} · uploaded{" "}
              <Instant value={job.createdAt} />
            </p>
            <p>
              SHA-256{" "}
              <code className="font-mono text-xs" title={job.fileSha256}>
                {job.fileSha256.slice(0, 16)}…
              </code>{" "}
              ·{" "}
              <Link href="/imports" className="underline underline-offset-4">
                All imports
              </Link>
            </p>
          </>
        }
      />

      {showMapping ? (
        <MappingStep
          key={`${job.status}:${job.attempts}`}
          data={data}
          canRun={canRun}
          focusOnMount={moved || remapping}
          onBack={job.status === "uploaded" ? undefined : () => setRemapping(false)}
        />
      ) : job.status === "running" ? (
        <RunningStep job={job} canRun={canRun} focusOnMount={moved} />
      ) : (
        <FinishedStep
          key={job.status}
          job={job}
          canRun={canRun}
          focusOnMount={moved}
          onChangeMapping={() => {
            setRemapFor(`${job.status}:${job.attempts}`);
            setRemapping(true);
          }}
        />
      )}
    </div>
  );
}
