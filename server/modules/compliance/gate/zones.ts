/**
 * Wall-clock time in IANA zones, fast enough for the gate to convert every event of a history in every
 * candidate zone (ENG-07: the tz database through Intl, never a stored fixed offset).
 *
 * Intl is slow (microseconds per call), so offsets are cached per zone and UTC day: on a day without a
 * transition one offset serves every instant; on a transition day the change instant is found once, to the
 * second, by bisection. Results are the same whatever the server's own time zone is.
 */
import type { Instant, PlainDate } from "./types";

export const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

type DayOffsets = { start: number; change?: number; after: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetsByZone = new Map<string, Map<number, DayOffsets>>();
/** A long-running server sees a bounded number of distinct days; start again rather than grow without end. */
const MAX_CACHED_DAYS_PER_ZONE = 20_000;

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    // Throws RangeError for a zone Intl does not know: the caller fails closed on it.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, f);
  }
  return f;
}

export function isKnownZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at `t`, in ms, straight from Intl. */
function intlOffset(zone: string, t: Instant): number {
  let y = 0,
    mo = 0,
    d = 0,
    h = 0,
    mi = 0,
    s = 0;
  for (const p of formatterFor(zone).formatToParts(t)) {
    switch (p.type) {
      case "year":
        y = Number(p.value);
        break;
      case "month":
        mo = Number(p.value);
        break;
      case "day":
        d = Number(p.value);
        break;
      case "hour":
        h = Number(p.value);
        break;
      case "minute":
        mi = Number(p.value);
        break;
      case "second":
        s = Number(p.value);
        break;
    }
  }
  const second = Math.floor(t / 1000) * 1000;
  return Date.UTC(y, mo - 1, d, h, mi, s) - second;
}

function dayOffsets(zone: string, utcDay: number): DayOffsets {
  let days = offsetsByZone.get(zone);
  if (!days) {
    days = new Map();
    offsetsByZone.set(zone, days);
  }
  let entry = days.get(utcDay);
  if (!entry) {
    const from = utcDay * MS_PER_DAY;
    const start = intlOffset(zone, from);
    const after = intlOffset(zone, from + MS_PER_DAY - 1000);
    entry = { start, after };
    if (after !== start) {
      // The first second with the new offset.
      let lo = from;
      let hi = from + MS_PER_DAY - 1000;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (intlOffset(zone, mid) === start) lo = mid;
        else hi = mid;
      }
      entry.change = hi;
    }
    if (days.size >= MAX_CACHED_DAYS_PER_ZONE) days.clear();
    days.set(utcDay, entry);
  }
  return entry;
}

/** How far the zone's wall clock is ahead of UTC at `t`, in ms (negative west of Greenwich). */
export function offsetAt(zone: string, t: Instant): number {
  const e = dayOffsets(zone, Math.floor(t / MS_PER_DAY));
  return e.change !== undefined && t >= e.change ? e.after : e.start;
}

/** The local wall clock at `t` written as if it were UTC: its day and time of day read off directly. */
export function wallClock(zone: string, t: Instant): number {
  return t + offsetAt(zone, t);
}

/** The local calendar day of `t` as a day number (days since 1970-01-01). */
export function localDay(zone: string, t: Instant): number {
  return Math.floor(wallClock(zone, t) / MS_PER_DAY);
}

/** Milliseconds since local midnight at `t`. */
export function localTimeOfDay(zone: string, t: Instant): number {
  const w = wallClock(zone, t);
  return w - Math.floor(w / MS_PER_DAY) * MS_PER_DAY;
}

/** 1 = Monday … 7 = Sunday, of a day number. */
export function weekday(day: number): number {
  // 1970-01-01 was a Thursday.
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * The instant the local wall clock in `zone` reads `msOfDay` on `day`. A wall time skipped by a DST jump is
 * taken as the same duration after the jump (02:30 on a spring-forward day is 03:30); a repeated one is its
 * first occurrence.
 */
export function zonedInstant(zone: string, day: number, msOfDay: number): Instant {
  const wall = day * MS_PER_DAY + msOfDay;
  // The offset is within a day of UTC everywhere: try the offsets around the guess and keep an exact match.
  const guess = wall - offsetAt(zone, wall);
  const candidates = [guess, wall - offsetAt(zone, guess), wall - offsetAt(zone, guess - 3 * MS_PER_HOUR)];
  const exact = candidates.filter((c) => wallClock(zone, c) === wall).sort((a, b) => a - b);
  if (exact.length) return exact[0]!;
  // In a gap: the wall clock jumps from before to after `wall`; keep the offset in force before the jump.
  return wall - offsetAt(zone, guess - 3 * MS_PER_HOUR);
}

export function dayOfDate(date: PlainDate): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Not a date (YYYY-MM-DD): "${date}"`);
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const day = t / MS_PER_DAY;
  if (dateOfDay(day) !== date) throw new RangeError(`No such date: "${date}"`);
  return day;
}

export function dateOfDay(day: number): PlainDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A whole second at or after `t` (decisions report times to the second). */
export function ceilSecond(t: Instant): Instant {
  return Math.ceil(t / 1000) * 1000;
}
