"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ListChecksIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { formatInZone } from "@/components/domain/local-time";
import { TaskActions } from "@/components/domain/task-actions";
import { PageHeader } from "@/components/layout/page-header";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { cn } from "@/components/ui/utils";
import { TASK_KIND_LABELS, type TaskWindow } from "@/server/modules/tasks/tasks.schemas";

const TABS: { value: TaskWindow; label: string }[] = [
  { value: "all", label: "All open" },
  { value: "overdue", label: "Overdue" },
  { value: "today", label: "Today" },
  { value: "upcoming", label: "Upcoming" },
];

const EMPTY: Record<TaskWindow, string> = {
  all: "No open tasks. Callbacks you schedule and tasks assigned to you appear here.",
  overdue: "Nothing overdue.",
  today: "Nothing else due today.",
  upcoming: "Nothing due after today.",
};

/** The signed-in user's open tasks, due times on their clock and on the debtor's, overdue ones marked. */
export function MyTasks({ initialWindow, pageSize }: { initialWindow: TaskWindow; pageSize: number }) {
  const trpc = useTRPC();
  const [tab, setTab] = useState<TaskWindow>(initialWindow);
  const [page, setPage] = useState(1);
  const query = useQuery({
    ...trpc.task.mine.queryOptions({ window: tab, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / pageSize)) : 1;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="My tasks"
        description={
          data
            ? `Due times in your time zone (${data.timeZone}) and in the debtor's.`
            : "Your callbacks and follow-ups."
        }
      />
      <Tabs
        value={tab}
        onValueChange={(v) => {
          setTab(v as TaskWindow);
          setPage(1);
        }}
      >
        <TabsList aria-label="Which tasks">
          {TABS.map((t) => (
            <TabsTrigger key={t.value} value={t.value}>
              {t.label}
              {data ? (
                <Badge variant={t.value === "overdue" && data.counts.overdue > 0 ? "destructive" : "secondary"}>
                  {data.counts[t.value]}
                </Badge>
              ) : null}
            </TabsTrigger>
          ))}
        </TabsList>
      </Tabs>

      {!data ? (
        query.isError ? (
          <p className="text-sm text-destructive">Your tasks could not be loaded: {query.error.message}</p>
        ) : (
          <div className="flex flex-col gap-2" aria-busy="true" aria-label="Loading tasks">
            <Skeleton className="h-10 w-full" />
            <Skeleton className="h-10 w-full" />
          </div>
        )
      ) : data.rows.length === 0 ? (
        <EmptyState icon={ListChecksIcon} title="All clear" description={EMPTY[tab]} />
      ) : (
        <Table aria-label="My tasks" aria-busy={query.isFetching}>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Due (your time)</TableHead>
              <TableHead scope="col">Debtor&apos;s time</TableHead>
              <TableHead scope="col">Task</TableHead>
              <TableHead scope="col">Account</TableHead>
              <TableHead scope="col">
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.rows.map((t) => (
              <TableRow
                key={t.id}
                data-overdue={t.overdue || undefined}
                className={cn(t.overdue && "bg-destructive/5 hover:bg-destructive/10")}
              >
                <TableCell className="align-top">
                  <span className="flex flex-col gap-1">
                    {t.overdue ? (
                      <Badge variant="destructive" className="w-fit">
                        Overdue
                      </Badge>
                    ) : null}
                    <time dateTime={new Date(t.dueAt).toISOString()} suppressHydrationWarning>
                      {formatInZone(new Date(t.dueAt), data.timeZone)}
                    </time>
                  </span>
                </TableCell>
                <TableCell className="align-top">
                  {t.debtorTimeZones.length === 0 ? (
                    <span className="text-muted-foreground">Unknown zone</span>
                  ) : (
                    <span className="flex flex-col gap-0.5">
                      {t.debtorTimeZones.map((z) => (
                        <time key={z} dateTime={new Date(t.dueAt).toISOString()} suppressHydrationWarning title={z}>
                          {formatInZone(new Date(t.dueAt), z)}
                        </time>
                      ))}
                    </span>
                  )}
                </TableCell>
                <TableCell className="align-top whitespace-normal">
                  <span className="flex flex-col gap-0.5">
                    <span className="font-medium">
                      {TASK_KIND_LABELS[t.kind]}: {t.title}
                    </span>
                    {t.note ? <span className="text-sm text-muted-foreground">{t.note}</span> : null}
                  </span>
                </TableCell>
                <TableCell className="align-top">
                  <span className="flex flex-col gap-0.5">
                    <Link href={`/accounts/${t.accountId}`} className="font-medium underline-offset-4 hover:underline">
                      {t.externalRef}
                    </Link>
                    <span className="text-sm text-muted-foreground">{t.debtorName}</span>
                  </span>
                </TableCell>
                <TableCell className="align-top">
                  <TaskActions task={t} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      {data && pages > 1 ? (
        <nav aria-label="Pages of tasks" className="flex items-center justify-between gap-2">
          <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            Previous
          </Button>
          <span className="text-sm text-muted-foreground">
            Page {page} of {pages} · {data.total} tasks
          </span>
          <Button variant="outline" size="sm" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
            Next
          </Button>
        </nav>
      ) : null}
    </div>
  );
}
