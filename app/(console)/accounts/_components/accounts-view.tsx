"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  ArrowDownIcon,
  ArrowUpDownIcon,
  ArrowUpIcon,
  ChevronLeftIcon,
  ChevronRightIcon,
  SearchXIcon,
} from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useId, useRef, useState, useTransition, type FormEvent } from "react";
import { AgingBadge } from "@/components/domain/aging-badge";
import { Money } from "@/components/domain/money";
import { StatusBadge, STATUS_LABELS } from "@/components/domain/status-badge";
import { PageHeader } from "@/components/layout/page-header";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/components/ui/utils";
import {
  ACCOUNT_STATUSES,
  type AccountSort,
  type AccountStatus,
  type ListAccountsInput,
} from "@/server/modules/accounts/accounts.schemas";
import { AGING_BUCKETS, type AgingBucket } from "@/server/modules/accounts/aging";

const MULTIPLE = "__multiple__";

/** Direction a column starts in when first clicked: biggest/oldest first for numbers and dates, A–Z for text. */
const DEFAULT_DIR: Record<AccountSort, "asc" | "desc"> = {
  reference: "asc",
  status: "asc",
  dpd: "desc",
  balance: "desc",
  placed: "desc",
};

/** The URL form of a list input: defaults are left out so links stay short. */
function accountsHref(input: ListAccountsInput): string {
  const sp = new URLSearchParams();
  if (input.q) sp.set("q", input.q);
  for (const s of input.status ?? []) sp.append("status", s);
  for (const b of input.bucket ?? []) sp.append("bucket", b);
  if (input.creditorId) sp.set("creditorId", input.creditorId);
  if (input.state) sp.set("state", input.state);
  if (input.assignee) sp.set("assignee", input.assignee);
  const sort = input.sort ?? "dpd";
  const dir = input.dir ?? "desc";
  if (sort !== "dpd" || dir !== "desc") {
    sp.set("sort", sort);
    sp.set("dir", dir);
  }
  if (input.page && input.page > 1) sp.set("page", String(input.page));
  const qs = sp.toString();
  return qs ? `/accounts?${qs}` : "/accounts";
}

function hasFilters(input: ListAccountsInput): boolean {
  return Boolean(
    input.q || input.status?.length || input.bucket?.length || input.creditorId || input.state || input.assignee,
  );
}

const placedFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  year: "numeric",
  month: "short",
  day: "numeric",
});

/**
 * A text field whose value lives in the URL: typing updates the URL after a pause (or at once on Enter), and a URL
 * change made elsewhere (clearing filters) replaces what is typed, but the URL catching up with our own typing
 * never does.
 */
function useUrlTextField(urlValue: string, normalize: (raw: string) => string | null, push: (value: string) => void) {
  const [value, setValue] = useState(urlValue);
  const pushed = useRef(urlValue);
  const onPush = useEffectEvent((next: string) => {
    pushed.current = next;
    push(next);
  });

  useEffect(() => {
    if (urlValue !== pushed.current) {
      pushed.current = urlValue;
      setValue(urlValue);
    }
  }, [urlValue]);

  useEffect(() => {
    const next = normalize(value);
    if (next === null || next === pushed.current) return;
    const timer = setTimeout(() => onPush(next), 400);
    return () => clearTimeout(timer);
  }, [value, normalize]);

  const flush = () => {
    const next = normalize(value);
    if (next !== null && next !== pushed.current) {
      pushed.current = next;
      push(next);
    }
  };
  return { value, setValue, flush, invalid: normalize(value) === null };
}

const normalizeQuery = (raw: string) => raw.trim().slice(0, 100);
const normalizeState = (raw: string) => {
  const v = raw.trim().toUpperCase();
  return v === "" || /^[A-Z]{2}$/.test(v) ? v : null;
};

export function AccountsView({ input, canReadUsers }: { input: ListAccountsInput; canReadUsers: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [navigating, startTransition] = useTransition();
  const ids = useId();

  const list = useQuery({ ...trpc.account.list.queryOptions(input), placeholderData: keepPreviousData });
  const creditors = useQuery(trpc.dashboard.creditors.queryOptions());
  const users = useQuery({ ...trpc.user.list.queryOptions(), enabled: canReadUsers });

  // Changes made before the server has answered the previous one build on each other, not on a stale prop.
  const latest = useRef(input);
  useEffect(() => {
    latest.current = input;
  }, [input]);

  const navigate = (change: Partial<ListAccountsInput>, resetPage = true) => {
    const next: ListAccountsInput = { ...latest.current, ...change };
    if (resetPage) next.page = 1;
    for (const key of Object.keys(next) as (keyof ListAccountsInput)[]) {
      const v = next[key];
      if (v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) delete next[key];
    }
    latest.current = next;
    startTransition(() => router.replace(accountsHref(next), { scroll: false }));
  };

  const search = useUrlTextField(input.q ?? "", normalizeQuery, (q) => navigate({ q: q || undefined }));
  const stateField = useUrlTextField(input.state ?? "", normalizeState, (state) =>
    navigate({ state: state || undefined }),
  );

  const sort: AccountSort = input.sort ?? "dpd";
  const dir = input.dir ?? "desc";
  const page = input.page ?? 1;

  const clearFilters = () =>
    navigate({
      q: undefined,
      status: undefined,
      bucket: undefined,
      creditorId: undefined,
      state: undefined,
      assignee: undefined,
    });

  const onSort = (column: AccountSort) => {
    const nextDir = sort === column ? (dir === "asc" ? "desc" : "asc") : DEFAULT_DIR[column];
    navigate({ sort: column, dir: nextDir });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    search.flush();
    stateField.flush();
  };

  const statusValue = input.status?.length === 1 ? input.status[0]! : (input.status?.length ?? 0) > 1 ? MULTIPLE : "";
  const bucketValue = input.bucket?.length === 1 ? input.bucket[0]! : (input.bucket?.length ?? 0) > 1 ? MULTIPLE : "";
  const assigneeKnown =
    !input.assignee || input.assignee === "unassigned" || (users.data ?? []).some((u) => u.id === input.assignee);
  const creditorKnown = !input.creditorId || (creditors.data ?? []).some((c) => c.id === input.creditorId);

  const data = list.data;
  const loading = navigating || list.isPlaceholderData || (list.isPending && list.fetchStatus === "fetching");
  const pageSize = data?.pageSize ?? 50;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / pageSize)) : 1;
  const hasPrevious = page > 1;
  const hasNext = data ? (data.totalIsCapped ? data.rows.length === pageSize : page < totalPages) : false;
  const countText = data
    ? data.totalIsCapped
      ? `${data.total.toLocaleString("en-US")}+ accounts` // the server stops counting at its cap
      : `${data.total.toLocaleString("en-US")} ${data.total === 1 ? "account" : "accounts"}`
    : "";

  const sortHead = (column: AccountSort, label: string, numeric = false) => {
    const active = sort === column;
    const Icon = !active ? ArrowUpDownIcon : dir === "asc" ? ArrowUpIcon : ArrowDownIcon;
    return (
      <TableHead
        key={column}
        scope="col"
        aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}
        className={cn(numeric && "text-right")}
      >
        <button
          type="button"
          onClick={() => onSort(column)}
          className={cn(
            "-mx-1 inline-flex items-center gap-1 rounded-sm px-1 py-0.5 font-medium outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
            !active && "text-muted-foreground",
          )}
        >
          {label}
          <Icon className={cn("size-3.5", !active && "opacity-50")} aria-hidden="true" />
          <span className="sr-only">
            {active ? `, sorted ${dir === "asc" ? "ascending" : "descending"}; select to reverse` : ", select to sort"}
          </span>
        </button>
      </TableHead>
    );
  };

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Accounts" description="Search, filter and sort the accounts placed with your organization." />

      <form
        role="search"
        aria-label="Filter accounts"
        onSubmit={onSubmit}
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-7"
      >
        <div className="flex flex-col gap-1.5 sm:col-span-2 lg:col-span-1 xl:col-span-2">
          <Label htmlFor={`${ids}-q`}>Search</Label>
          <Input
            id={`${ids}-q`}
            type="search"
            placeholder="Reference or debtor last name"
            value={search.value}
            maxLength={100}
            onChange={(e) => search.setValue(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") search.flush();
            }}
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${ids}-status`}>Status</Label>
          <NativeSelect
            id={`${ids}-status`}
            value={statusValue}
            onChange={(e) => {
              const v = e.target.value;
              if (v !== MULTIPLE) navigate({ status: v ? [v as AccountStatus] : undefined });
            }}
          >
            <option value="">All statuses</option>
            {statusValue === MULTIPLE ? (
              <option value={MULTIPLE} disabled>
                {input.status!.map((s) => STATUS_LABELS[s]).join(", ")}
              </option>
            ) : null}
            {ACCOUNT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${ids}-bucket`}>Aging bucket</Label>
          <NativeSelect
            id={`${ids}-bucket`}
            value={bucketValue}
            onChange={(e) => {
              const v = e.target.value;
              if (v !== MULTIPLE) navigate({ bucket: v ? [v as AgingBucket] : undefined });
            }}
          >
            <option value="">All buckets</option>
            {bucketValue === MULTIPLE ? (
              <option value={MULTIPLE} disabled>
                {input.bucket!.join(", ")}
              </option>
            ) : null}
            {AGING_BUCKETS.map((b) => (
              <option key={b.key} value={b.key}>
                {b.label}
                {b.key === "current" ? "" : " days"}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${ids}-creditor`}>Creditor</Label>
          <NativeSelect
            id={`${ids}-creditor`}
            value={input.creditorId ?? ""}
            onChange={(e) => navigate({ creditorId: e.target.value || undefined })}
          >
            <option value="">All creditors</option>
            {!creditorKnown ? <option value={input.creditorId}>Selected creditor</option> : null}
            {(creditors.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${ids}-state`}>State</Label>
          <Input
            id={`${ids}-state`}
            placeholder="e.g. CA"
            autoComplete="off"
            maxLength={2}
            value={stateField.value}
            aria-invalid={stateField.invalid && stateField.value.trim().length === 2 ? true : undefined}
            aria-describedby={`${ids}-state-hint`}
            onChange={(e) => stateField.setValue(e.target.value.toUpperCase())}
            onKeyDown={(e) => {
              if (e.key === "Enter") stateField.flush();
            }}
            className="uppercase placeholder:normal-case"
          />
          <span id={`${ids}-state-hint`} className="sr-only">
            Two-letter state code
          </span>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${ids}-assignee`}>Assignee</Label>
          <NativeSelect
            id={`${ids}-assignee`}
            value={input.assignee ?? ""}
            onChange={(e) => navigate({ assignee: e.target.value || undefined })}
          >
            <option value="">Anyone</option>
            <option value="unassigned">Unassigned</option>
            {!assigneeKnown ? <option value={input.assignee}>Selected user</option> : null}
            {canReadUsers
              ? (users.data ?? []).map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                    {u.active ? "" : " (deactivated)"}
                  </option>
                ))
              : null}
          </NativeSelect>
        </div>
        {hasFilters(input) ? (
          <div className="flex items-end sm:col-span-2 lg:col-span-3 xl:col-span-7">
            <Button type="button" variant="ghost" size="sm" onClick={clearFilters}>
              Reset filters
            </Button>
          </div>
        ) : null}
      </form>

      {list.isError && !data ? (
        <Alert variant="destructive">
          <AlertTitle>Accounts could not be loaded</AlertTitle>
          <AlertDescription>{list.error.message}</AlertDescription>
        </Alert>
      ) : null}

      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted-foreground">
        <p aria-live="polite" data-testid="accounts-count">
          {countText}
        </p>
        {loading ? <Spinner label="Loading accounts" /> : null}
      </div>

      {data && data.rows.length === 0 && !loading ? (
        data.total > 0 && page > 1 ? (
          <EmptyState
            icon={SearchXIcon}
            title="No accounts on this page"
            description={`There are only ${totalPages.toLocaleString("en-US")} pages.`}
            action={
              <Button variant="outline" onClick={() => navigate({}, true)}>
                Go to the first page
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={SearchXIcon}
            title="No accounts match these filters"
            description="Try a different search or fewer filters."
            action={
              <Button variant="outline" onClick={clearFilters}>
                Clear filters
              </Button>
            }
          />
        )
      ) : (
        <div className="rounded-lg border" aria-busy={loading || undefined}>
          <Table aria-label="Accounts">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                {sortHead("reference", "Reference")}
                <TableHead scope="col">Debtor</TableHead>
                <TableHead scope="col">Creditor</TableHead>
                {sortHead("status", "Status")}
                {sortHead("dpd", "DPD", true)}
                <TableHead scope="col">Bucket</TableHead>
                {sortHead("balance", "Balance", true)}
                {sortHead("placed", "Placed")}
                <TableHead scope="col">State</TableHead>
                <TableHead scope="col">Assignee</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {loading || (!data && !list.isError)
                ? Array.from({ length: Math.min(Math.max(data?.rows.length ?? 10, 5), 15) }, (_, i) => (
                    <TableRow key={i} data-testid="skeleton-row">
                      {Array.from({ length: 10 }, (_, j) => (
                        <TableCell key={j}>
                          <Skeleton className="h-4 w-full min-w-12" />
                        </TableCell>
                      ))}
                    </TableRow>
                  ))
                : (data?.rows ?? []).map((row) => (
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
                      <TableCell className="max-w-48 truncate" title={row.creditorName}>
                        {row.creditorName}
                      </TableCell>
                      <TableCell>
                        <StatusBadge status={row.status} />
                      </TableCell>
                      <TableCell className="text-right tabular-nums">{row.dpd.toLocaleString("en-US")}</TableCell>
                      <TableCell>
                        <AgingBadge bucket={row.bucket} />
                      </TableCell>
                      <TableCell>
                        <Money minor={row.balanceMinor} currency={row.currency} />
                      </TableCell>
                      <TableCell title={`${new Date(row.placedAt).toLocaleString("en-US", { timeZone: "UTC" })} UTC`}>
                        {placedFormat.format(new Date(row.placedAt))}
                      </TableCell>
                      <TableCell>{row.state ?? <span className="text-muted-foreground">—</span>}</TableCell>
                      <TableCell>
                        {row.assigneeName ?? <span className="text-muted-foreground">Unassigned</span>}
                      </TableCell>
                    </TableRow>
                  ))}
            </TableBody>
          </Table>
        </div>
      )}

      {data && data.total > 0 ? (
        <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-muted-foreground" data-testid="accounts-page">
            Page {page.toLocaleString("en-US")} of {totalPages.toLocaleString("en-US")}
            {data.totalIsCapped ? "+" : ""}
          </p>
          <div className="flex gap-2">
            <Button
              variant="outline"
              size="sm"
              disabled={!hasPrevious || navigating}
              onClick={() => navigate({ page: page - 1 }, false)}
            >
              <ChevronLeftIcon aria-hidden="true" />
              Previous
            </Button>
            <Button
              variant="outline"
              size="sm"
              disabled={!hasNext || navigating}
              onClick={() => navigate({ page: page + 1 }, false)}
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
