/**
 * Civil-date arithmetic and the federal holiday calendar used by the Regulation F deadlines (VAL-03, MA-05).
 *
 * Dates are "YYYY-MM-DD" strings with no time or zone: a deadline such as "30 days after receipt" is a count of
 * calendar days, so the machine's local time zone must never shift a date. Every computation goes through a
 * day number (days since 1970-01-01) obtained with Date.UTC, which has no daylight-saving gaps.
 */

/** A calendar date, "YYYY-MM-DD" (proleptic Gregorian, years 0000–9999). */
export type PlainDate = string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type DayOfWeek = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type FederalHoliday = {
  /** The day fixed by 5 U.S.C. 6103(a). */
  date: PlainDate;
  /** The name as written in 5 U.S.C. 6103(a). */
  name: string;
  /** Present only when the holiday falls on a weekend: the Friday before or the Monday after (6103(b)). */
  observed?: PlainDate;
};

const MS_PER_DAY = 86_400_000;
// Date.UTC reads years 0–99 as 1900–1999. Shifting by one 400-year Gregorian cycle (exactly 146 097 days, and
// the same weekdays) keeps every supported year above 99 without changing the arithmetic.
const CYCLE_YEARS = 400;
const CYCLE_DAYS = 146_097;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

type Civil = { year: number; month: number; day: number };

function parse(date: PlainDate): Civil {
  const m = typeof date === "string" ? DATE_PATTERN.exec(date) : null;
  if (!m) throw new RangeError(`not a calendar date: ${JSON.stringify(date)} (expected "YYYY-MM-DD")`);
  const civil = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (civil.month < 1 || civil.month > 12 || civil.day < 1 || civil.day > daysInMonth(civil.year, civil.month))
    throw new RangeError(`not a calendar date: ${JSON.stringify(date)} (no such day)`);
  return civil;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year + CYCLE_YEARS, month, 0)).getUTCDate();
}

function dayNumberOf(year: number, month: number, day: number): number {
  return Date.UTC(year + CYCLE_YEARS, month - 1, day) / MS_PER_DAY - CYCLE_DAYS;
}

function toDayNumber(date: PlainDate): number {
  const { year, month, day } = parse(date);
  return dayNumberOf(year, month, day);
}

function fromDayNumber(n: number): PlainDate {
  const d = new Date((n + CYCLE_DAYS) * MS_PER_DAY);
  const year = d.getUTCFullYear() - CYCLE_YEARS;
  if (year < 0 || year > 9999) throw new RangeError(`date out of range: day ${n} is outside years 0000–9999`);
  const pad = (v: number, width: number) => String(v).padStart(width, "0");
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

function requireInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be an integer, got ${String(value)}`);
}

/** Throws a RangeError naming the value unless `date` is a real "YYYY-MM-DD" date. */
export function assertPlainDate(date: PlainDate): void {
  parse(date);
}

/** Whether `date` is a real "YYYY-MM-DD" date ("2026-02-30" is not). */
export function isPlainDate(date: unknown): date is PlainDate {
  if (typeof date !== "string") return false;
  try {
    parse(date);
    return true;
  } catch {
    return false;
  }
}

/** The date `n` calendar days after `date` (before it when `n` is negative). */
export function addDays(date: PlainDate, n: number): PlainDate {
  requireInteger(n, "the number of days");
  return fromDayNumber(toDayNumber(date) + n);
}

/** `b − a` in whole days: positive when `b` is later. */
export function daysBetween(a: PlainDate, b: PlainDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** ISO weekday of `date`: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(date: PlainDate): DayOfWeek {
  return weekdayOfDayNumber(toDayNumber(date));
}

function weekdayOfDayNumber(n: number): DayOfWeek {
  // Day 0, 1970-01-01, was a Thursday (4).
  return (((((n + 3) % 7) + 7) % 7) + 1) as DayOfWeek;
}

/** The `nth` (1-based) given weekday of a month, e.g. the 3rd Monday of January. */
function nthWeekday(year: number, month: number, weekday: DayOfWeek, nth: number): number {
  const first = dayNumberOf(year, month, 1);
  return first + ((weekday - weekdayOfDayNumber(first) + 7) % 7) + 7 * (nth - 1);
}

/** The last given weekday of a month, e.g. the last Monday of May. */
function lastWeekday(year: number, month: number, weekday: DayOfWeek): number {
  const last = dayNumberOf(year, month, daysInMonth(year, month));
  return last - ((weekdayOfDayNumber(last) - weekday + 7) % 7);
}

// Juneteenth became a legal public holiday on 17 June 2021 (Pub. L. 117-17); earlier years did not have it.
const JUNETEENTH_FROM = 2021;

/**
 * The legal public holidays of 5 U.S.C. 6103(a) in `year`, each with its observed date when it falls on a
 * weekend: 6103(b) (and Executive Order 11582) moves a Saturday holiday to the Friday before and a Sunday one to
 * the Monday after. A Saturday New Year's Day is therefore observed on 31 December of the previous year; it is
 * listed under the year of the holiday itself.
 */
export function federalHolidays(year: number): FederalHoliday[] {
  requireInteger(year, "the year");
  if (year < 1 || year > 9999) throw new RangeError(`year out of range: ${year} (1–9999)`);
  const fixed = (month: number, day: number) => dayNumberOf(year, month, day);
  const days: [number, string][] = [
    [fixed(1, 1), "New Year's Day"],
    [nthWeekday(year, 1, 1, 3), "Birthday of Martin Luther King, Jr."],
    [nthWeekday(year, 2, 1, 3), "Washington's Birthday"],
    [lastWeekday(year, 5, 1), "Memorial Day"],
    ...(year >= JUNETEENTH_FROM ? [[fixed(6, 19), "Juneteenth National Independence Day"] as [number, string]] : []),
    [fixed(7, 4), "Independence Day"],
    [nthWeekday(year, 9, 1, 1), "Labor Day"],
    [nthWeekday(year, 10, 1, 2), "Columbus Day"],
    [fixed(11, 11), "Veterans Day"],
    [nthWeekday(year, 11, 4, 4), "Thanksgiving Day"],
    [fixed(12, 25), "Christmas Day"],
  ];
  return days.map(([n, name]) => {
    const weekday = weekdayOfDayNumber(n);
    const shift = weekday === 6 ? -1 : weekday === 7 ? 1 : 0;
    return shift === 0
      ? { date: fromDayNumber(n), name }
      : { date: fromDayNumber(n), name, observed: fromDayNumber(n + shift) };
  });
}

// Deadlines are counted day by day, so each year's holiday dates are worked out once. The memo only saves work:
// the answer for a year never changes, so the functions stay pure as seen from outside.
const excludedByYear = new Map<number, ReadonlySet<PlainDate>>();

function excludedHolidayDates(year: number): ReadonlySet<PlainDate> {
  const known = excludedByYear.get(year);
  if (known) return known;
  const dates = new Set<PlainDate>();
  if (year >= 1 && year <= 9999)
    for (const h of federalHolidays(year)) {
      dates.add(h.date);
      if (h.observed) dates.add(h.observed);
    }
  excludedByYear.set(year, dates);
  return dates;
}

/**
 * Whether `date` is skipped when counting the five days of Reg F 1006.34(b)(5): a Saturday, a Sunday, a legal
 * public holiday of 5 U.S.C. 6103(a), or (DD-7) the Friday/Monday on which such a holiday is observed. Counting
 * the observed day too can only make the assumed receipt later, which the rule allows ("at least five days").
 */
export function isExcludedDay(date: PlainDate): boolean {
  const n = toDayNumber(date);
  if (weekdayOfDayNumber(n) >= 6) return true;
  const { year } = parse(date);
  // Next year's New Year's Day can be observed on 31 December of this one (1 Jan 2022, a Saturday → 31 Dec 2021).
  return excludedHolidayDates(year).has(date) || excludedHolidayDates(year + 1).has(date);
}

/** The date `n` non-excluded days after `date` (see isExcludedDay); `n = 0` returns `date` unchanged. */
export function addBusinessDays(date: PlainDate, n: number): PlainDate {
  requireInteger(n, "the number of business days");
  if (n < 0) throw new RangeError(`the number of business days must not be negative, got ${n}`);
  let current = date;
  assertPlainDate(current);
  for (let counted = 0; counted < n;) {
    current = addDays(current, 1);
    if (!isExcludedDay(current)) counted++;
  }
  return current;
}
