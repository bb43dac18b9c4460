"use client";

import { ChevronDownIcon, ChevronUpIcon } from "lucide-react";
import { useCallback, useId, useMemo, useState, type FormEvent } from "react";
import { STATUS_LABELS } from "@/components/domain/status-badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import {
  ACCOUNT_STATUSES,
  HOLD_KINDS_FILTER,
  PROMISE_FILTERS,
  type AccountStatus,
  type AccountView,
  type PromiseFilter,
} from "@/server/modules/accounts/accounts.schemas";
import { AGING_BUCKETS, type AgingBucket } from "@/server/modules/accounts/aging";
import { HOLD_KIND_LABELS, type HoldKind } from "@/server/modules/holds/holds.schemas";
import {
  ADVANCED_KEYS,
  dollarsToMinor,
  hasFilters,
  minorToDollars,
  normalizeDays,
  normalizeDollars,
  normalizeQuery,
  normalizeState,
  normalizeTags,
} from "./list-config";
import { useUrlTextField } from "./list-state";

const MULTIPLE = "__multiple__";

export const PROMISE_LABELS: Record<PromiseFilter, string> = {
  none: "No promise",
  pending: "Pending",
  kept: "Kept",
  broken: "Broken",
  cancelled: "Cancelled",
};

type Option = { id: string; name: string; active?: boolean };

const days = (n: number | undefined) => (n === undefined ? "" : String(n));
const toDays = (v: string) => (v === "" ? undefined : Number(v));

/** A range end's normaliser that also refuses a value crossing the other end (as applied in the URL). */
function rangeEnd(normalize: (raw: string) => string | null, side: "min" | "max", other: string) {
  return (raw: string) => {
    const v = normalize(raw);
    if (v === null || v === "" || other === "") return v;
    return (side === "min" ? Number(v) > Number(other) : Number(v) < Number(other)) ? null : v;
  };
}

/** A single-choice select over a multi-valued filter: a list set elsewhere (a saved view, a URL) shows as such. */
function multiValue<T extends string>(values: readonly T[] | undefined): string {
  if (!values?.length) return "";
  return values.length === 1 ? values[0]! : MULTIPLE;
}

export function FilterBar({
  view,
  navigate,
  creditors,
  users,
  canReadUsers,
}: {
  view: AccountView;
  navigate: (change: Partial<AccountView>) => void;
  creditors: Option[];
  users: Option[];
  canReadUsers: boolean;
}) {
  const ids = useId();
  const advancedCount = ADVANCED_KEYS.filter((k) => view[k] !== undefined).length;
  const [showMore, setShowMore] = useState(advancedCount > 0);

  const search = useUrlTextField(view.q ?? "", normalizeQuery, (q) => navigate({ q: q || undefined }));
  const stateField = useUrlTextField(view.state ?? "", normalizeState, (state) =>
    navigate({ state: state || undefined }),
  );
  // Each end of a range is held back (shown invalid) while it would cross the other end already applied, so the
  // list never receives a range the server would refuse.
  const minDpdRule = useMemo(() => rangeEnd(normalizeDays, "min", days(view.maxDpd)), [view.maxDpd]);
  const maxDpdRule = useMemo(() => rangeEnd(normalizeDays, "max", days(view.minDpd)), [view.minDpd]);
  const minContactRule = useMemo(
    () => rangeEnd(normalizeDays, "min", days(view.maxDaysSinceContact)),
    [view.maxDaysSinceContact],
  );
  const maxContactRule = useMemo(
    () => rangeEnd(normalizeDays, "max", days(view.minDaysSinceContact)),
    [view.minDaysSinceContact],
  );
  const minBalanceRule = useMemo(
    () => rangeEnd(normalizeDollars, "min", minorToDollars(view.maxBalance)),
    [view.maxBalance],
  );
  const maxBalanceRule = useMemo(
    () => rangeEnd(normalizeDollars, "max", minorToDollars(view.minBalance)),
    [view.minBalance],
  );
  const minDpd = useUrlTextField(days(view.minDpd), minDpdRule, (v) => navigate({ minDpd: toDays(v) }));
  const maxDpd = useUrlTextField(days(view.maxDpd), maxDpdRule, (v) => navigate({ maxDpd: toDays(v) }));
  const minContact = useUrlTextField(days(view.minDaysSinceContact), minContactRule, (v) =>
    navigate({ minDaysSinceContact: toDays(v) }),
  );
  const maxContact = useUrlTextField(days(view.maxDaysSinceContact), maxContactRule, (v) =>
    navigate({ maxDaysSinceContact: toDays(v) }),
  );
  const minBalance = useUrlTextField(minorToDollars(view.minBalance), minBalanceRule, (v) =>
    navigate({ minBalance: dollarsToMinor(v) }),
  );
  const maxBalance = useUrlTextField(minorToDollars(view.maxBalance), maxBalanceRule, (v) =>
    navigate({ maxBalance: dollarsToMinor(v) }),
  );
  const tags = useUrlTextField((view.tags ?? []).join(", "), normalizeTags, (v) =>
    navigate({ tags: v ? v.split(", ") : undefined }),
  );
  const fields = [search, stateField, minDpd, maxDpd, minContact, maxContact, minBalance, maxBalance, tags];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    for (const f of fields) f.flush();
  };
  const flushOnEnter = useCallback(
    (flush: () => void) => (e: React.KeyboardEvent<HTMLInputElement>) => {
      if (e.key === "Enter") flush();
    },
    [],
  );

  const clearFilters = () =>
    navigate(
      Object.fromEntries(
        (Object.keys(view) as (keyof AccountView)[])
          .filter((k) => k !== "sort" && k !== "dir")
          .map((k) => [k, undefined]),
      ),
    );

  const statusValue = multiValue(view.status);
  const bucketValue = multiValue(view.bucket);
  const promiseValue = multiValue(view.promise);
  const holdValue = typeof view.hasHold === "string" ? view.hasHold : multiValue(view.hasHold);
  const assigneeKnown = !view.assignee || view.assignee === "unassigned" || users.some((u) => u.id === view.assignee);
  const creditorKnown = !view.creditorId || creditors.some((c) => c.id === view.creditorId);

  const rangeError = (
    min: ReturnType<typeof useUrlTextField>,
    max: ReturnType<typeof useUrlTextField>,
    normalize: (raw: string) => string | null,
    what: string,
  ) => {
    const lo = normalize(min.value);
    const hi = normalize(max.value);
    return lo && hi && Number(lo) > Number(hi) ? `${what}: the minimum is above the maximum` : null;
  };
  const dpdError = rangeError(minDpd, maxDpd, normalizeDays, "Days past due");
  const contactError = rangeError(minContact, maxContact, normalizeDays, "Days since last contact");
  const balanceError = rangeError(minBalance, maxBalance, normalizeDollars, "Balance");

  const numberInput = (
    id: string,
    label: string,
    field: ReturnType<typeof useUrlTextField>,
    errorId: string | null,
    placeholder: string,
  ) => (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        inputMode="decimal"
        autoComplete="off"
        placeholder={placeholder}
        value={field.value}
        aria-invalid={field.invalid || errorId ? true : undefined}
        aria-describedby={errorId ?? undefined}
        onChange={(e) => field.setValue(e.target.value)}
        onKeyDown={flushOnEnter(field.flush)}
      />
    </div>
  );

  return (
    <form role="search" aria-label="Filter accounts" onSubmit={onSubmit} className="flex flex-col gap-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-7">
        <div className="flex flex-col gap-1.5 sm:col-span-2 lg:col-span-1 xl:col-span-2">
          <Label htmlFor={`${ids}-q`}>Search</Label>
          <Input
            id={`${ids}-q`}
            type="search"
            placeholder="Name, reference, phone or email"
            value={search.value}
            maxLength={100}
            onChange={(e) => search.setValue(e.target.value)}
            onKeyDown={flushOnEnter(search.flush)}
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
                {view.status!.map((s) => STATUS_LABELS[s]).join(", ")}
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
                {view.bucket!.join(", ")}
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
            value={view.creditorId ?? ""}
            onChange={(e) => navigate({ creditorId: e.target.value || undefined })}
          >
            <option value="">All creditors</option>
            {!creditorKnown ? <option value={view.creditorId}>Selected creditor</option> : null}
            {creditors.map((c) => (
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
            onKeyDown={flushOnEnter(stateField.flush)}
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
            value={view.assignee ?? ""}
            onChange={(e) => navigate({ assignee: e.target.value || undefined })}
          >
            <option value="">Anyone</option>
            <option value="unassigned">Unassigned</option>
            {!assigneeKnown ? <option value={view.assignee}>Selected user</option> : null}
            {canReadUsers
              ? users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                    {u.active === false ? " (deactivated)" : ""}
                  </option>
                ))
              : null}
          </NativeSelect>
        </div>
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="button"
          variant="ghost"
          size="sm"
          aria-expanded={showMore}
          aria-controls={`${ids}-more`}
          onClick={() => setShowMore((o) => !o)}
        >
          {showMore ? <ChevronUpIcon aria-hidden="true" /> : <ChevronDownIcon aria-hidden="true" />}
          More filters
          {advancedCount ? ` (${advancedCount} set)` : ""}
        </Button>
        {hasFilters(view) ? (
          <Button type="button" variant="ghost" size="sm" onClick={clearFilters}>
            Reset filters
          </Button>
        ) : null}
      </div>

      {showMore ? (
        <fieldset id={`${ids}-more`} className="grid gap-3 rounded-lg border p-3 sm:grid-cols-2 lg:grid-cols-4">
          <legend className="sr-only">More filters</legend>
          <div className="grid grid-cols-2 gap-2">
            {numberInput(`${ids}-min-dpd`, "DPD from", minDpd, dpdError ? `${ids}-dpd-error` : null, "0")}
            {numberInput(`${ids}-max-dpd`, "DPD to", maxDpd, dpdError ? `${ids}-dpd-error` : null, "any")}
            {dpdError ? (
              <p id={`${ids}-dpd-error`} role="alert" className="col-span-2 text-sm text-destructive">
                {dpdError}
              </p>
            ) : null}
          </div>
          <div className="grid grid-cols-2 gap-2">
            {numberInput(
              `${ids}-min-balance`,
              "Balance from ($)",
              minBalance,
              balanceError ? `${ids}-balance-error` : null,
              "0",
            )}
            {numberInput(
              `${ids}-max-balance`,
              "Balance to ($)",
              maxBalance,
              balanceError ? `${ids}-balance-error` : null,
              "any",
            )}
            {balanceError ? (
              <p id={`${ids}-balance-error`} role="alert" className="col-span-2 text-sm text-destructive">
                {balanceError}
              </p>
            ) : null}
          </div>
          <div className="grid grid-cols-2 gap-2">
            {numberInput(
              `${ids}-min-contact`,
              "Days since contact from",
              minContact,
              contactError ? `${ids}-contact-error` : null,
              "0",
            )}
            {numberInput(
              `${ids}-max-contact`,
              "Days since contact to",
              maxContact,
              contactError ? `${ids}-contact-error` : null,
              "any",
            )}
            <div className="col-span-2 flex items-center gap-2">
              <Checkbox
                id={`${ids}-never`}
                checked={view.neverContacted ?? false}
                onCheckedChange={(checked) => navigate({ neverContacted: checked === true ? true : undefined })}
              />
              <Label htmlFor={`${ids}-never`} className="font-normal">
                Include never contacted
              </Label>
            </div>
            {contactError ? (
              <p id={`${ids}-contact-error`} role="alert" className="col-span-2 text-sm text-destructive">
                {contactError}
              </p>
            ) : null}
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${ids}-tags`}>Tags (any of)</Label>
            <Input
              id={`${ids}-tags`}
              placeholder="e.g. hardship, skip-trace"
              autoComplete="off"
              value={tags.value}
              aria-invalid={tags.invalid ? true : undefined}
              aria-describedby={`${ids}-tags-hint`}
              onChange={(e) => tags.setValue(e.target.value)}
              onKeyDown={flushOnEnter(tags.flush)}
            />
            <span id={`${ids}-tags-hint`} className={tags.invalid ? "text-sm text-destructive" : "sr-only"}>
              Tags use letters, digits, - and _, separated by commas
            </span>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${ids}-hold`}>Holds</Label>
            <NativeSelect
              id={`${ids}-hold`}
              value={holdValue}
              onChange={(e) => {
                const v = e.target.value;
                if (v === MULTIPLE) return;
                const kind = HOLD_KINDS_FILTER.find((k) => k === v);
                navigate({ hasHold: v === "any" || v === "none" ? v : kind ? [kind] : undefined });
              }}
            >
              <option value="">Any (held or not)</option>
              <option value="any">Has an active hold</option>
              <option value="none">No active hold</option>
              {holdValue === MULTIPLE ? (
                <option value={MULTIPLE} disabled>
                  {(view.hasHold as HoldKind[]).map((k) => HOLD_KIND_LABELS[k]).join(", ")}
                </option>
              ) : null}
              {HOLD_KINDS_FILTER.map((k) => (
                <option key={k} value={k}>
                  Hold: {HOLD_KIND_LABELS[k]}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${ids}-promise`}>Promise</Label>
            <NativeSelect
              id={`${ids}-promise`}
              value={promiseValue}
              onChange={(e) => {
                const v = e.target.value;
                if (v !== MULTIPLE) navigate({ promise: v ? [v as PromiseFilter] : undefined });
              }}
            >
              <option value="">Any</option>
              {promiseValue === MULTIPLE ? (
                <option value={MULTIPLE} disabled>
                  {view.promise!.map((p) => PROMISE_LABELS[p]).join(", ")}
                </option>
              ) : null}
              {PROMISE_FILTERS.map((p) => (
                <option key={p} value={p}>
                  {PROMISE_LABELS[p]}
                </option>
              ))}
            </NativeSelect>
          </div>
        </fieldset>
      ) : null}
    </form>
  );
}
