"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChevronLeftIcon, ChevronRightIcon, PencilIcon, SearchXIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { AgingBadge } from "@/components/domain/aging-badge";
import { Money } from "@/components/domain/money";
import { StatusBadge } from "@/components/domain/status-badge";
import { PageHeader } from "@/components/layout/page-header";
import { useTRPC } from "@/components/providers/trpc-provider";
import { describeFilters, orderingLabel } from "@/components/queue/filter-summary";
import { NextAccountButton } from "@/components/queue/next-account-button";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { QueueFormDialog } from "../../_components/queue-form-dialog";

const n = (value: number) => value.toLocaleString("en-US");

export function QueueDetail({
  queueId,
  page,
  pageSize,
  canManage,
  canWork,
  canReadUsers,
}: {
  queueId: string;
  page: number;
  pageSize: number;
  canManage: boolean;
  canWork: boolean;
  canReadUsers: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [navigating, startTransition] = useTransition();
  const queue = useQuery(trpc.queue.byId.queryOptions({ queueId }));
  const valid = Boolean(queue.data?.definition);
  const accounts = useQuery({
    ...trpc.queue.accounts.queryOptions({ queueId, page, pageSize }),
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  const creditors = useQuery(trpc.dashboard.creditors.queryOptions());
  const users = useQuery({ ...trpc.user.list.queryOptions(), enabled: canReadUsers });
  const names = Object.fromEntries([
    ...(creditors.data ?? []).map((c) => [c.id, c.name] as const),
    ...(users.data ?? []).map((u) => [u.id, u.name] as const),
  ]);

  if (!queue.data) {
    return queue.isError ? (
      <Alert variant="destructive">
        <AlertTitle>The queue could not be loaded</AlertTitle>
        <AlertDescription>{queue.error.message}</AlertDescription>
      </Alert>
    ) : (
      <Skeleton className="h-24 w-full" />
    );
  }
  const q = queue.data;
  const data = accounts.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / pageSize)) : 1;
  const goTo = (p: number) =>
    startTransition(() => router.push(p > 1 ? `/queues/${queueId}?page=${p}` : `/queues/${queueId}`));

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {q.name}
            {q.active ? null : <Badge variant="outline">Inactive</Badge>}
          </span>
        }
        description={
          <>
            {q.description ? <p>{q.description}</p> : null}
            {q.definition ? (
              <p>
                {describeFilters(q.definition, names)} · {orderingLabel(q.definition.sort, q.definition.dir)}
              </p>
            ) : null}
            <p>
              <Link href="/queues" className="underline underline-offset-4">
                All queues
              </Link>
            </p>
          </>
        }
        actions={
          <>
            {canManage ? (
              <QueueFormDialog
                queue={q}
                canReadUsers={canReadUsers}
                trigger={
                  <Button variant="outline">
                    <PencilIcon aria-hidden="true" />
                    Edit queue
                  </Button>
                }
              />
            ) : null}
            {canWork && q.active && valid ? <NextAccountButton queueId={q.id} label="Work this queue" /> : null}
          </>
        }
      />

      {q.invalidReason ? (
        <Alert variant="destructive">
          <AlertTitle>This queue cannot be opened</AlertTitle>
          <AlertDescription>{q.invalidReason}</AlertDescription>
        </Alert>
      ) : null}
      {canWork && q.active && valid ? (
        <p className="text-sm text-muted-foreground">
          “Work this queue” walks the accounts below that are yours or unassigned and due for work: callbacks due first,
          then broken promises, then in this queue’s order.
        </p>
      ) : null}
      {accounts.isError ? (
        <Alert variant="destructive">
          <AlertTitle>Accounts could not be loaded</AlertTitle>
          <AlertDescription>{accounts.error.message}</AlertDescription>
        </Alert>
      ) : null}

      {valid ? (
        data && data.rows.length === 0 ? (
          <EmptyState icon={SearchXIcon} title="No accounts match this queue" />
        ) : (
          <>
            <p className="text-sm text-muted-foreground" aria-live="polite" data-testid="queue-accounts-count">
              {data
                ? `${n(data.total)}${data.totalIsCapped ? "+" : ""} ${data.total === 1 ? "account" : "accounts"}`
                : ""}
            </p>
            <div className="rounded-lg border" aria-busy={navigating || accounts.isPlaceholderData || undefined}>
              <Table aria-label={`Accounts in ${q.name}`}>
                <TableHeader>
                  <TableRow className="hover:bg-transparent">
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
                    <TableHead scope="col" className="text-right">
                      Priority
                    </TableHead>
                    <TableHead scope="col">Assignee</TableHead>
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
                        <TableRow key={row.id}>
                          <TableCell className="font-medium">
                            <Link
                              href={`/accounts/${row.id}`}
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
                          <TableCell className="text-right tabular-nums">{n(row.priority)}</TableCell>
                          <TableCell>
                            {row.assigneeName ?? <span className="text-muted-foreground">Unassigned</span>}
                          </TableCell>
                        </TableRow>
                      ))}
                </TableBody>
              </Table>
            </div>
            {data && data.total > pageSize ? (
              <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3">
                <p className="text-sm text-muted-foreground">
                  Page {n(page)} of {n(totalPages)}
                  {data.totalIsCapped ? "+" : ""}
                </p>
                <div className="flex gap-2">
                  <Button variant="outline" size="sm" disabled={page <= 1 || navigating} onClick={() => goTo(page - 1)}>
                    <ChevronLeftIcon aria-hidden="true" />
                    Previous
                  </Button>
                  <Button
                    variant="outline"
                    size="sm"
                    disabled={(data.totalIsCapped ? data.rows.length < pageSize : page >= totalPages) || navigating}
                    onClick={() => goTo(page + 1)}
                  >
                    Next
                    <ChevronRightIcon aria-hidden="true" />
                  </Button>
                </div>
              </nav>
            ) : null}
          </>
        )
      ) : null}
    </div>
  );
}
