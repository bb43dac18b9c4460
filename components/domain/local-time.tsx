"use client";

import { useEffect, useState } from "react";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, style: "time" | "dateTime"): Intl.DateTimeFormat {
  const key = `${zone}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    f =
      style === "time"
        ? new Intl.DateTimeFormat("en-US", { timeZone: zone, hour: "numeric", minute: "2-digit" })
        : new Intl.DateTimeFormat("en-US", {
            timeZone: zone,
            weekday: "short",
            month: "short",
            day: "numeric",
            hour: "numeric",
            minute: "2-digit",
            timeZoneName: "short",
          });
    formatters.set(key, f);
  }
  return f;
}

/** "2:14 PM" in an IANA zone. */
export function formatClock(at: Date, zone: string): string {
  return formatter(zone, "time").format(at);
}

/** "Wed, Nov 25, 2:00 PM CST" in an IANA zone. */
export function formatInZone(at: Date, zone: string): string {
  return formatter(zone, "dateTime").format(at);
}

/**
 * The debtor's local time now, in every candidate zone (contact points can disagree; compliance respects all
 * of them). Starts from the server's clock so the first render matches, then follows the browser's.
 */
export function DebtorLocalTime({ zones, serverNow }: { zones: string[]; serverNow: Date | string }) {
  const [now, setNow] = useState(() => new Date(serverNow));
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);

  if (zones.length === 0) {
    return <span className="text-muted-foreground">Unknown (no time zone on file)</span>;
  }
  return (
    <span className="flex flex-col gap-0.5" data-testid="debtor-local-time">
      {zones.map((zone) => (
        <span key={zone}>
          <time dateTime={now.toISOString()} suppressHydrationWarning className="font-medium tabular-nums">
            {formatClock(now, zone)}
          </time>{" "}
          <span className="text-muted-foreground">({zone})</span>
        </span>
      ))}
      {zones.length > 1 ? (
        <span className="text-xs text-muted-foreground">Contact points disagree: {zones.length} possible zones</span>
      ) : null}
    </span>
  );
}

/** An instant in a named zone, with the zone shown, e.g. for a task due time. */
export function ZonedInstant({ at, zone, label }: { at: Date | string; zone: string; label?: string }) {
  const date = new Date(at);
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning title={zone}>
      {label ? <span className="text-muted-foreground">{label} </span> : null}
      {formatInZone(date, zone)}
    </time>
  );
}
