"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  ArrowDownIcon,
  ArrowUpDownIcon,
  ArrowUpIcon,
  ChevronLeftIcon,
  ChevronRightIcon,
  DownloadIcon,
  SearchXIcon,
} from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { AgingBadge } from "@/components/domain/aging-badge";
import { Money } from "@/components/domain/money";
import { StatusBadge } from "@/components/domain/status-badge";
import { PageHeader } from "@/components/layout/page-header";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/components/ui/utils";
import type { AccountView, EffectivePromiseStatus, ListSort } from "@/server/modules/accounts/accounts.schemas";
import { BulkActions, type Selection } from "./bulk-actions";
import { FilterBar, PROMISE_LABELS } from "./filter-bar";
import { accountsHref, DEFAULT_DIR, exportHref, filtersOf, PAGE_SIZE, type ListPermissions } from "./list-config";
import { SavedViews } from "./saved-views";

const dateFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  year: "numeric",
  month: "short",
  day: "numeric",
});

const PROMISE_VARIANTS: Record<EffectivePromiseStatus, BadgeProps["variant"]> = {
  pending: "secondary",
  kept: "success",
  broken: "destructive",
  cancelled: "outline",
};

const COLUMNS = 13;
const fmt = (n: number) => n.toLocaleString("en-US");

function UtcDate({ value }: { value: Date | string }) {
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()} title={`${date.toLocaleString("en-US", { timeZone: "UTC" })} UTC`}>
      {dateFormat.format(date)}
    </time>
  );
}

/** The selection belongs to one set of filters: changing them (not the page or the order) starts afresh. */
type SelectionState = { key: string; ids: Set<string>; matching: { count: number } | null };

export function AccountsView({ view, permissions }: { view: AccountView; permissions: ListPermissions }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [navigating, startTransition] = useTransition();

  const input = { ...view, pageSize: PAGE_SIZE };
  const list = useQuery({ ...trpc.account.list.queryOptions(input), placeholderData: keepPreviousData });
  const creditors = useQuery(trpc.dashboard.creditors.queryOptions());
  const users = useQuery({ ...trpc.user.list.queryOptions(), enabled: permissions.readUsers });

  // Changes made before the server has answered the previous one build on each other, not on a stale prop.
  const latest = useRef(view);
  useEffect(() => {
    latest.current = view;
  }, [view]);

  const go = (next: AccountView) => {
    latest.current = next;
    startTransition(() => router.replace(accountsHref(next), { scroll: false }));
  };
  const navigate = (change: Partial<AccountView>, resetPage = true) => {
    const next: AccountView = { ...latest.current, ...change };
    if (resetPage) delete next.page;
    for (const key of Object.keys(next) as (keyof AccountView)[]) {
      const v = next[key];
      if (v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) delete next[key];
    }
    go(next);
  };

  const filters = filtersOf(view);
  const selectionKey = JSON.stringify(filters);
  const [selectionState, setSelectionState] = useState<SelectionState>({
    key: selectionKey,
    ids: new Set(),
    matching: null,
  });
  const selection =
    selectionState.key === selectionKey
      ? selectionState
      : { key: selectionKey, ids: new Set<string>(), matching: null };
  const clearSelection = () => setSelectionState({ key: selectionKey, ids: new Set(), matching: null });
  const canBulk = permissions.assign || permissions.tag || permissions.status;
  const [counting, setCounting] = useState(false);

  const data = list.data;
  const rows = data?.rows ?? [];
  const order = data?.order ?? view.sort ?? (view.q ? "relevance" : "dpd");
  const dir = data?.dir ?? view.dir ?? "desc";
  const page = view.page ?? 1;
  const loading = navigating || list.isPlaceholderData || (list.isPending && list.fetchStatus === "fetching");
  const totalPages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const hasNext = data ? (data.totalIsCapped ? rows.length === PAGE_SIZE : page < totalPages) : false;
  const countText = data
    ? data.totalIsCapped
      ? `${fmt(data.total)}+ accounts` // the server stops counting at its cap
      : `${fmt(data.total)} ${data.total === 1 ? "account" : "accounts"}`
    : "";

  const pageIds = rows.map((r) => r.id);
  const allOnPage = pageIds.length > 0 && pageIds.every((id) => selection.ids.has(id));
  const someOnPage = pageIds.some((id) => selection.ids.has(id));
  const current: Selection | null = selection.matching
    ? { kind: "matching", count: selection.matching.count, filters }
    : selection.ids.size
      ? { kind: "ids", ids: [...selection.ids] }
      : null;

  const toggleRow = (id: string, on: boolean) => {
    const ids = new Set(selection.ids);
    if (on) ids.add(id);
    else ids.delete(id);
    setSelectionState({ key: selectionKey, ids, matching: null });
  };
  const togglePage = (on: boolean) => {
    const ids = new Set(selection.ids);
    for (const id of pageIds) {
      if (on) ids.add(id);
      else ids.delete(id);
    }
    setSelectionState({ key: selectionKey, ids, matching: null });
  };
  const selectAllMatching = async () => {
    setCounting(true);
    try {
      const result = await queryClient.fetchQuery({
        ...trpc.account.countMatching.queryOptions(filters),
        staleTime: 0,
      });
      if (result.refusal) toast.error(result.refusal);
      else setSelectionState({ key: selectionKey, ids: new Set(), matching: { count: result.count } });
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "The matching accounts could not be counted");
    } finally {
      setCounting(false);
    }
  };

  const onSort = (column: ListSort) => {
    const nextDir = order === column ? (dir === "asc" ? "desc" : "asc") : DEFAULT_DIR[column];
    navigate({ sort: column, dir: nextDir });
  };

  const sortHead = (column: ListSort, label: string, numeric = false) => {
    const active = order === column;
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
            "-mx-1 inline-flex items-center gap-1 rounded-sm px-1 py-0.5 font-medium whitespace-nowrap outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
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

  const { page: _page, ...definition } = view;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Accounts"
        description="Search, filter and sort the accounts placed with your organization."
        actions={
          <div className="flex flex-wrap gap-2">
            <SavedViews current={definition} permissions={permissions} apply={(v) => go(v)} />
            {permissions.export ? (
              <Button asChild variant="outline" size="sm">
                <a href={exportHref(view)} download>
                  <DownloadIcon aria-hidden="true" />
                  Export CSV
                </a>
              </Button>
            ) : null}
            {permissions.export ? (
              <Button asChild variant="outline" size="sm">
                <a href={exportHref(view, "ledger")} download>
                  <DownloadIcon aria-hidden="true" />
                  Export with ledger
                </a>
              </Button>
            ) : null}
          </div>
        }
      />

      <FilterBar
        view={view}
        navigate={navigate}
        creditors={creditors.data ?? []}
        users={users.data ?? []}
        canReadUsers={permissions.readUsers}
      />

      {list.isError ? (
        <Alert variant="destructive">
          <AlertTitle>Accounts could not be loaded</AlertTitle>
          <AlertDescription>{list.error.message}</AlertDescription>
        </Alert>
      ) : null}

      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted-foreground">
        <p aria-live="polite" data-testid="accounts-count">
          {countText}
          {data?.countTimedOut ? " (too many to count quickly)" : ""}
          {order === "relevance" && data ? " · best matches first" : ""}
          {view.q && view.sort ? (
            <Button
              variant="link"
              size="sm"
              className="h-auto px-2 py-0"
              onClick={() => navigate({ sort: undefined, dir: undefined })}
            >
              Order by best match
            </Button>
          ) : null}
        </p>
        {loading ? <Spinner label="Loading accounts" /> : null}
      </div>

      {canBulk && current ? (
        <BulkActions
          selection={current}
          permissions={permissions}
          users={users.data ?? []}
          onDone={clearSelection}
          onClear={clearSelection}
          onStale={() => {
            clearSelection();
            void queryClient.invalidateQueries();
          }}
        />
      ) : null}

      {canBulk && data && (allOnPage || selection.matching) && (data.total > rows.length || data.totalIsCapped) ? (
        <div className="flex flex-wrap items-center gap-2 rounded-lg border border-dashed px-3 py-2 text-sm">
          {selection.matching ? (
            <>
              <span>All {fmt(selection.matching.count)} matching accounts are selected.</span>
              <Button size="sm" variant="link" onClick={clearSelection}>
                Clear selection
              </Button>
            </>
          ) : (
            <>
              <span>All {fmt(rows.length)} accounts on this page are selected.</span>
              <Button size="sm" variant="link" disabled={counting} onClick={() => void selectAllMatching()}>
                {counting
                  ? "Counting…"
                  : data.totalIsCapped
                    ? "Select all matching accounts"
                    : `Select all ${fmt(data.total)} matching accounts`}
              </Button>
            </>
          )}
        </div>
      ) : null}

      {data && rows.length === 0 && !loading ? (
        data.total > 0 && page > 1 ? (
          <EmptyState
            icon={SearchXIcon}
            title="No accounts on this page"
            description={`There are only ${fmt(totalPages)} pages.`}
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
              <Button
                variant="outline"
                onClick={() => go({ ...(view.sort ? { sort: view.sort, dir: view.dir } : {}) })}
              >
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
                {canBulk ? (
                  <TableHead scope="col" className="w-8">
                    <Checkbox
                      aria-label="Select all accounts on this page"
                      checked={selection.matching || allOnPage ? true : someOnPage ? "indeterminate" : false}
                      disabled={Boolean(selection.matching) || pageIds.length === 0}
                      onCheckedChange={(checked) => togglePage(checked === true)}
                    />
                  </TableHead>
                ) : null}
                {sortHead("reference", "Reference")}
                {sortHead("debtor", "Debtor")}
                <TableHead scope="col">Creditor</TableHead>
                {sortHead("status", "Status")}
                {sortHead("dpd", "DPD", true)}
                <TableHead scope="col">Bucket</TableHead>
                {sortHead("balance", "Balance", true)}
                {sortHead("lastContact", "Last contact")}
                <TableHead scope="col">Promise</TableHead>
                {sortHead("placed", "Placed")}
                <TableHead scope="col">State</TableHead>
                <TableHead scope="col">Assignee</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {loading || (!data && !list.isError)
                ? Array.from({ length: Math.min(Math.max(rows.length || 10, 5), 15) }, (_, i) => (
                    <TableRow key={i} data-testid="skeleton-row">
                      {Array.from({ length: canBulk ? COLUMNS : COLUMNS - 1 }, (_, j) => (
                        <TableCell key={j}>
                          <Skeleton className="h-4 w-full min-w-12" />
                        </TableCell>
                      ))}
                    </TableRow>
                  ))
                : rows.map((row) => (
                    <TableRow key={row.id} data-state={selection.ids.has(row.id) ? "selected" : undefined}>
                      {canBulk ? (
                        <TableCell>
                          <Checkbox
                            aria-label={`Select account ${row.externalRef}`}
                            checked={Boolean(selection.matching) || selection.ids.has(row.id)}
                            disabled={Boolean(selection.matching)}
                            onCheckedChange={(checked) => toggleRow(row.id, checked === true)}
                          />
                        </TableCell>
                      ) : null}
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
                      <TableCell className="text-right tabular-nums">{fmt(row.dpd)}</TableCell>
                      <TableCell>
                        <AgingBadge bucket={row.bucket} />
                      </TableCell>
                      <TableCell>
                        <Money minor={row.balanceMinor} currency={row.currency} />
                      </TableCell>
                      <TableCell className="whitespace-nowrap">
                        {row.lastContactAt ? (
                          <UtcDate value={row.lastContactAt} />
                        ) : (
                          <span className="text-muted-foreground">Never</span>
                        )}
                      </TableCell>
                      <TableCell>
                        {row.promiseStatus ? (
                          <Badge
                            variant={PROMISE_VARIANTS[row.promiseStatus]}
                            title={row.promiseDueOn ? `Due ${row.promiseDueOn}` : undefined}
                          >
                            {PROMISE_LABELS[row.promiseStatus]}
                          </Badge>
                        ) : (
                          <span className="text-muted-foreground">—</span>
                        )}
                      </TableCell>
                      <TableCell className="whitespace-nowrap">
                        <UtcDate value={row.placedAt} />
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
            Page {fmt(page)} of {fmt(totalPages)}
            {data.totalIsCapped ? "+" : ""}
          </p>
          <div className="flex gap-2">
            <Button
              variant="outline"
              size="sm"
              disabled={page <= 1 || navigating}
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
