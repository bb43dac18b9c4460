"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { ShieldCheckIcon, XIcon } from "lucide-react";
import Link from "next/link";
import { useId, useRef, useState } from "react";
import { humanize } from "@/components/domain/humanize";
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
  warn: "Warned",
  allow: "Allowed",
};
const DECISION_LABELS = { block: "Blocked", warn: "Warned", allow: "Allowed" } as const;
const DECISION_VARIANTS = { block: "destructive", warn: "warning", allow: "success" } as const;
const n = (value: number) => value.toLocaleString("en-US");
const muted = (text: string) => <span className="text-muted-foreground">{text}</span>;

/** The compliance view: what the gate decided in a period, blocks by rule, and every decision to open. */
export function ComplianceView() {
  const trpc = useTRPC();
  const ids = useId();
  const [days, setDays] = useState<(typeof PERIODS)[number]>(7);
  const [decision, setDecision] = useState<DecisionFilter>("block");
  const [rule, setRule] = useState<string | null>(null);
  const decisionsRef = useRef<HTMLDivElement>(null);
  const overview = useQuery({
    ...trpc.compliance.overview.queryOptions({ days }),
    placeholderData: keepPreviousData,
  });
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

      <section aria-labelledby={`${ids}-totals`} className="flex flex-col gap-2">
        <h2 id={`${ids}-totals`} className="sr-only">
          Decisions in the last {days} days
        </h2>
        <dl
          className="grid grid-cols-2 gap-4 sm:grid-cols-4"
          aria-busy={overview.isFetching ? true : undefined}
          data-testid="compliance-totals"
        >
          {(
            [
              ["Allowed", data?.totals.allow, "Contacts the gate let through."],
              ["Warned", data?.totals.warn, "Allowed, with a warning to heed."],
              ["Blocked", data?.totals.block, "Refused, overrides included."],
              ["Overridden", data?.overrides, "Blocked, then let through by a manager."],
            ] as const
          ).map(([label, value, hint]) => (
            // The card is the dt/dd group itself (a dl allows one wrapping div).
            <Card key={label} className="gap-1 px-6 py-4">
              <dt className="text-sm text-muted-foreground">{label}</dt>
              <dd className="text-2xl font-semibold tabular-nums">
                {value === undefined ? <Skeleton className="h-8 w-16" /> : n(value)}
              </dd>
              <dd className="text-xs text-muted-foreground">{hint}</dd>
            </Card>
          ))}
        </dl>
        {data ? (
          <p className="text-xs text-muted-foreground" data-testid="rule-set-version">
            Rule set {data.ruleSetVersion} · since <Instant value={data.since} />
          </p>
        ) : null}
      </section>

      <Card aria-labelledby={`${ids}-rules`}>
        <CardHeader>
          <CardTitle>
            <h2 id={`${ids}-rules`}>Blocks by rule</h2>
          </CardTitle>
          <CardDescription>
            Blocked decisions in the last {data?.days ?? days} days, by the rules they cite (a decision can cite
            several). Choose a rule to list its decisions below.
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
              description={`Nothing was blocked in the last ${data.days} days.`}
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
                        className="h-auto p-0 aria-pressed:font-semibold aria-pressed:underline"
                        aria-pressed={rule === r.rule}
                        aria-label={`Show the decisions citing ${r.rule}`}
                        onClick={() => {
                          setRule(r.rule);
                          setDecision("block");
                          decisionsRef.current?.scrollIntoView({ block: "start", behavior: "smooth" });
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

      <Card aria-labelledby={`${ids}-decisions`} ref={decisionsRef} className="scroll-mt-4">
        <CardHeader>
          <CardTitle>
            <h2 id={`${ids}-decisions`}>Decisions</h2>
          </CardTitle>
          <CardDescription>
            Newest first, across the organization and not limited to the period. Times in UTC.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <div className="flex flex-wrap items-end gap-3">
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${ids}-decision`}>Decision</Label>
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
              <Badge
                variant="secondary"
                className="h-9 gap-1.5 overflow-visible px-3 text-sm"
                data-testid="rule-filter"
              >
                Rule {rule}
                <button
                  type="button"
                  className="rounded-sm outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
                  aria-label={`Remove the filter on rule ${rule}`}
                  onClick={() => setRule(null)}
                >
                  <XIcon className="size-3.5" aria-hidden="true" />
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
              description={`No ${FILTER_LABELS[decision].toLowerCase()} decisions${rule ? ` citing ${rule}` : ""}.`}
            />
          ) : (
            <Table aria-label="Decisions">
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">When</TableHead>
                  <TableHead scope="col">Account</TableHead>
                  <TableHead scope="col">Channel</TableHead>
                  <TableHead scope="col">Decision</TableHead>
                  <TableHead scope="col">Rules</TableHead>
                  <TableHead scope="col">First reason</TableHead>
                  <TableHead scope="col">Next allowed</TableHead>
                  <TableHead scope="col">Override</TableHead>
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
                        ) : (
                          muted("No account")
                        )}
                        <span className="block text-xs text-muted-foreground">{d.debtorName}</span>
                      </TableCell>
                      <TableCell className="align-top">
                        {humanize(d.channel)}
                        {d.purpose !== "collection" ? (
                          <span className="block text-xs text-muted-foreground">{humanize(d.purpose)}</span>
                        ) : null}
                      </TableCell>
                      <TableCell className="align-top">
                        {d.overrideByName ? (
                          <Badge variant="warning">Overridden</Badge>
                        ) : (
                          <Badge variant={DECISION_VARIANTS[d.decision]}>{DECISION_LABELS[d.decision]}</Badge>
                        )}
                      </TableCell>
                      <TableCell className="align-top whitespace-normal">
                        {d.rules.length ? (
                          <span className="flex flex-wrap gap-1">
                            {d.rules.map((r) => (
                              <Badge key={r} variant="outline" className="font-mono">
                                {r}
                              </Badge>
                            ))}
                          </span>
                        ) : (
                          muted("—")
                        )}
                      </TableCell>
                      <TableCell className="max-w-md align-top text-sm whitespace-normal">
                        {first ? first.message : muted("—")}
                        {d.reasons.length > 1 ? (
                          <span className="block text-xs text-muted-foreground">
                            and {d.reasons.length - 1} more reason{d.reasons.length === 2 ? "" : "s"}
                          </span>
                        ) : null}
                      </TableCell>
                      <TableCell className="align-top">
                        {d.nextAllowedAt ? <Instant value={d.nextAllowedAt} /> : muted("—")}
                      </TableCell>
                      <TableCell className="max-w-xs align-top text-sm whitespace-normal">
                        {d.overrideByName ? (
                          <>
                            <span className="font-medium">{d.overrideByName}</span>
                            <span className="block text-xs text-muted-foreground">“{d.overrideReason}”</span>
                          </>
                        ) : (
                          muted("—")
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
