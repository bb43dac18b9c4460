import type { Policy } from "./types";

/** The statutory floor with the catalogue's recommended defaults (FREQ-12, ELEC-09 as warnings). */
export const DEFAULT_POLICY: Policy = {
  unknownLocation: "block",
  frequencyWindow: "calendar",
  maxCallsPerSevenDays: 7,
  callWindowMarginMinutes: { start: 0, end: 0 },
  patterns: "warn",
  minMinutesBetweenCallsToNumber: 240,
  maxConnectedCallsPerDay: 2,
  maxTextsPerDay: 1,
  maxTextsPerWeek: 3,
  designationScope: "all_media",
  tcpaRevokeAll: true,
  electronicSafeHarbor: "block",
  replyWindowMinutes: 60,
  applyFederalToFirstParty: true,
};

/**
 * An organization's policy, made no looser than the law (ENG-04): a setting that would allow what the statute
 * forbids is replaced by the floor and named in `loosened`, so the settings page can say why. Settings that
 * only shape warnings or the organization's own caution stay as given.
 */
export function normalizePolicy(input: Partial<Policy> = {}): { policy: Policy; loosened: string[] } {
  const policy: Policy = {
    ...DEFAULT_POLICY,
    ...input,
    callWindowMarginMinutes: { ...DEFAULT_POLICY.callWindowMarginMinutes, ...input.callWindowMarginMinutes },
  };
  const loosened: string[] = [];
  const floor = <K extends keyof Policy>(key: K, ok: boolean, value: Policy[K], why: string) => {
    if (!ok) {
      policy[key] = value;
      loosened.push(why);
    }
  };
  floor(
    "maxCallsPerSevenDays",
    Number.isInteger(policy.maxCallsPerSevenDays) &&
      policy.maxCallsPerSevenDays >= 1 &&
      policy.maxCallsPerSevenDays <= 7,
    7,
    "maxCallsPerSevenDays: Reg F 1006.14(b) allows at most 7 calls in 7 days",
  );
  const m = policy.callWindowMarginMinutes;
  if (!(m.start >= 0 && m.end >= 0 && m.start + m.end < 13 * 60)) {
    policy.callWindowMarginMinutes = { start: Math.max(0, m.start || 0), end: Math.max(0, m.end || 0) };
    if (policy.callWindowMarginMinutes.start + policy.callWindowMarginMinutes.end >= 13 * 60)
      policy.callWindowMarginMinutes = { start: 0, end: 0 };
    loosened.push("callWindowMarginMinutes: margins may narrow 08:00–21:00, never widen it (DD-3)");
  }
  floor(
    "unknownLocation",
    policy.unknownLocation === "block" || policy.unknownLocation === "fifty_state_window",
    "block",
    "unknownLocation: block or the fifty-state window (DD-2)",
  );
  floor(
    "frequencyWindow",
    policy.frequencyWindow === "calendar" || policy.frequencyWindow === "rolling_168h",
    "calendar",
    "frequencyWindow: calendar or rolling_168h (DD-1)",
  );
  floor(
    "replyWindowMinutes",
    policy.replyWindowMinutes >= 0 && policy.replyWindowMinutes <= 24 * 60,
    DEFAULT_POLICY.replyWindowMinutes,
    "replyWindowMinutes: a reply answers a contact, within a day at most",
  );
  return { policy, loosened };
}
