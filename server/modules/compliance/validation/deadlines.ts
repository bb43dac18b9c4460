/**
 * Two more dates the rules fix: how long compliance records are kept (REC-01) and how late a servicemember may
 * still claim the SCRA interest cap (SCRA-02). Pure calendar arithmetic.
 */
import { addDays, assertPlainDate, daysBetween, type PlainDate } from "./calendar";

/** The same month and day `years` later; 29 February becomes 28 February in a common year. */
function addYears(date: PlainDate, years: number): PlainDate {
  assertPlainDate(date);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/**
 * REC-01 (12 CFR 1006.100(a)): records that evidence compliance are kept until three years after the last
 * collection activity on the debt. The lock is inclusive: deletion is allowed from the next day.
 */
export function retentionLock(lastCollectionActivityOn: PlainDate): {
  retainUntil: PlainDate;
  deletableFrom: PlainDate;
} {
  const retainUntil = addYears(lastCollectionActivityOn, 3);
  return { retainUntil, deletableFrom: addDays(retainUntil, 1) };
}

/**
 * SCRA-02 (50 U.S.C. 3937(b)(1)): the servicemember's written notice and orders must be provided no later than
 * 180 days after release from service (release date = day 0); the notice date is when they provided it.
 */
export function scraNotice(input: { releasedOn: PlainDate; noticeOn: PlainDate }): {
  deadlineOn: PlainDate;
  day: number;
  timely: boolean;
} {
  const day = daysBetween(input.releasedOn, input.noticeOn);
  return { deadlineOn: addDays(input.releasedOn, 180), day, timely: day <= 180 };
}
