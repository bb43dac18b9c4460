import type { Decision } from "./gate/types";

/** One sentence for a person: what blocks, and until when if time alone lifts it. */
export function describeBlock(decision: Decision): string {
  const blocking = decision.reasons.filter((r) => r.severity === "block");
  const reasons = [...new Map(blocking.map((r) => [r.message, r])).values()].map((r) => `${r.message} (${r.rule})`);
  const until =
    decision.nextAllowedAt !== undefined
      ? ` Next allowed at ${new Date(decision.nextAllowedAt).toISOString().replace(".000Z", "Z")}.`
      : " Only a change in the facts (a released hold, a new consent) can lift it.";
  return `Blocked by compliance: ${reasons.join("; ")}.${until}`;
}

/** The decision's reasons for display, each rule and message once. */
export function distinctReasons(decision: Decision): { rule: string; severity: "block" | "warn"; message: string }[] {
  const seen = new Map(decision.reasons.map((r) => [`${r.rule}:${r.message}`, r]));
  return [...seen.values()].map((r) => ({ rule: r.rule, severity: r.severity, message: r.message }));
}
