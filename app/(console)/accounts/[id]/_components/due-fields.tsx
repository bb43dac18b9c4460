"use client";

import { formatInZone } from "@/components/domain/local-time";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { zonedToInstant } from "@/server/modules/tasks/tasks.schemas";
import { describedBy, Field } from "./field";

export type DueState = { date: string; time: string; timeZone: string };

/** Tomorrow at 10:00 in the given zone, as a starting point the user adjusts. */
export function emptyDue(timeZone: string): DueState {
  const tomorrow = new Date(Date.now() + 86_400_000);
  const date = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    tomorrow,
  );
  return { date, time: "10:00", timeZone };
}

/**
 * A due date and time picked on the clock of either the debtor or the agent; the other clock is previewed, so
 * nobody has to do time-zone arithmetic. The server converts (DST included) and refuses skipped times.
 */
export function DueFields({
  idPrefix,
  value,
  onChange,
  debtorZones,
  viewerZone,
  error,
}: {
  idPrefix: string;
  value: DueState;
  onChange: (next: DueState) => void;
  debtorZones: string[];
  viewerZone: string | null;
  error?: string | undefined;
}) {
  const zones = [
    ...debtorZones.map((z) => ({ zone: z, label: `Debtor's time (${z})` })),
    ...(viewerZone && !debtorZones.includes(viewerZone)
      ? [{ zone: viewerZone, label: `My time (${viewerZone})` }]
      : []),
  ];
  if (!zones.some((z) => z.zone === value.timeZone)) zones.push({ zone: value.timeZone, label: value.timeZone });
  const converted = value.date && value.time ? zonedToInstant(value.date, value.time, value.timeZone) : null;
  const others = [...new Set([...debtorZones, ...(viewerZone ? [viewerZone] : [])])].filter(
    (z) => z !== value.timeZone,
  );

  return (
    <div className="flex flex-col gap-2">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id={`${idPrefix}-date`} label="Due date" error={error}>
          <Input
            id={`${idPrefix}-date`}
            type="date"
            value={value.date}
            onChange={(e) => onChange({ ...value, date: e.target.value })}
            {...describedBy(`${idPrefix}-date`, error)}
          />
        </Field>
        <Field id={`${idPrefix}-time`} label="Due time">
          <Input
            id={`${idPrefix}-time`}
            type="time"
            value={value.time}
            onChange={(e) => onChange({ ...value, time: e.target.value })}
          />
        </Field>
        <Field id={`${idPrefix}-zone`} label="On whose clock">
          <NativeSelect
            id={`${idPrefix}-zone`}
            value={value.timeZone}
            onChange={(e) => onChange({ ...value, timeZone: e.target.value })}
          >
            {zones.map((z) => (
              <option key={z.zone} value={z.zone}>
                {z.label}
              </option>
            ))}
          </NativeSelect>
        </Field>
      </div>
      <p className="text-xs text-muted-foreground" aria-live="polite">
        {converted === null
          ? null
          : converted.ok
            ? others.map((z) => `${formatInZone(converted.instant, z)} (${z})`).join(" · ") ||
              formatInZone(converted.instant, value.timeZone)
            : converted.reason === "nonexistent"
              ? "That time does not exist on that day (the clocks skip it for daylight saving time)."
              : "Enter a valid date and time."}
      </p>
    </div>
  );
}
