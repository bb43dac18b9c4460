"use client";

import { useQuery } from "@tanstack/react-query";
import { ShuffleIcon, UsersRoundIcon, WandSparklesIcon } from "lucide-react";
import { PageHeader } from "@/components/layout/page-header";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney } from "@/server/lib/money";
import { RebalanceDialog } from "./rebalance-dialog";
import { WeightsCard } from "./weights-card";

const n = (value: number) => value.toLocaleString("en-US");
const balances = (list: { currency: string; minor: number }[]) =>
  list.length ? list.map((b) => formatMoney(b.minor, b.currency)).join(" + ") : formatMoney(0, "USD");

export function TeamView({ canRebalance, canEditWeights }: { canRebalance: boolean; canEditWeights: boolean }) {
  const trpc = useTRPC();
  const team = useQuery(trpc.queue.team.queryOptions());
  const data = team.data;
  const candidates = (data?.members ?? []).filter((m) => m.assignable).map((m) => ({ userId: m.userId, name: m.name }));

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Team"
        description="Accounts, work due and work done today per person. Today is each person’s own day, in their time zone."
        actions={
          canRebalance && data ? (
            <RebalanceDialog
              candidates={candidates}
              trigger={
                <Button disabled={data.unassigned.count === 0}>
                  <WandSparklesIcon aria-hidden="true" />
                  Auto-assign
                </Button>
              }
            />
          ) : null
        }
      />

      {team.isError ? (
        <Alert variant="destructive">
          <AlertTitle>The team view could not be loaded</AlertTitle>
          <AlertDescription>{team.error.message}</AlertDescription>
        </Alert>
      ) : null}

      {data ? (
        <p className="text-sm text-muted-foreground" data-testid="unassigned-count">
          {n(data.unassigned.count)} unassigned {data.unassigned.count === 1 ? "account" : "accounts"} (
          {balances(data.unassigned.balances)})
        </p>
      ) : null}

      {data && data.members.length === 0 ? (
        <EmptyState icon={UsersRoundIcon} title="No agents yet" description="Add agents on the Users page." />
      ) : (
        <div className="rounded-lg border">
          <Table aria-label="Team">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead scope="col">Person</TableHead>
                <TableHead scope="col" className="text-right">
                  Assigned
                </TableHead>
                <TableHead scope="col" className="text-right">
                  Due for work
                </TableHead>
                <TableHead scope="col" className="text-right">
                  Callbacks due
                </TableHead>
                <TableHead scope="col" className="text-right">
                  Contacts today
                </TableHead>
                <TableHead scope="col" className="text-right">
                  Tasks done today
                </TableHead>
                <TableHead scope="col" className="text-right">
                  Balance assigned
                </TableHead>
                {canRebalance ? (
                  <TableHead scope="col">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {!data
                ? Array.from({ length: 4 }, (_, i) => (
                    <TableRow key={i}>
                      {Array.from({ length: canRebalance ? 8 : 7 }, (_, j) => (
                        <TableCell key={j}>
                          <Skeleton className="h-4 w-full min-w-12" />
                        </TableCell>
                      ))}
                    </TableRow>
                  ))
                : data.members.map((m) => (
                    <TableRow key={m.userId} data-testid={`team-row-${m.email}`}>
                      <TableCell>
                        <div className="flex flex-wrap items-center gap-2">
                          <span className="font-medium">{m.name}</span>
                          {m.role !== "agent" ? (
                            <Badge variant="secondary" className="capitalize">
                              {m.role}
                            </Badge>
                          ) : null}
                          {m.active ? null : <Badge variant="outline">Deactivated</Badge>}
                        </div>
                        <p className="text-xs text-muted-foreground">{m.timeZone}</p>
                      </TableCell>
                      <TableCell className="text-right tabular-nums" data-testid="assigned-count">
                        {n(m.assigned)}
                      </TableCell>
                      <TableCell className="text-right tabular-nums">
                        {n(m.dueForWork)}
                        {m.dueIsCapped ? "+" : ""}
                      </TableCell>
                      <TableCell className="text-right tabular-nums">{n(m.callbacksDue)}</TableCell>
                      <TableCell className="text-right tabular-nums">{n(m.interactionsToday)}</TableCell>
                      <TableCell className="text-right tabular-nums">{n(m.tasksDoneToday)}</TableCell>
                      <TableCell className="text-right tabular-nums">{balances(m.balances)}</TableCell>
                      {canRebalance ? (
                        <TableCell className="text-right">
                          {m.assigned > 0 ? (
                            <RebalanceDialog
                              from={{ userId: m.userId, name: m.name }}
                              candidates={candidates}
                              trigger={
                                <Button variant="ghost" size="sm" aria-label={`Reassign ${m.name}’s accounts`}>
                                  <ShuffleIcon aria-hidden="true" />
                                  Reassign
                                </Button>
                              }
                            />
                          ) : null}
                        </TableCell>
                      ) : null}
                    </TableRow>
                  ))}
            </TableBody>
          </Table>
        </div>
      )}

      <WeightsCard canEdit={canEditWeights} />
    </div>
  );
}
