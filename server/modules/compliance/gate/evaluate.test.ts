import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { DEFAULT_POLICY, normalizePolicy } from "./policy";
import type { Action, Snapshot } from "./types";

const AT = Date.UTC(2026, 2, 10, 17); // 12:00 in Chicago
const base: Snapshot = {
  regime: "third_party_collector",
  persons: [{ id: "C1", role: "consumer", state: "IL" }],
  contactPoints: [{ id: "cell", personId: "C1", kind: "phone", phoneType: "mobile", timeZone: "America/Chicago" }],
  debts: [{ id: "D1" }],
  history: [],
  consents: [],
  optOuts: [],
  designations: [],
  holds: [],
  disputes: [],
  disclosures: [],
  zones: [],
};
const call: Action = { channel: "call", at: AT, personId: "C1", contactPointId: "cell", debtIds: ["D1"] };

describe("fail closed (DD-5)", () => {
  it("allows an ordinary call, so the blocks below are about what is wrong", () => {
    expect(evaluate(call, base, DEFAULT_POLICY, AT)).toMatchObject({ decision: "allow", rules: [] });
  });

  it.each([
    ["an unknown person", { ...call, personId: "X" }, base, /Unknown person X/],
    ["an unknown debt", { ...call, debtIds: ["D9"] }, base, /Unknown debt D9/],
    ["no debt", { ...call, debtIds: [] }, base, /names no debt/],
    ["a call without a number", { ...call, contactPointId: undefined }, base, /needs the number/],
    ["an email to a phone", { ...call, channel: "email" as const }, base, /needs a email contact point/],
    [
      "an unknown time zone",
      call,
      { ...base, contactPoints: [{ ...base.contactPoints[0]!, timeZone: "Mars/Olympus_Mons" }] },
      /Unknown time zone "Mars\/Olympus_Mons"/,
    ],
    ["an invalid time", { ...call, at: Number.NaN }, base, /no valid time/],
  ])("blocks %s with ENG-02 and says why", (_, action, snapshot, message) => {
    const d = evaluate(action, snapshot, DEFAULT_POLICY, AT);
    expect(d).toMatchObject({ decision: "block", rules: ["ENG-02"] });
    expect(d.reasons[0]!.message).toMatch(message);
    expect(d.nextAllowedAt).toBeUndefined();
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (action, snapshot) => {
        const d = evaluate(action as Action, snapshot as Snapshot, DEFAULT_POLICY, AT);
        expect(d.decision).toBe("block");
      }),
      { numRuns: 300 },
    );
  });
});

describe("organization policy (ENG-04)", () => {
  it("may be stricter than the law, never looser", () => {
    const strict = normalizePolicy({ maxCallsPerSevenDays: 3, callWindowMarginMinutes: { start: 60, end: 30 } });
    expect(strict.loosened).toEqual([]);
    expect(strict.policy).toMatchObject({ maxCallsPerSevenDays: 3, callWindowMarginMinutes: { start: 60, end: 30 } });

    const loose = normalizePolicy({
      maxCallsPerSevenDays: 12,
      callWindowMarginMinutes: { start: -60, end: 0 },
      unknownLocation: "allow" as never,
    });
    expect(loose.policy).toMatchObject({
      maxCallsPerSevenDays: 7,
      callWindowMarginMinutes: { start: 0, end: 0 },
      unknownLocation: "block",
    });
    expect(loose.loosened).toHaveLength(3);
  });

  it("applies a stricter call count and a narrower window", () => {
    const { policy } = normalizePolicy({ maxCallsPerSevenDays: 2, callWindowMarginMinutes: { start: 60, end: 0 } });
    const history = [1, 2].map((d) => ({
      id: `h${d}`,
      at: AT - d * 86_400_000,
      channel: "call" as const,
      direction: "outbound" as const,
      personId: "C1",
      contactPointId: "cell",
      debtIds: ["D1"],
      result: "ring_no_answer" as const,
    }));
    expect(evaluate(call, { ...base, history }, policy, AT).rules).toContain("FREQ-01");
    // 08:30 in Chicago: inside the law's window, outside the organization's (after 09:00).
    const early = evaluate({ ...call, at: Date.UTC(2026, 2, 10, 13, 30) }, base, policy, AT);
    expect(early).toMatchObject({ decision: "block", rules: ["TIME-01"] });
    expect(new Date(early.nextAllowedAt!).toISOString()).toBe("2026-03-10T14:00:01.000Z");
  });
});
