/**
 * Wall-clock time in IANA zones, with no fixed offsets: the offset of a zone is looked up for the instant in
 * question through Intl, so daylight-saving transitions are handled by the platform's tz database. Pure.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The canonical name of an IANA zone (case-insensitive input), or null when it is not one. Offsets such as
 * "+05:00" are refused: a person's zone must follow its daylight-saving rules.
 */
export function canonicalTimeZone(zone: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

type WallTime = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallTimeOf(instantMs: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (negative west of Greenwich). */
export function offsetAt(instant: Date, timeZone: string): number {
  const ms = instant.getTime() - (instant.getTime() % 1000);
  const w = wallTimeOf(ms, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - ms;
}

/** The calendar date (YYYY-MM-DD) an instant falls on in a zone. */
export function localDate(instant: Date, timeZone: string): string {
  const w = wallTimeOf(instant.getTime(), timeZone);
  return `${String(w.year).padStart(4, "0")}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

export type ZonedResult =
  { ok: true; instant: Date } | { ok: false; reason: "invalid_zone" | "invalid_date" | "invalid_time" | "nonexistent" };

/**
 * The instant at which the clocks of `timeZone` show `date` `time`. In the autumn overlap (the hour that occurs
 * twice) the earlier instant is chosen, as a person would expect of "1:30" on that night. In the spring gap the
 * time does not exist: `gap: "reject"` says so, `gap: "later"` moves forward by the gap (02:30 → 03:30), which
 * is what day boundaries need (a midnight that a transition skips starts the day at 01:00).
 */
export function zonedToInstant(
  date: string,
  time: string,
  timeZone: string,
  gap: "reject" | "later" = "reject",
): ZonedResult {
  const zone = canonicalTimeZone(timeZone);
  if (!zone) return { ok: false, reason: "invalid_zone" };
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d) return { ok: false, reason: "invalid_date" };
  if (!t) return { ok: false, reason: "invalid_time" };
  const [year, month, day, hour, minute] = [+d[1]!, +d[2]!, +d[3]!, +t[1]!, +t[2]!];
  if (hour > 23 || minute > 59) return { ok: false, reason: "invalid_time" };
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return { ok: false, reason: "invalid_date" };
  }

  // A transition changes the offset by at most a few hours; the offsets a day either side bracket it.
  const DAY = 86_400_000;
  const before = offsetAt(new Date(asUtc - DAY), zone);
  const after = offsetAt(new Date(asUtc + DAY), zone);
  const candidates = [...new Set([asUtc - before, asUtc - after])]
    .filter((ms) => {
      const w = wallTimeOf(ms, zone);
      return w.year === year && w.month === month && w.day === day && w.hour === hour && w.minute === minute;
    })
    .sort((a, b) => a - b);
  if (candidates.length > 0) return { ok: true, instant: new Date(candidates[0]!) };
  if (gap === "reject") return { ok: false, reason: "nonexistent" };
  // In the gap, read the wall time with the offset in force before the transition: it lands after it.
  return { ok: true, instant: new Date(asUtc - before) };
}

/** The first instant of the calendar day after the one `instant` falls on, in `timeZone`. */
export function startOfNextLocalDay(instant: Date, timeZone: string): Date {
  const today = localDate(instant, timeZone);
  const next = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const result = zonedToInstant(next, "00:00", timeZone, "later");
  if (!result.ok) throw new RangeError(`Cannot compute the next day in ${timeZone}`);
  return result.instant;
}

/** A human sentence for a failed conversion, naming the zone and the date. */
export function zonedErrorMessage(
  reason: Exclude<ZonedResult, { ok: true }>["reason"],
  date: string,
  time: string,
  zone: string,
): string {
  switch (reason) {
    case "invalid_zone":
      return `"${zone}" is not a time zone; use an IANA name such as America/Chicago`;
    case "invalid_date":
      return `"${date}" is not a date (YYYY-MM-DD)`;
    case "invalid_time":
      return `"${time}" is not a time of day (HH:MM, 24-hour)`;
    case "nonexistent":
      return `${time} does not exist on ${date} in ${zone}: the clocks skip that hour for daylight saving time; pick another time`;
  }
}
