import { TRPCError, type inferRouterOutputs } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AgingBadge } from "@/components/domain/aging-badge";
import { Money } from "@/components/domain/money";
import { StatusBadge, statusLabel } from "@/components/domain/status-badge";
import { NotAllowed } from "@/components/layout/not-allowed";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Instant } from "@/components/domain/instant";
import type { AppRouter } from "@/server/api/root";
import { serverCaller } from "@/server/api/rsc";
import { requireStaff } from "@/server/auth/staff";
import { can } from "@/server/lib/permissions";
import { AddNoteForm } from "./_components/add-note-form";

export const metadata: Metadata = { title: "Account · Recoup" };

type AccountDetail = inferRouterOutputs<AppRouter>["account"]["byId"];

/** Reads a property of a JSON value (audit before/after) without trusting its shape. */
function field(value: unknown, key: string): unknown {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function humanize(text: string): string {
  const words = text.replace(/[._]/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function lowerStatus(value: unknown): string {
  return typeof value === "string" ? statusLabel(value).toLowerCase() : "unknown";
}

type TimelineEntry = { key: string; at: Date; who: string; what: ReactNode };

function describeAudit(event: AccountDetail["audit"][number], detail: AccountDetail): ReactNode {
  switch (event.action) {
    case "account.status_changed": {
      const reason = field(event.after, "reason");
      return (
        <>
          Status changed from {lowerStatus(field(event.before, "status"))} to{" "}
          {lowerStatus(field(event.after, "status"))}
          {typeof reason === "string" && reason ? <span className="text-muted-foreground"> — {reason}</span> : null}
        </>
      );
    }
    case "account.bulk_assigned":
    case "account.assigned": {
      const assigneeId = field(event.after, "assigneeId");
      const count = field(event.after, "count");
      const bulk =
        typeof count === "number" && count > 1 ? ` (with ${count - 1} other account${count === 2 ? "" : "s"})` : "";
      if (assigneeId === null) return `Unassigned${bulk}`;
      const name = detail.assignee && detail.assignee.id === assigneeId ? ` to ${detail.assignee.name}` : "";
      return `Assigned${name}${bulk}`;
    }
    default:
      return humanize(event.action.replace(/^account\./, ""));
  }
}

function buildTimeline(detail: AccountDetail): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    // Notes come from the notes table (with their text); their audit events would only repeat them.
    ...detail.audit
      .filter((e) => e.action !== "account.note_added")
      .map((e) => ({
        key: `audit-${e.seq}`,
        at: new Date(e.occurredAt),
        who: e.actorName ?? (e.actorType === "system" ? "System" : humanize(e.actorType)),
        what: describeAudit(e, detail),
      })),
    ...detail.notes.map((n) => ({
      key: `note-${n.id}`,
      at: new Date(n.createdAt),
      who: n.authorName ?? "Unknown user",
      what: (
        <>
          <span className="font-medium">Note added</span>
          <p className="mt-1 whitespace-pre-wrap text-muted-foreground">{n.body}</p>
        </>
      ),
    })),
  ];
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime());
}

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

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { staff, allowed } = await requireStaff("account.read");
  if (!allowed) return <NotAllowed permission="account.read" role={staff.role} what="accounts" />;

  const { id } = await params;
  let detail: AccountDetail;
  try {
    detail = await (await serverCaller()).account.byId({ accountId: id });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }

  const { account, debtor, creditor, assignee, ledger } = detail;
  const currency = account.currency;
  const mayNote = can({ actor: { type: "staff", userId: staff.userId, role: staff.role } }, "account.note");
  const timeline = buildTimeline(detail);
  const debtorName = `${debtor.firstName} ${debtor.lastName}`;
  const flags = [
    debtor.attorneyRepresented && "Attorney represented",
    debtor.bankruptcy && "Bankruptcy",
    debtor.deceased && "Deceased",
    debtor.servicemember && "Servicemember",
    debtor.vulnerable && "Vulnerable",
  ].filter((f): f is string => Boolean(f));
  const ledgerTotals = ledger.reduce(
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
      />

      <Card className="py-4">
        <CardContent>
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
            <Fact label="Status">
              <StatusBadge status={account.status} />
            </Fact>
            <Fact label="Days past due">
              <span className="flex items-center gap-2">
                <span className="tabular-nums">{account.dpd.toLocaleString("en-US")}</span>
                <AgingBadge bucket={account.bucket} />
              </span>
            </Fact>
            <Fact label="Balance">
              <Money minor={account.balanceMinor} currency={currency} className="text-left text-base font-semibold" />
            </Fact>
            <Fact label="Assignee">{assignee ? assignee.name : muted("Unassigned")}</Fact>
            <Fact label="Creditor">
              {creditor.name} <span className="text-muted-foreground">({creditor.code})</span>
            </Fact>
            <Fact label="Original creditor">{account.originalCreditor ?? muted()}</Fact>
          </dl>
        </CardContent>
      </Card>

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
          <SectionTitle>Contact points</SectionTitle>
        </CardHeader>
        <CardContent>
          {detail.contactPoints.length === 0 ? (
            <EmptyState
              title="No contact points"
              description="This debtor has no phone numbers, emails or addresses on file."
            />
          ) : (
            <Table aria-label="Contact points">
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">Kind</TableHead>
                  <TableHead scope="col">Phone type</TableHead>
                  <TableHead scope="col">Value</TableHead>
                  <TableHead scope="col">Time zone</TableHead>
                  <TableHead scope="col">Validity</TableHead>
                  <TableHead scope="col">Consent</TableHead>
                  <TableHead scope="col">Opted out</TableHead>
                  <TableHead scope="col">Source</TableHead>
                  <TableHead scope="col">Primary</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {detail.contactPoints.map((c) => (
                  <TableRow key={c.id}>
                    <TableCell>{humanize(c.kind)}</TableCell>
                    <TableCell>{c.phoneType ? humanize(c.phoneType) : muted()}</TableCell>
                    <TableCell className="font-mono text-xs whitespace-normal">{c.value}</TableCell>
                    <TableCell>{c.timeZone ?? muted()}</TableCell>
                    <TableCell>
                      <Badge
                        variant={
                          c.validity === "valid" ? "success" : c.validity === "invalid" ? "destructive" : "outline"
                        }
                      >
                        {humanize(c.validity)}
                      </Badge>
                    </TableCell>
                    <TableCell>{c.consent === "none" ? muted("None") : humanize(c.consent)}</TableCell>
                    <TableCell>
                      {c.optedOutAt ? (
                        <span className="flex flex-col">
                          <Instant value={c.optedOutAt} />
                          {c.optOutSource ? (
                            <span className="text-xs text-muted-foreground">via {c.optOutSource}</span>
                          ) : null}
                        </span>
                      ) : (
                        muted("No")
                      )}
                    </TableCell>
                    <TableCell>{humanize(c.source)}</TableCell>
                    <TableCell>{c.isPrimary ? <Badge variant="secondary">Primary</Badge> : muted("No")}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

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
                    <Money minor={ledgerTotals.principal} currency={currency} />
                  </TableCell>
                  <TableCell>
                    <Money minor={ledgerTotals.interest} currency={currency} />
                  </TableCell>
                  <TableCell>
                    <Money minor={ledgerTotals.fees} currency={currency} />
                  </TableCell>
                  <TableCell>
                    <Money
                      minor={ledgerTotals.principal + ledgerTotals.interest + ledgerTotals.fees}
                      currency={currency}
                    />
                  </TableCell>
                  <TableCell />
                </TableRow>
              </TableFooter>
            </Table>
          )}
        </CardContent>
      </Card>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <SectionTitle>Timeline</SectionTitle>
            <CardDescription>Changes and notes, newest first. Times are in UTC.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-6">
            {mayNote ? <AddNoteForm accountId={account.id} /> : null}
            {timeline.length === 0 ? (
              <EmptyState
                title="Nothing has happened yet"
                description="Status changes, assignments and notes will appear here."
              />
            ) : (
              <Table aria-label="Timeline">
                <TableHeader>
                  <TableRow>
                    <TableHead scope="col">Time</TableHead>
                    <TableHead scope="col">Who</TableHead>
                    <TableHead scope="col">What</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {timeline.map((entry) => (
                    <TableRow key={entry.key} data-testid="timeline-entry">
                      <TableCell className="align-top text-muted-foreground">
                        <Instant value={entry.at} />
                      </TableCell>
                      <TableCell className="align-top">{entry.who}</TableCell>
                      <TableCell className="align-top whitespace-normal">{entry.what}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>

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
