"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { STATUS_LABELS } from "@/components/domain/status-badge";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { ACCOUNT_STATUSES, type AccountFilters, type AccountStatus } from "@/server/modules/accounts/accounts.schemas";
import { AGING_BUCKETS, type AgingBucket } from "@/server/modules/accounts/aging";

/**
 * The filter fields a work queue or a rebalance uses: a subset of the accounts list's filters with the same
 * names and meaning (the server validates them with the list's own schema). Balances are typed in dollars and
 * kept in minor units. `errors` is keyed by filter name (the server's issue path without its prefix).
 */
export type FilterDraft = {
  status: AccountStatus[];
  bucket: AgingBucket[];
  creditorId: string;
  state: string;
  assignee: string;
  minBalance: string;
  maxBalance: string;
  q: string;
};

export const EMPTY_DRAFT: FilterDraft = {
  status: [],
  bucket: [],
  creditorId: "",
  state: "",
  assignee: "",
  minBalance: "",
  maxBalance: "",
  q: "",
};

const dollars = (minor: number | undefined) => (minor === undefined ? "" : String(minor / 100));

export function draftFrom(filters: Partial<AccountFilters> | null | undefined): FilterDraft {
  const f = filters ?? {};
  return {
    status: f.status ?? [],
    bucket: f.bucket ?? [],
    creditorId: f.creditorId ?? "",
    state: f.state ?? "",
    assignee: f.assignee ?? "",
    minBalance: dollars(f.minBalance),
    maxBalance: dollars(f.maxBalance),
    q: f.q ?? "",
  };
}

/** Dollars to minor units; text that is not an amount is passed through as NaN for the server to refuse. */
function toMinor(text: string): number | undefined {
  const t = text.trim().replace(/[$,]/g, "");
  if (!t) return undefined;
  return /^\d+(\.\d{1,2})?$/.test(t) ? Math.round(Number(t) * 100) : Number.NaN;
}

/** Only the fields that are set, so the stored JSON stays as short as a list URL. */
export function filtersFrom(draft: FilterDraft, options: { withAssignee?: boolean } = {}): Partial<AccountFilters> {
  const out: Partial<AccountFilters> = {};
  if (draft.status.length) out.status = draft.status;
  if (draft.bucket.length) out.bucket = draft.bucket;
  if (draft.creditorId) out.creditorId = draft.creditorId;
  if (draft.state.trim()) out.state = draft.state.trim();
  if (options.withAssignee && draft.assignee) out.assignee = draft.assignee;
  const min = toMinor(draft.minBalance);
  const max = toMinor(draft.maxBalance);
  if (min !== undefined) out.minBalance = min;
  if (max !== undefined) out.maxBalance = max;
  if (draft.q.trim()) out.q = draft.q.trim();
  return out;
}

/** Problems the form can name before asking the server (amounts that are not amounts). */
export function draftErrors(draft: FilterDraft): Partial<Record<keyof FilterDraft, string>> {
  const errors: Partial<Record<keyof FilterDraft, string>> = {};
  for (const key of ["minBalance", "maxBalance"] as const)
    if (Number.isNaN(toMinor(draft[key]))) errors[key] = "Enter an amount in dollars, e.g. 1250 or 1,250.00";
  return errors;
}

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

export function AccountFilterFields({
  value,
  onChange,
  errors = {},
  assignees,
}: {
  value: FilterDraft;
  onChange: (next: FilterDraft) => void;
  errors?: Partial<Record<keyof FilterDraft, string>>;
  /** When given, an assignee field is shown with these people. */
  assignees?: { id: string; name: string }[];
}) {
  const id = useId();
  const trpc = useTRPC();
  const creditors = useQuery(trpc.dashboard.creditors.queryOptions());
  const set = <K extends keyof FilterDraft>(key: K, v: FilterDraft[K]) => onChange({ ...value, [key]: v });
  const error = (key: keyof FilterDraft) =>
    errors[key] ? (
      <p id={`${id}-${key}-error`} className="text-sm text-destructive">
        {errors[key]}
      </p>
    ) : null;
  const described = (key: keyof FilterDraft) => ({
    "aria-invalid": errors[key] ? true : undefined,
    "aria-describedby": errors[key] ? `${id}-${key}-error` : undefined,
  });

  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <fieldset className="flex flex-col gap-2 sm:col-span-2">
        <legend className="mb-1 text-sm font-medium">Status</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {ACCOUNT_STATUSES.map((s) => (
            <div key={s} className="flex items-center gap-2">
              <Checkbox
                id={`${id}-status-${s}`}
                checked={value.status.includes(s)}
                onCheckedChange={(on) => set("status", toggle(value.status, s, on === true))}
              />
              <Label htmlFor={`${id}-status-${s}`} className="font-normal">
                {STATUS_LABELS[s]}
              </Label>
            </div>
          ))}
        </div>
        {error("status")}
      </fieldset>
      <fieldset className="flex flex-col gap-2 sm:col-span-2">
        <legend className="mb-1 text-sm font-medium">Aging bucket</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {AGING_BUCKETS.map((b) => (
            <div key={b.key} className="flex items-center gap-2">
              <Checkbox
                id={`${id}-bucket-${b.key}`}
                checked={value.bucket.includes(b.key)}
                onCheckedChange={(on) => set("bucket", toggle(value.bucket, b.key, on === true))}
              />
              <Label htmlFor={`${id}-bucket-${b.key}`} className="font-normal">
                {b.label}
                {b.key === "current" ? "" : " days"}
              </Label>
            </div>
          ))}
        </div>
        {error("bucket")}
      </fieldset>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-creditor`}>Creditor</Label>
        <NativeSelect
          id={`${id}-creditor`}
          value={value.creditorId}
          onChange={(e) => set("creditorId", e.target.value)}
          {...described("creditorId")}
        >
          <option value="">All creditors</option>
          {value.creditorId && !(creditors.data ?? []).some((c) => c.id === value.creditorId) ? (
            <option value={value.creditorId}>Selected creditor</option>
          ) : null}
          {(creditors.data ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </NativeSelect>
        {error("creditorId")}
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-state`}>State</Label>
        <Input
          id={`${id}-state`}
          placeholder="e.g. CA"
          maxLength={2}
          autoComplete="off"
          value={value.state}
          onChange={(e) => set("state", e.target.value.toUpperCase())}
          className="uppercase placeholder:normal-case"
          {...described("state")}
        />
        {error("state")}
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-min`}>Minimum balance ($)</Label>
        <Input
          id={`${id}-min`}
          inputMode="decimal"
          autoComplete="off"
          value={value.minBalance}
          onChange={(e) => set("minBalance", e.target.value)}
          {...described("minBalance")}
        />
        {error("minBalance")}
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-max`}>Maximum balance ($)</Label>
        <Input
          id={`${id}-max`}
          inputMode="decimal"
          autoComplete="off"
          value={value.maxBalance}
          onChange={(e) => set("maxBalance", e.target.value)}
          {...described("maxBalance")}
        />
        {error("maxBalance")}
      </div>
      {assignees ? (
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-assignee`}>Assignee</Label>
          <NativeSelect
            id={`${id}-assignee`}
            value={value.assignee}
            onChange={(e) => set("assignee", e.target.value)}
            {...described("assignee")}
          >
            <option value="">Anyone</option>
            <option value="unassigned">Unassigned</option>
            {assignees.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </NativeSelect>
          {error("assignee")}
        </div>
      ) : null}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-q`}>Search</Label>
        <Input
          id={`${id}-q`}
          placeholder="Reference, name, phone or email"
          maxLength={100}
          value={value.q}
          onChange={(e) => set("q", e.target.value)}
          {...described("q")}
        />
        {error("q")}
      </div>
    </div>
  );
}

/** Server issues (`filters.state: …`) keyed by the field that shows them; the rest are returned separately. */
export function filterErrors(
  issues: { path: string; message: string }[] | undefined,
  prefix = "filters.",
): { fields: Partial<Record<keyof FilterDraft, string>>; other: { path: string; message: string }[] } {
  const fields: Partial<Record<keyof FilterDraft, string>> = {};
  const other: { path: string; message: string }[] = [];
  for (const issue of issues ?? []) {
    const key = (issue.path.startsWith(prefix) ? issue.path.slice(prefix.length) : "").split(
      ".",
    )[0] as keyof FilterDraft;
    if (key && key in EMPTY_DRAFT) fields[key] = fields[key] ? `${fields[key]} ${issue.message}` : issue.message;
    else other.push(issue);
  }
  return { fields, other };
}
