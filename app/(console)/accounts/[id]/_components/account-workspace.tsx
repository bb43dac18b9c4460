"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { AgingBadge } from "@/components/domain/aging-badge";
import { DebtorLocalTime, formatInZone } from "@/components/domain/local-time";
import { Money } from "@/components/domain/money";
import { StatusBadge } from "@/components/domain/status-badge";
import { PageHeader } from "@/components/layout/page-header";
import { useTRPC } from "@/components/providers/trpc-provider";
import { NextAccountButton } from "@/components/queue/next-account-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { HOLD_KIND_LABELS } from "@/server/modules/holds/holds.schemas";
import { TASK_KIND_LABELS } from "@/server/modules/tasks/tasks.schemas";
import { AssignDialog } from "./assign-dialog";
import { CancelPromiseButton } from "./cancel-promise-button";
import { ChangeStatusDialog } from "./change-status-dialog";
import { ContactPointsCard } from "./contact-points-card";
import { HoldsCard } from "./holds-card";
import { LogCallDialog } from "./log-call-dialog";
import { SendMessageDialog } from "./send-message-dialog";
import { ValidationNoticeCard } from "./validation-notice-card";
import { ScheduleCallbackDialog } from "./schedule-callback-dialog";
import { humanize } from "@/components/domain/humanize";
import { TaskActions } from "@/components/domain/task-actions";
import { TimelineCard } from "./timeline-card";
import type { WorkspaceData, WorkspacePermissions } from "./types";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <CardTitle>
      <h2>{children}</h2>
    </CardTitle>
  );
}

const muted = (text = "—") => <span className="text-muted-foreground">{text}</span>;

const PROMISE_VARIANTS = {
  pending: "secondary",
  kept: "success",
  broken: "destructive",
  cancelled: "outline",
} as const;

function Header({ detail, can }: { detail: WorkspaceData; can: WorkspacePermissions }) {
  const { account, assignee, holds, promise } = detail;
  const viewerZone = detail.viewerTimeZone ?? "UTC";
  return (
    <Card className="py-4" aria-label="Account summary">
      <CardContent className="flex flex-col gap-4">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
          <Fact label="Balance">
            <Money
              minor={account.balanceMinor}
              currency={account.currency}
              className="text-left text-base font-semibold"
            />
          </Fact>
          <Fact label="Days past due">
            <span className="flex items-center gap-2">
              <span className="tabular-nums">{account.dpd.toLocaleString("en-US")}</span>
              <AgingBadge bucket={account.bucket} />
            </span>
          </Fact>
          <Fact label="Status">
            <StatusBadge status={account.status} />
          </Fact>
          <Fact label="Assignee">{assignee ? assignee.name : muted("Unassigned")}</Fact>
          <Fact label="Local time">
            <DebtorLocalTime zones={detail.debtorTimeZones} serverNow={detail.now} />
          </Fact>
          <Fact label="Creditor">
            {detail.creditor.name} <span className="text-muted-foreground">({detail.creditor.code})</span>
          </Fact>
        </dl>
        <dl className="grid gap-4 sm:grid-cols-3">
          <Fact label="Holds">
            {holds.length === 0 ? (
              muted("None")
            ) : (
              <ul className="flex flex-wrap gap-1" aria-label="Active holds">
                {holds.map((h) => (
                  <li key={h.id}>
                    <Badge variant="destructive" data-testid="hold-badge" title={h.reason}>
                      Hold: {HOLD_KIND_LABELS[h.kind].toLowerCase()}
                      {h.scope === "debtor" ? " (debtor)" : ""}
                    </Badge>
                  </li>
                ))}
              </ul>
            )}
          </Fact>
          <Fact label="Promise">
            {promise ? (
              <span className="flex flex-wrap items-center gap-2">
                <Money minor={promise.amountMinor} currency={promise.currency} className="inline text-left" />
                <span>by {promise.dueOn}</span>
                <Badge variant={PROMISE_VARIANTS[promise.effectiveStatus]}>{humanize(promise.effectiveStatus)}</Badge>
                {promise.status === "pending" && can.logCall ? (
                  <CancelPromiseButton promiseId={promise.id} accountVersion={account.version} />
                ) : null}
              </span>
            ) : (
              muted("None")
            )}
          </Fact>
          <Fact label="Open tasks">
            {detail.openTasks.length === 0 ? (
              muted("None")
            ) : (
              <ul className="flex flex-col gap-2">
                {detail.openTasks.map((t) => (
                  <li key={t.id} className="flex flex-col gap-1">
                    <span className="flex flex-wrap items-center gap-2">
                      {t.overdue ? <Badge variant="destructive">Overdue</Badge> : null}
                      <span className="font-medium">
                        {TASK_KIND_LABELS[t.kind]}: {t.title}
                      </span>
                    </span>
                    <span className="text-xs text-muted-foreground">
                      Due {formatInZone(new Date(t.dueAt), viewerZone)}
                      {t.assigneeName ? ` · ${t.assigneeName}` : ""}
                    </span>
                    {can.tasks ? <TaskActions task={t} /> : null}
                  </li>
                ))}
              </ul>
            )}
          </Fact>
        </dl>
        {can.logCall || can.sendMessage || can.tasks || can.status || can.assign ? (
          <div className="flex flex-wrap gap-2" role="group" aria-label="Account actions">
            {can.logCall ? <LogCallDialog detail={detail} canOverride={can.overrideCompliance} /> : null}
            {can.sendMessage ? <SendMessageDialog detail={detail} /> : null}
            {can.tasks ? <ScheduleCallbackDialog detail={detail} /> : null}
            {can.status ? <ChangeStatusDialog detail={detail} /> : null}
            {can.assign ? <AssignDialog detail={detail} /> : null}
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}

/** The account page: reads account.byId (hydrated by the server page) so every mutation's invalidation refreshes it. */
export function AccountWorkspace({ accountId, can }: { accountId: string; can: WorkspacePermissions }) {
  const trpc = useTRPC();
  const { data: detail } = useQuery(trpc.account.byId.queryOptions({ accountId }));
  if (!detail) return null; // hydrated by the page; only absent for a moment after a failed refetch

  const { account, debtor, ledger } = detail;
  const currency = account.currency;
  const debtorName = `${debtor.firstName} ${debtor.lastName}`;
  const flags = [
    debtor.attorneyRepresented && "Attorney represented",
    debtor.bankruptcy && "Bankruptcy",
    debtor.deceased && "Deceased",
    debtor.servicemember && "Servicemember",
    debtor.vulnerable && "Vulnerable",
  ].filter((f): f is string => Boolean(f));
  const totals = ledger.reduce(
    (t, l) => ({
      principal: t.principal + l.principalMinor,
      interest: t.interest + l.interestMinor,
      fees: t.fees + l.feesMinor,
    }),
    { principal: 0, interest: 0, fees: 0 },
  );

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <Link href="/accounts" className="underline-offset-4 hover:underline">
          Accounts
        </Link>{" "}
        / <span aria-current="page">{account.externalRef}</span>
      </nav>

      <PageHeader
        title={account.externalRef}
        description={<span className="text-base text-foreground">{debtorName}</span>}
        actions={can.queueWork ? <NextAccountButton currentAccountId={account.id} /> : null}
      />

      <Header detail={detail} can={can} />

      <HoldsCard accountId={account.id} debtorId={account.debtorId} />
      <ContactPointsCard
        accountId={account.id}
        debtorId={account.debtorId}
        viewerZone={detail.viewerTimeZone ?? "UTC"}
      />
      <ValidationNoticeCard accountId={account.id} canRecord={can.recordValidationNotice} />

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <SectionTitle>Debtor</SectionTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-2 gap-4">
              <Fact label="Name">{debtorName}</Fact>
              <Fact label="Date of birth">{debtor.dateOfBirth ?? muted()}</Fact>
              <Fact label="Language">{debtor.language === "es" ? "Spanish" : "English"}</Fact>
              <Fact label="Flags">
                {flags.length ? (
                  <span className="flex flex-wrap gap-1">
                    {flags.map((f) => (
                      <Badge key={f} variant={f === "Deceased" || f === "Bankruptcy" ? "destructive" : "warning"}>
                        {f}
                      </Badge>
                    ))}
                  </span>
                ) : (
                  muted("None")
                )}
              </Fact>
              <Fact label="Original creditor">{account.originalCreditor ?? muted()}</Fact>
              <Fact label="Last contact">
                {account.lastContactAt
                  ? formatInZone(new Date(account.lastContactAt), detail.viewerTimeZone ?? "UTC")
                  : muted("Never")}
              </Fact>
            </dl>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <SectionTitle>Balance by component</SectionTitle>
          </CardHeader>
          <CardContent>
            <Table aria-label="Balance by component">
              <TableBody>
                {(
                  [
                    ["Principal", account.principalMinor],
                    ["Interest", account.interestMinor],
                    ["Fees", account.feesMinor],
                  ] as const
                ).map(([label, minor]) => (
                  <TableRow key={label}>
                    <TableHead scope="row">{label}</TableHead>
                    <TableCell>
                      <Money minor={minor} currency={currency} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableHead scope="row">Total</TableHead>
                  <TableCell>
                    <Money minor={account.balanceMinor} currency={currency} className="font-semibold" />
                  </TableCell>
                </TableRow>
                <TableRow>
                  <TableHead scope="row" className="font-normal text-muted-foreground">
                    Original balance
                  </TableHead>
                  <TableCell className="text-muted-foreground">
                    <Money minor={account.originalBalanceMinor} currency={currency} />
                  </TableCell>
                </TableRow>
              </TableFooter>
            </Table>
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <SectionTitle>Ledger</SectionTitle>
          <CardDescription>Every money movement on the account, oldest first. Payments are negative.</CardDescription>
        </CardHeader>
        <CardContent>
          {ledger.length === 0 ? (
            <EmptyState title="No ledger entries" description="Nothing has been posted to this account yet." />
          ) : (
            <Table aria-label="Ledger">
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">Date</TableHead>
                  <TableHead scope="col">Kind</TableHead>
                  <TableHead scope="col" className="text-right">
                    Principal
                  </TableHead>
                  <TableHead scope="col" className="text-right">
                    Interest
                  </TableHead>
                  <TableHead scope="col" className="text-right">
                    Fees
                  </TableHead>
                  <TableHead scope="col" className="text-right">
                    Total
                  </TableHead>
                  <TableHead scope="col">Description</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {ledger.map((l) => (
                  <TableRow key={l.id}>
                    <TableCell>
                      <time dateTime={l.effectiveOn}>{l.effectiveOn}</time>
                    </TableCell>
                    <TableCell>{humanize(l.kind)}</TableCell>
                    <TableCell>
                      <Money minor={l.principalMinor} currency={l.currency} />
                    </TableCell>
                    <TableCell>
                      <Money minor={l.interestMinor} currency={l.currency} />
                    </TableCell>
                    <TableCell>
                      <Money minor={l.feesMinor} currency={l.currency} />
                    </TableCell>
                    <TableCell className="font-medium">
                      <Money minor={l.principalMinor + l.interestMinor + l.feesMinor} currency={l.currency} />
                    </TableCell>
                    <TableCell className="whitespace-normal">{l.description ?? muted()}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableHead scope="row" colSpan={2}>
                    Total
                  </TableHead>
                  <TableCell>
                    <Money minor={totals.principal} currency={currency} />
                  </TableCell>
                  <TableCell>
                    <Money minor={totals.interest} currency={currency} />
                  </TableCell>
                  <TableCell>
                    <Money minor={totals.fees} currency={currency} />
                  </TableCell>
                  <TableCell>
                    <Money minor={totals.principal + totals.interest + totals.fees} currency={currency} />
                  </TableCell>
                  <TableCell />
                </TableRow>
              </TableFooter>
            </Table>
          )}
        </CardContent>
      </Card>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <TimelineCard accountId={account.id} canNote={can.note} viewerZone={detail.viewerTimeZone ?? "UTC"} />
        </div>
        <Card>
          <CardHeader>
            <SectionTitle>Other accounts of this debtor</SectionTitle>
          </CardHeader>
          <CardContent>
            {detail.otherAccounts.length === 0 ? (
              <p className="text-sm text-muted-foreground">No other accounts.</p>
            ) : (
              <ul className="flex flex-col divide-y">
                {detail.otherAccounts.map((o) => (
                  <li key={o.id} className="flex items-center justify-between gap-3 py-2">
                    <span className="flex flex-col gap-1">
                      <Link href={`/accounts/${o.id}`} className="font-medium underline-offset-4 hover:underline">
                        {o.externalRef}
                      </Link>
                      <StatusBadge status={o.status} />
                    </span>
                    <Money minor={o.balanceMinor} currency={o.currency} className="text-sm" />
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
