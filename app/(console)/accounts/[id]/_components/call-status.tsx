"use client";

import { formatInZone } from "@/components/domain/local-time";
import { Badge } from "@/components/ui/badge";

export type CallStatusEntry = {
  contactPointId: string;
  decision: "allow" | "warn" | "block";
  rules: string[];
  reasons: { rule: string; severity: "block" | "warn"; message: string }[];
  nextAllowedAt: Date | null;
  zones: string[];
};

/**
 * Whether an agent may call this number now, as the compliance gate says: allowed, allowed with warnings, or
 * blocked — with why, and until when in the agent's own time and the debtor's zones when time alone lifts it.
 */
export function CallStatus({ status }: { status: CallStatusEntry | undefined }) {
  if (!status) return <span className="text-muted-foreground">—</span>;
  const blocking = status.reasons.filter((r) => r.severity === "block");
  const warnings = status.reasons.filter((r) => r.severity === "warn");
  if (status.decision === "block") {
    const until = status.nextAllowedAt ? new Date(status.nextAllowedAt) : null;
    const ownZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return (
      <span className="flex flex-col gap-1" data-testid="call-status" data-decision="block">
        <Badge variant="destructive" className="w-fit">
          {until ? "Blocked until" : "Blocked"}
        </Badge>
        {until ? (
          <span className="text-xs">
            <time dateTime={until.toISOString()} suppressHydrationWarning>
              {formatInZone(until, ownZone)}
            </time>{" "}
            <span className="text-muted-foreground">your time</span>
            {status.zones.map((zone) => (
              <span key={zone} className="block text-muted-foreground">
                {formatInZone(until, zone)} ({zone})
              </span>
            ))}
          </span>
        ) : (
          <span className="text-xs text-muted-foreground">Until someone changes the facts (a hold, an opt-out)</span>
        )}
        <ul className="text-xs">
          {blocking.slice(0, 3).map((r) => (
            <li key={`${r.rule}:${r.message}`}>
              <span className="font-medium">{r.rule}</span> {r.message}
            </li>
          ))}
          {blocking.length > 3 ? <li className="text-muted-foreground">and {blocking.length - 3} more</li> : null}
        </ul>
      </span>
    );
  }
  return (
    <span className="flex flex-col gap-1" data-testid="call-status" data-decision={status.decision}>
      <Badge variant={status.decision === "warn" ? "warning" : "success"} className="w-fit">
        {status.decision === "warn" ? "Allowed, with warnings" : "Call allowed now"}
      </Badge>
      {warnings.length ? (
        <ul className="text-xs text-muted-foreground">
          {warnings.map((r) => (
            <li key={`${r.rule}:${r.message}`}>
              <span className="font-medium">{r.rule}</span> {r.message}
            </li>
          ))}
        </ul>
      ) : null}
    </span>
  );
}
