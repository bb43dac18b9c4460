/**
 * "No more than N in any W consecutive days" over calendar days (DD-1): Reg F's 7-in-7, Massachusetts' 2-in-7
 * and 2-in-30, Washington's 3 a week, New York City's 3 in 7. A proposed contact on day `d` is refused when
 * some window of W consecutive days that contains `d` already holds `limit` counted contacts (the reference
 * algorithm of the catalogue: every window [d−W+1+k, d+k], so calls already scheduled later count too).
 */

/** Whether one more contact on `day` would exceed `limit` in some window of `span` days containing it. */
export function overLimit(days: readonly number[], day: number, span: number, limit: number): boolean {
  for (let k = 0; k < span; k++) {
    const lo = day - span + 1 + k;
    const hi = day + k;
    let n = 0;
    for (const d of days) if (d >= lo && d <= hi) n++;
    if (n + 1 > limit) return true;
  }
  return false;
}

/** The first day after `day` on which one more contact fits, looking as far as the contacts reach. */
export function nextFreeDay(days: readonly number[], day: number, span: number, limit: number): number {
  const last = days.length ? Math.max(...days) : day;
  for (let d = day + 1; d <= Math.max(day, last) + span + 1; d++) if (!overLimit(days, d, span, limit)) return d;
  return Math.max(day, last) + span + 1;
}
