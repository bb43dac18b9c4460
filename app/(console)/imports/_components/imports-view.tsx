"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChevronLeftIcon, ChevronRightIcon, FileUpIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Instant } from "@/components/domain/instant";
import { PageHeader } from "@/components/layout/page-header";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { fmt, ImportStatusBadge, KIND_LABELS } from "./import-status";
import { UploadCard } from "./upload-card";

const COLUMNS = 11;

export function ImportsView({ page, pageSize, canRun }: { page: number; pageSize: number; canRun: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [navigating, startTransition] = useTransition();
  const list = useQuery({
    ...trpc.imports.list.queryOptions({ page, pageSize }),
    placeholderData: keepPreviousData,
    // Counts of running imports move; refresh while one is alive, stop once all have settled.
    refetchInterval: (query) => (query.state.data?.rows.some((r) => r.status === "running" && !r.stale) ? 2000 : false),
  });
  const data = list.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / pageSize)) : 1;
  const goTo = (p: number) => startTransition(() => router.push(p > 1 ? `/imports?page=${p}` : "/imports"));

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Imports"
        description="Accounts and payments files from your creditors' billing systems: uploaded, mapped, checked row by row and imported once."
      />

      {canRun ? <UploadCard /> : null}

      <section aria-labelledby="imports-history" className="flex flex-col gap-3">
        <h2 id="imports-history" className="text-lg font-semibold tracking-tight">
          Recent imports
        </h2>
        {list.isError ? (
          <Alert variant="destructive">
            <AlertTitle>Imports could not be loaded</AlertTitle>
            <AlertDescription>{list.error.message}</AlertDescription>
          </Alert>
        ) : data && data.rows.length === 0 ? (
          data.total > 0 ? (
            <EmptyState
              icon={FileUpIcon}
              titleAs="p"
              title="No imports on this page"
              description={<Link href="/imports">Go to the first page</Link>}
            />
          ) : (
            <EmptyState
              icon={FileUpIcon}
              titleAs="p"
              title="No imports yet"
              description={
                canRun
                  ? "Upload a file above to import accounts or payments."
                  : "Admins and managers upload accounts and payments files here."
              }
            />
          )
        ) : (
          <div className="rounded-lg border" aria-busy={navigating || list.isPlaceholderData || undefined}>
            <Table aria-label="Imports">
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead scope="col">File</TableHead>
                  <TableHead scope="col">Creditor</TableHead>
                  <TableHead scope="col">Kind</TableHead>
                  <TableHead scope="col">Status</TableHead>
                  <TableHead scope="col" className="text-right">
                    Read
                  </TableHead>
                  <TableHead scope="col" className="text-right" title="Accounts created, or payments posted">
                    Created
                  </TableHead>
                  <TableHead scope="col" className="text-right">
                    Updated
                  </TableHead>
                  <TableHead scope="col" className="text-right">
                    Unchanged
                  </TableHead>
                  <TableHead scope="col" className="text-right">
                    Rejected
                  </TableHead>
                  <TableHead scope="col">By</TableHead>
                  <TableHead scope="col">Uploaded</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {!data
                  ? Array.from({ length: 5 }, (_, i) => (
                      <TableRow key={i}>
                        {Array.from({ length: COLUMNS }, (_, j) => (
                          <TableCell key={j}>
                            <Skeleton className="h-4 w-full min-w-12" />
                          </TableCell>
                        ))}
                      </TableRow>
                    ))
                  : data.rows.map((row) => (
                      <TableRow key={row.id}>
                        <TableCell className="max-w-64 truncate font-medium">
                          <Link
                            href={`/imports/${row.id}`}
                            title={row.fileName}
                            className="rounded-sm underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
                          >
                            {row.fileName}
                          </Link>
                        </TableCell>
                        <TableCell>{row.creditorName}</TableCell>
                        <TableCell>{KIND_LABELS[row.kind] ?? row.kind}</TableCell>
                        <TableCell>
                          <ImportStatusBadge status={row.status} stale={row.stale} />
                        </TableCell>
                        <TableCell className="text-right tabular-nums">{fmt(row.rowsRead)}</TableCell>
                        <TableCell className="text-right tabular-nums">{fmt(row.rowsCreated)}</TableCell>
                        <TableCell className="text-right tabular-nums">{fmt(row.rowsUpdated)}</TableCell>
                        <TableCell className="text-right tabular-nums">{fmt(row.rowsUnchanged)}</TableCell>
                        <TableCell className="text-right tabular-nums">{fmt(row.rowsRejected)}</TableCell>
                        <TableCell>{row.createdByName ?? <span className="text-muted-foreground">—</span>}</TableCell>
                        <TableCell className="whitespace-nowrap">
                          <Instant value={row.createdAt} />
                        </TableCell>
                      </TableRow>
                    ))}
              </TableBody>
            </Table>
          </div>
        )}

        {data && data.total > pageSize ? (
          <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-muted-foreground">
              Page {fmt(page)} of {fmt(totalPages)}
            </p>
            <div className="flex gap-2">
              <Button variant="outline" size="sm" disabled={page <= 1 || navigating} onClick={() => goTo(page - 1)}>
                <ChevronLeftIcon aria-hidden="true" />
                Previous
              </Button>
              <Button
                variant="outline"
                size="sm"
                disabled={page >= totalPages || navigating}
                onClick={() => goTo(page + 1)}
              >
                Next
                <ChevronRightIcon aria-hidden="true" />
              </Button>
            </div>
          </nav>
        ) : null}
      </section>
    </div>
  );
}
