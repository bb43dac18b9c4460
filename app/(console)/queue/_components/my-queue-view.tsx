"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChevronLeftIcon, ChevronRightIcon, PartyPopperIcon, RotateCcwIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { AgingBadge } from "@/components/domain/aging-badge";
import { Money } from "@/components/domain/money";
import { StatusBadge } from "@/components/domain/status-badge";
import { PageHeader } from "@/components/layout/page-header";
import { useTRPC } from "@/components/providers/trpc-provider";
import { NextAccountButton } from "@/components/queue/next-account-button";
import { clearSkipList, readSkipList } from "@/components/queue/skip-list";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { QueueSection } from "@/server/modules/queues/queues.schemas";

const SECTIONS: { key: QueueSection; title: string; hint: string; variant: BadgeProps["variant"] }[] = [
  { key: "callback", title: "Callbacks due", hint: "Debtors who asked to be called now", variant: "warning" },
  {
    key: "broken_promise",
    title: "Broken promises",
    hint: "Missed promises not yet followed up",
    variant: "destructive",
  },
  {
    key: "priority",
    title: "By priority",
    hint: "Everything else due today, most important first",
    variant: "secondary",
  },
];

const n = (value: number) => value.toLocaleString("en-US");

function lastContact(value: Date | string | null, timeZone: string): string {
  if (!value) return "Never";
  return new Date(value).toLocaleString("en-US", {
    timeZone,
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
  });
}

/** Passed-over accounts this browser session remembers; reset brings them back into the walk. */
function SkippedNote() {
  const [count, setCount] = useState(0);
  useEffect(() => setCount(readSkipList().length), []);
  if (count === 0) return null;
  return (
    <Button
      variant="ghost"
      size="sm"
      onClick={() => {
        clearSkipList();
        setCount(0);
      }}
      title="Accounts you moved on from this session are left out of Start / Next account"
    >
      <RotateCcwIcon aria-hidden="true" />
      Bring back {n(count)} skipped
    </Button>
  );
}

export function MyQueueView({ page, pageSize }: { page: number; pageSize: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [navigating, startTransition] = useTransition();
  const queue = useQuery({ ...trpc.queue.mine.queryOptions({ page, pageSize }), placeholderData: keepPreviousData });
  const data = queue.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / pageSize)) : 1;
  const goTo = (p: number) => startTransition(() => router.push(p > 1 ? `/queue?page=${p}` : "/queue"));

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="My queue"
        description="Your accounts due for work now: callbacks due first, then broken promises, then by priority."
        actions={
          <>
            <SkippedNote />
            {data && data.total > 0 ? <NextAccountButton /> : null}
          </>
        }
      />

      {queue.isError && !data ? (
        <Alert variant="destructive">
          <AlertTitle>Your queue could not be loaded</AlertTitle>
          <AlertDescription>{queue.error.message}</AlertDescription>
        </Alert>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-3" aria-label="Queue sections">
        {SECTIONS.map((s) => (
          <Card key={s.key} className="gap-2 py-4">
            <CardHeader className="px-4">
              <CardDescription>{s.title}</CardDescription>
              <CardTitle className="text-2xl tabular-nums" data-testid={`queue-count-${s.key}`}>
                {data ? (
                  `${n(data.counts[s.key])}${s.key !== "callback" && data.capped[s.key] ? "+" : ""}`
                ) : (
                  <Skeleton className="h-7 w-12" />
                )}
              </CardTitle>
              <p className="text-xs text-muted-foreground">{s.hint}</p>
            </CardHeader>
          </Card>
        ))}
      </div>

      {data && data.total === 0 ? (
        <EmptyState
          icon={PartyPopperIcon}
          title="Nothing due — well done"
          description="No callbacks, broken promises or accounts are waiting for you right now. New work appears here as it falls due."
        />
      ) : (
        <div className="rounded-lg border" aria-busy={navigating || queue.isPlaceholderData || undefined}>
          <Table aria-label="My queue">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead scope="col">Why now</TableHead>
                <TableHead scope="col">Reference</TableHead>
                <TableHead scope="col">Debtor</TableHead>
                <TableHead scope="col">Status</TableHead>
                <TableHead scope="col" className="text-right">
                  DPD
                </TableHead>
                <TableHead scope="col">Bucket</TableHead>
                <TableHead scope="col" className="text-right">
                  Balance
                </TableHead>
                <TableHead scope="col">Last contact</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {!data
                ? Array.from({ length: 8 }, (_, i) => (
                    <TableRow key={i}>
                      {Array.from({ length: 8 }, (_, j) => (
                        <TableCell key={j}>
                          <Skeleton className="h-4 w-full min-w-12" />
                        </TableCell>
                      ))}
                    </TableRow>
                  ))
                : data.rows.map((row) => (
                    <TableRow key={row.id} data-section={row.section}>
                      <TableCell>
                        <Badge variant={SECTIONS.find((s) => s.key === row.section)!.variant}>{row.reason}</Badge>
                      </TableCell>
                      <TableCell className="font-medium">
                        <Link
                          href={`/accounts/${row.id}?from=queue`}
                          className="rounded-sm underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
                        >
                          {row.externalRef}
                        </Link>
                      </TableCell>
                      <TableCell>{row.debtorName}</TableCell>
                      <TableCell>
                        <StatusBadge status={row.status} />
                      </TableCell>
                      <TableCell className="text-right tabular-nums">{n(row.dpd)}</TableCell>
                      <TableCell>
                        <AgingBadge bucket={row.bucket} />
                      </TableCell>
                      <TableCell>
                        <Money minor={row.balanceMinor} currency={row.currency} />
                      </TableCell>
                      <TableCell className="text-muted-foreground">
                        {lastContact(row.lastContactAt, data.timeZone)}
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
            Page {n(page)} of {n(totalPages)}
            {data.capped.priority || data.capped.broken_promise ? "+" : ""}
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
    </div>
  );
}
