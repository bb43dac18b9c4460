import type { Metadata } from "next";
import Link from "next/link";
import { AgingBadge, bucketBarClasses } from "@/components/domain/aging-badge";
import { Money } from "@/components/domain/money";
import { StatusBadge } from "@/components/domain/status-badge";
import { NotAllowed } from "@/components/layout/not-allowed";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { serverCaller } from "@/server/api/rsc";
import { requireStaff } from "@/server/auth/staff";
import { formatMoney } from "@/server/lib/money";
import { ACCOUNT_STATUSES } from "@/server/modules/accounts/accounts.schemas";

export const metadata: Metadata = { title: "Dashboard · Recoup" };

const n = (value: number) => value.toLocaleString("en-US");

export default async function DashboardPage() {
  const { staff, allowed } = await requireStaff("dashboard.read");
  if (!allowed) return <NotAllowed permission="dashboard.read" role={staff.role} what="the dashboard" />;

  const summary = await (await serverCaller()).dashboard.summary();
  const { currency } = summary;
  const maxBalance = Math.max(0, ...summary.buckets.map((b) => b.balanceMinor));
  const statusCounts = new Map(summary.statuses.map((s) => [s.status, s.accounts]));
  const totalByStatus = summary.statuses.reduce((sum, s) => sum + s.accounts, 0);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Dashboard"
        description={`Open accounts (not paid, settled, closed or recalled) as of ${summary.asOf} (UTC).`}
      />

      <div className="grid gap-4 sm:grid-cols-2">
        <Card>
          <CardHeader>
            <CardDescription>Open accounts</CardDescription>
            <CardTitle className="text-3xl tabular-nums" data-testid="open-accounts">
              {n(summary.totals.openAccounts)}
            </CardTitle>
          </CardHeader>
        </Card>
        <Card>
          <CardHeader>
            <CardDescription>Open balance</CardDescription>
            <CardTitle className="text-3xl tabular-nums" data-testid="open-balance">
              {formatMoney(summary.totals.openBalanceMinor, currency)}
            </CardTitle>
          </CardHeader>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Aging</h2>
          </CardTitle>
          <CardDescription>
            Open accounts and balance by days past due. Select a bucket to see its accounts.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Table aria-label="Accounts and balance per aging bucket">
            <TableHeader>
              <TableRow>
                <TableHead scope="col">Bucket</TableHead>
                <TableHead scope="col" className="text-right">
                  Accounts
                </TableHead>
                <TableHead scope="col" className="text-right">
                  Balance
                </TableHead>
                <TableHead scope="col" className="w-1/2">
                  Share of balance
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {summary.buckets.map((b) => {
                const share =
                  summary.totals.openBalanceMinor > 0 ? b.balanceMinor / summary.totals.openBalanceMinor : 0;
                const width = maxBalance > 0 ? (b.balanceMinor / maxBalance) * 100 : 0;
                return (
                  <TableRow key={b.bucket} data-bucket={b.bucket}>
                    <TableCell>
                      <Link
                        href={`/accounts?bucket=${encodeURIComponent(b.bucket)}`}
                        className="inline-flex items-center gap-2 rounded-sm underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
                      >
                        <AgingBadge bucket={b.bucket} />
                      </Link>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{n(b.accounts)}</TableCell>
                    <TableCell>
                      <Money minor={b.balanceMinor} currency={currency} />
                    </TableCell>
                    <TableCell>
                      <div className="flex items-center gap-2">
                        <div className="h-3 flex-1 overflow-hidden rounded-sm bg-muted" aria-hidden="true">
                          <div
                            className={`h-full rounded-sm ${bucketBarClasses[b.bucket]}`}
                            style={{ width: `${width}%` }}
                          />
                        </div>
                        <span className="w-12 text-right text-xs text-muted-foreground tabular-nums">
                          {(share * 100).toFixed(share > 0 && share < 0.001 ? 2 : 1)}%
                        </span>
                      </div>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableCell>Total</TableCell>
                <TableCell className="text-right tabular-nums">{n(summary.totals.openAccounts)}</TableCell>
                <TableCell>
                  <Money minor={summary.totals.openBalanceMinor} currency={currency} />
                </TableCell>
                <TableCell />
              </TableRow>
            </TableFooter>
          </Table>
        </CardContent>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>By creditor</h2>
            </CardTitle>
            <CardDescription>Open accounts and balance per creditor.</CardDescription>
          </CardHeader>
          <CardContent>
            {summary.creditors.length === 0 ? (
              <EmptyState title="No creditors yet" description="Creditors appear here once accounts are placed." />
            ) : (
              <Table aria-label="Accounts and balance per creditor">
                <TableHeader>
                  <TableRow>
                    <TableHead scope="col">Creditor</TableHead>
                    <TableHead scope="col" className="text-right">
                      Accounts
                    </TableHead>
                    <TableHead scope="col" className="text-right">
                      Balance
                    </TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {summary.creditors.map((c) => (
                    <TableRow key={c.creditorId}>
                      <TableCell className="whitespace-normal">
                        <Link
                          href={`/accounts?creditorId=${c.creditorId}`}
                          className="underline-offset-4 hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
                        >
                          {c.creditorName}
                        </Link>
                      </TableCell>
                      <TableCell className="text-right tabular-nums">{n(c.accounts)}</TableCell>
                      <TableCell>
                        <Money minor={c.balanceMinor} currency={currency} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>
              <h2>By status</h2>
            </CardTitle>
            <CardDescription>All accounts, open and closed.</CardDescription>
          </CardHeader>
          <CardContent>
            <Table aria-label="Accounts per status">
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">Status</TableHead>
                  <TableHead scope="col" className="text-right">
                    Accounts
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {ACCOUNT_STATUSES.map((status) => (
                  <TableRow key={status} data-status={status}>
                    <TableCell>
                      <Link
                        href={`/accounts?status=${status}`}
                        className="rounded-sm outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
                      >
                        <StatusBadge status={status} />
                      </Link>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{n(statusCounts.get(status) ?? 0)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableCell>Total</TableCell>
                  <TableCell className="text-right tabular-nums">{n(totalByStatus)}</TableCell>
                </TableRow>
              </TableFooter>
            </Table>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
