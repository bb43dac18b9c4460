/**
 * Days past due and aging buckets, defined once. Pure: the SQL filters (list, dashboard, reports) are built
 * from the same table via `dueOnRangeFor`, so a bucket means the same thing in every query and on every page.
 *
 * DPD counts calendar days from the oldest unpaid due date (`accounts.due_on`) to today (UTC date);
 * an account with no unpaid due date, or one not yet due, is current (DPD 0).
 */
export const AGING_BUCKETS = [
  { key: "current", label: "Current", minDpd: 0, maxDpd: 0 },
  { key: "1-30", label: "1–30", minDpd: 1, maxDpd: 30 },
  { key: "31-60", label: "31–60", minDpd: 31, maxDpd: 60 },
  { key: "61-90", label: "61–90", minDpd: 61, maxDpd: 90 },
  { key: "91-120", label: "91–120", minDpd: 91, maxDpd: 120 },
  { key: "121-180", label: "121–180", minDpd: 121, maxDpd: 180 },
  { key: "180+", label: "180+", minDpd: 181, maxDpd: null },
] as const;

export type AgingBucket = (typeof AGING_BUCKETS)[number]["key"];
export const AGING_BUCKET_KEYS = AGING_BUCKETS.map((b) => b.key) as [AgingBucket, ...AgingBucket[]];

const DAY_MS = 86_400_000;

/** The UTC calendar date of an instant, as YYYY-MM-DD. */
export function utcDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return utcDate(new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS));
}

export function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  return Math.round((Date.parse(`${toIsoDate}T00:00:00Z`) - Date.parse(`${fromIsoDate}T00:00:00Z`)) / DAY_MS);
}

export function daysPastDue(dueOn: string | null, today: string): number {
  if (!dueOn) return 0;
  return Math.max(0, daysBetween(dueOn, today));
}

export function bucketOf(dpd: number): AgingBucket {
  for (const b of AGING_BUCKETS) if (dpd >= b.minDpd && (b.maxDpd === null || dpd <= b.maxDpd)) return b.key;
  throw new RangeError(`Negative days past due: ${dpd}`);
}

export function bucketLabel(key: AgingBucket): string {
  return AGING_BUCKETS.find((b) => b.key === key)!.label;
}

/** An inclusive `due_on` range; `orNull` means accounts without a due date belong too. */
export type DueOnRange = { onOrAfter: string | null; onOrBefore: string | null; orNull: boolean };

/**
 * The `due_on` range of the accounts whose days past due on `today` lie in [minDpd, maxDpd] (null: no upper
 * bound), so DPD filters use the due-date indexes instead of computing DPD per row. DPD 0 takes in accounts
 * with no due date and those not yet due.
 */
export function dueOnRangeForDpd(minDpd: number, maxDpd: number | null, today: string): DueOnRange {
  return {
    onOrAfter: maxDpd === null ? null : addDays(today, -maxDpd),
    onOrBefore: minDpd > 0 ? addDays(today, -minDpd) : null,
    orNull: minDpd === 0,
  };
}

/** The `due_on` range that puts an account in `bucket` on `today`. */
export function dueOnRangeFor(bucket: AgingBucket, today: string): DueOnRange {
  const b = AGING_BUCKETS.find((x) => x.key === bucket)!;
  return dueOnRangeForDpd(b.minDpd, b.maxDpd, today);
}
