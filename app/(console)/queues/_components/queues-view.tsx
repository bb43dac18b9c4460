"use client";

import { useQuery } from "@tanstack/react-query";
import { ListOrderedIcon, PencilIcon, PlusIcon } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { useTRPC } from "@/components/providers/trpc-provider";
import { describeFilters, orderingLabel } from "@/components/queue/filter-summary";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { QueueFormDialog } from "./queue-form-dialog";

export function QueuesView({
  canManage,
  canWork,
  canReadUsers,
}: {
  canManage: boolean;
  canWork: boolean;
  canReadUsers: boolean;
}) {
  const trpc = useTRPC();
  const queues = useQuery(trpc.queue.list.queryOptions({ includeInactive: canManage }));
  const creditors = useQuery(trpc.dashboard.creditors.queryOptions());
  const users = useQuery({ ...trpc.user.list.queryOptions(), enabled: canReadUsers });
  const names = Object.fromEntries([
    ...(creditors.data ?? []).map((c) => [c.id, c.name] as const),
    ...(users.data ?? []).map((u) => [u.id, u.name] as const),
  ]);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Queues"
        description={
          canWork
            ? "Saved selections of accounts with an order to work them in. Open one to see its accounts or work it."
            : "Saved selections of accounts with an order to work them in."
        }
        actions={
          canManage ? (
            <QueueFormDialog
              canReadUsers={canReadUsers}
              trigger={
                <Button>
                  <PlusIcon aria-hidden="true" />
                  New queue
                </Button>
              }
            />
          ) : null
        }
      />

      {queues.isError ? (
        <Alert variant="destructive">
          <AlertTitle>Queues could not be loaded</AlertTitle>
          <AlertDescription>{queues.error.message}</AlertDescription>
        </Alert>
      ) : queues.isPending ? (
        <div className="flex flex-col gap-2" aria-busy="true">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-12 w-full" />
          ))}
        </div>
      ) : queues.data.length === 0 ? (
        <EmptyState
          icon={ListOrderedIcon}
          title="No queues yet"
          description={
            canManage
              ? "Create a queue to hand agents a selection of accounts to work, such as “Texas, 61–90 days, by balance”."
              : "An admin has not defined any queues. Your own accounts are in My queue."
          }
        />
      ) : (
        <div className="rounded-lg border">
          <Table aria-label="Queues">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead scope="col">Name</TableHead>
                <TableHead scope="col">Accounts</TableHead>
                <TableHead scope="col">Order</TableHead>
                <TableHead scope="col">State</TableHead>
                {canManage ? (
                  <TableHead scope="col">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {queues.data.map((q) => (
                <TableRow key={q.id}>
                  <TableCell className="font-medium">
                    <Link
                      href={`/queues/${q.id}`}
                      className="rounded-sm underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
                    >
                      {q.name}
                    </Link>
                    {q.description ? (
                      <p className="text-xs font-normal text-muted-foreground">{q.description}</p>
                    ) : null}
                  </TableCell>
                  <TableCell className="max-w-md text-sm">
                    {q.definition ? (
                      describeFilters(q.definition, names)
                    ) : (
                      <span className="text-destructive">{q.invalidReason}</span>
                    )}
                  </TableCell>
                  <TableCell className="text-sm">
                    {q.definition ? orderingLabel(q.definition.sort, q.definition.dir) : "—"}
                  </TableCell>
                  <TableCell>
                    {q.active ? <Badge variant="secondary">Active</Badge> : <Badge variant="outline">Inactive</Badge>}
                  </TableCell>
                  {canManage ? (
                    <TableCell className="text-right">
                      <QueueFormDialog
                        queue={q}
                        canReadUsers={canReadUsers}
                        trigger={
                          <Button variant="ghost" size="sm" aria-label={`Edit queue ${q.name}`}>
                            <PencilIcon aria-hidden="true" />
                            Edit
                          </Button>
                        }
                      />
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
