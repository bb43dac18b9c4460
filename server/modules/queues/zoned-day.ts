/**
 * A person's calendar day in their IANA zone, from Intl alone (no fixed offsets): "contacted today" and "work
 * done today" mean the agent's today, which in New York starts five hours after UTC's.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
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
    partsFormatters.set(timeZone, f);
  }
  return f;
}

/** A zone Intl knows, else UTC: a bad value in users.time_zone must not stop the agent's queue. */
export function safeTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return "UTC";
  try {
    formatterFor(timeZone);
    return timeZone;
  } catch {
    return "UTC";
  }
}

function wallClock(instant: Date, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant))
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  return parts as Record<"year" | "month" | "day" | "hour" | "minute" | "second", number>;
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The local calendar date (YYYY-MM-DD) of `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${String(w.year).padStart(4, "0")}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/**
 * The instant the local day containing `instant` began. Two passes settle the offset on days when it changes;
 * where midnight itself is skipped (a DST jump at 00:00) this is the first instant of the day that exists.
 */
export function startOfLocalDay(instant: Date, timeZone: string): Date {
  const [y, m, d] = localDate(instant, timeZone).split("-").map(Number) as [number, number, number];
  const midnightAsUtc = Date.UTC(y, m - 1, d);
  let guess = midnightAsUtc - offsetAt(new Date(midnightAsUtc), timeZone);
  guess = midnightAsUtc - offsetAt(new Date(guess), timeZone);
  if (localDate(new Date(guess), timeZone) !== localDate(instant, timeZone)) {
    // Skipped midnight: the guess landed on the previous day's last hour; step to the new day's first instant.
    guess += 3_600_000;
  }
  return new Date(guess);
}

/** The agent's day: its date, and the instant it started. */
export function agentDay(now: Date, timeZone: string): { today: string; dayStart: Date } {
  return { today: localDate(now, timeZone), dayStart: startOfLocalDay(now, timeZone) };
}
