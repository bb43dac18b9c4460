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

type Reason = CallStatusEntry["reasons"][number];

/** How many blocking reasons are spelled out under the badge; the rest are counted. */
const SHOWN_REASONS = 2;

function ReasonList({ reasons, className }: { reasons: Reason[]; className?: string }) {
  return (
    <ul className={className}>
      {reasons.map((r) => (
        <li key={`${r.rule}:${r.message}`}>
          <span className="font-medium">{r.rule}</span> {r.message}
        </li>
      ))}
    </ul>
  );
}

function When({ at, zone }: { at: Date; zone: string }) {
  return (
    <time dateTime={at.toISOString()} suppressHydrationWarning>
      {formatInZone(at, zone)}
    </time>
  );
}

/**
 * Whether an agent may call this number now, as the compliance gate says: allowed, allowed with warnings, or
 * blocked — with why, and until when in the agent's own time and the debtor's zones when time alone lifts it.
 */
export function CallStatus({ status, viewerZone }: { status: CallStatusEntry | undefined; viewerZone: string }) {
  if (!status) return <span className="text-muted-foreground">—</span>;
  const blocking = status.reasons.filter((r) => r.severity === "block");
  const warnings = status.reasons.filter((r) => r.severity === "warn");

  if (status.decision === "block") {
    const until = status.nextAllowedAt ? new Date(status.nextAllowedAt) : null;
    return (
      <span className="flex flex-col gap-1" data-testid="call-status" data-decision="block">
        <Badge variant="destructive" className="text-left whitespace-normal">
          {until ? (
            <span>
              Blocked until <When at={until} zone={viewerZone} />
            </span>
          ) : (
            "Blocked"
          )}
        </Badge>
        {until ? (
          <span className="text-xs text-muted-foreground">
            your time
            {status.zones.length ? (
              <>
                {" "}
                ·{" "}
                {status.zones.map((zone, i) => (
                  <span key={zone}>
                    {i > 0 ? "; " : ""}
                    <When at={until} zone={zone} /> ({zone})
                  </span>
                ))}
              </>
            ) : (
              " · the debtor's time zone is unknown"
            )}
          </span>
        ) : (
          <span className="text-xs text-muted-foreground">
            Only a change in the facts (a released hold, a new consent) can lift it
          </span>
        )}
        <ReasonList reasons={blocking.slice(0, SHOWN_REASONS)} className="text-xs" />
        {blocking.length > SHOWN_REASONS ? (
          <details className="text-xs">
            <summary className="cursor-pointer text-muted-foreground">
              {blocking.length - SHOWN_REASONS} more reason{blocking.length - SHOWN_REASONS === 1 ? "" : "s"}
            </summary>
            <ReasonList reasons={blocking.slice(SHOWN_REASONS)} />
          </details>
        ) : null}
      </span>
    );
  }

  return (
    <span className="flex flex-col gap-1" data-testid="call-status" data-decision={status.decision}>
      <Badge variant={status.decision === "warn" ? "warning" : "success"}>
        {status.decision === "warn" ? "Allowed, with warnings" : "Call allowed now"}
      </Badge>
      {warnings.length ? (
        <details className="text-xs">
          <summary className="cursor-pointer text-muted-foreground">
            {warnings.length} warning{warnings.length === 1 ? "" : "s"}
          </summary>
          <ReasonList reasons={warnings} className="mt-1" />
        </details>
      ) : null}
    </span>
  );
}
