"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { ShieldCheckIcon, XIcon } from "lucide-react";
import Link from "next/link";
import { useId, useState } from "react";
import { Instant } from "@/components/domain/instant";
import { PageHeader } from "@/components/layout/page-header";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { DECISION_FILTERS } from "@/server/modules/compliance/compliance.schemas";

type DecisionFilter = (typeof DECISION_FILTERS)[number];
const PERIODS = [7, 30, 90] as const;
const FILTER_LABELS: Record<DecisionFilter, string> = {
  block: "Blocked",
  override: "Overridden",
  warn: "Allowed with warnings",
  allow: "Allowed",
};
const n = (value: number) => value.toLocaleString("en-US");

/** The compliance view: what the gate decided in a period, blocks by rule, and every decision to open. */
export function ComplianceView() {
  const trpc = useTRPC();
  const ids = useId();
  const [days, setDays] = useState<(typeof PERIODS)[number]>(7);
  const [decision, setDecision] = useState<DecisionFilter>("block");
  const [rule, setRule] = useState<string | null>(null);
  const overview = useQuery(trpc.compliance.overview.queryOptions({ days }));
  const decisions = useInfiniteQuery(
    trpc.compliance.decisions.infiniteQueryOptions(
      { decision, limit: 25, ...(rule ? { rule } : {}) },
      { getNextPageParam: (last) => last.nextCursor },
    ),
  );
  const items = decisions.data?.pages.flatMap((p) => p.items) ?? [];
  const data = overview.data;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Compliance"
        description="Every contact passes the compliance gate when it is made. Here is what it decided, and why."
        actions={
          <div className="flex items-center gap-2">
            <Label htmlFor={`${ids}-period`}>Period</Label>
            <NativeSelect
              id={`${ids}-period`}
              value={String(days)}
              onChange={(e) => setDays(Number(e.target.value) as (typeof PERIODS)[number])}
            >
              {PERIODS.map((p) => (
                <option key={p} value={p}>
                  Last {p} days
                </option>
              ))}
            </NativeSelect>
          </div>
        }
      />

      {overview.isError ? (
        <Alert variant="destructive">
          <AlertTitle>The figures could not be loaded</AlertTitle>
          <AlertDescription>{overview.error.message}</AlertDescription>
        </Alert>
      ) : null}

      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4" aria-label="Decisions in the period">
        {(
          [
            ["Allowed", data?.totals.allow],
            ["Allowed with warnings", data?.totals.warn],
            ["Blocked", data?.totals.block],
            ["Overridden by a manager", data?.overrides],
          ] as const
        ).map(([label, value]) => (
          <Card key={label} className="gap-1 py-4">
            <CardContent className="flex flex-col gap-1">
              <dt className="text-sm text-muted-foreground">{label}</dt>
              <dd className="text-2xl font-semibold tabular-nums">
                {value === undefined ? <Skeleton className="h-8 w-16" /> : n(value)}
              </dd>
            </CardContent>
          </Card>
        ))}
      </dl>

      <Card aria-labelledby={`${ids}-rules`}>
        <CardHeader>
          <CardTitle>
            <h2 id={`${ids}-rules`}>Blocks by rule</h2>
          </CardTitle>
          <CardDescription>
            A decision can cite several rules. Choose one to list its decisions.
            {data ? ` Rule set ${data.ruleSetVersion}.` : ""}
          </CardDescription>
        </CardHeader>
        <CardContent>
          {!data ? (
            <Skeleton className="h-24 w-full" />
          ) : data.blocksByRule.length === 0 ? (
            <EmptyState
              icon={ShieldCheckIcon}
              titleAs="p"
              title="No blocks"
              description={`Nothing was blocked in the last ${days} days.`}
            />
          ) : (
            <Table aria-label="Blocks by rule">
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">Rule</TableHead>
                  <TableHead scope="col" className="text-right">
                    Blocks
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.blocksByRule.map((r) => (
                  <TableRow key={r.rule}>
                    <TableCell>
                      <Button
                        variant="link"
                        className="h-auto p-0"
                        onClick={() => {
                          setRule(r.rule);
                          setDecision("block");
                        }}
                      >
                        {r.rule}
                      </Button>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{n(r.n)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <Card aria-labelledby={`${ids}-decisions`}>
        <CardHeader>
          <CardTitle>
            <h2 id={`${ids}-decisions`}>Decisions</h2>
          </CardTitle>
          <CardDescription>Newest first, across the organization.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <div className="flex flex-wrap items-end gap-3">
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${ids}-decision`}>Show</Label>
              <NativeSelect
                id={`${ids}-decision`}
                value={decision}
                onChange={(e) => setDecision(e.target.value as DecisionFilter)}
              >
                {DECISION_FILTERS.map((f) => (
                  <option key={f} value={f}>
                    {FILTER_LABELS[f]}
                  </option>
                ))}
              </NativeSelect>
            </div>
            {rule ? (
              <Badge variant="secondary" className="gap-1">
                Rule {rule}
                <button type="button" aria-label={`Remove the filter on rule ${rule}`} onClick={() => setRule(null)}>
                  <XIcon className="size-3" aria-hidden="true" />
                </button>
              </Badge>
            ) : null}
          </div>
          {decisions.isError ? (
            <Alert variant="destructive">
              <AlertDescription>The decisions could not be loaded: {decisions.error.message}</AlertDescription>
            </Alert>
          ) : decisions.isPending ? (
            <Skeleton className="h-32 w-full" />
          ) : items.length === 0 ? (
            <EmptyState
              icon={ShieldCheckIcon}
              titleAs="p"
              title="No decisions"
              description="Nothing matches this filter."
            />
          ) : (
            <Table aria-label="Decisions">
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">When</TableHead>
                  <TableHead scope="col">Account</TableHead>
                  <TableHead scope="col">Contact</TableHead>
                  <TableHead scope="col">Decision</TableHead>
                  <TableHead scope="col">Why</TableHead>
                  <TableHead scope="col">Next allowed</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((d) => {
                  const first = d.reasons.find((r) => r.severity === "block") ?? d.reasons[0];
                  return (
                    <TableRow key={d.id} data-testid="compliance-decision">
                      <TableCell className="align-top">
                        <Instant value={d.evaluatedAt} />
                      </TableCell>
                      <TableCell className="align-top whitespace-normal">
                        {d.accountId ? (
                          <Link
                            href={`/accounts/${d.accountId}`}
                            className="font-medium underline-offset-4 hover:underline"
                          >
                            {d.accountRef}
                          </Link>
                        ) : null}
                        <span className="block text-xs text-muted-foreground">{d.debtorName}</span>
                      </TableCell>
                      <TableCell className="align-top">
                        {d.channel}
                        {d.purpose !== "collection" ? (
                          <span className="block text-xs text-muted-foreground">{d.purpose}</span>
                        ) : null}
                      </TableCell>
                      <TableCell className="align-top">
                        {d.overrideByName ? (
                          <Badge variant="warning">Overridden</Badge>
                        ) : (
                          <Badge
                            variant={
                              d.decision === "block" ? "destructive" : d.decision === "warn" ? "warning" : "success"
                            }
                          >
                            {d.decision === "block" ? "Blocked" : d.decision === "warn" ? "Warned" : "Allowed"}
                          </Badge>
                        )}
                      </TableCell>
                      <TableCell className="align-top whitespace-normal">
                        <span className="font-medium">{d.rules.join(", ")}</span>
                        {first ? <span className="block text-xs">{first.message}</span> : null}
                        {d.overrideByName ? (
                          <span className="block text-xs text-muted-foreground">
                            {d.overrideByName}: “{d.overrideReason}”
                          </span>
                        ) : null}
                      </TableCell>
                      <TableCell className="align-top">
                        {d.nextAllowedAt ? (
                          <Instant value={d.nextAllowedAt} />
                        ) : (
                          <span className="text-muted-foreground">—</span>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
          {decisions.hasNextPage ? (
            <Button
              variant="outline"
              className="w-fit"
              onClick={() => void decisions.fetchNextPage()}
              disabled={decisions.isFetchingNextPage}
            >
              {decisions.isFetchingNextPage ? <Spinner label="Loading more decisions" /> : null}
              Load more
            </Button>
          ) : null}
        </CardContent>
      </Card>
    </div>
  );
}
