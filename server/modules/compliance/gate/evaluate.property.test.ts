import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { DEFAULT_POLICY } from "./policy";
import type { Action, CallResult, ContactEvent, Snapshot } from "./types";

/**
 * Properties of the gate over random histories and times, checked against references written here with Intl
 * alone (not the gate's cached zone arithmetic): no eighth counted call in any seven consecutive local dates,
 * no call outside 08:00–21:00 in any candidate zone, the same answer whatever the server's own zone, and a
 * next-allowed time that is allowed and is the first such second.
 */

const ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
];
const RESULTS: CallResult[] = [
  "answered",
  "voicemail",
  "ring_no_answer",
  "busy",
  "not_in_service",
  "dropped_after_answer",
];
const NOT_COUNTED = new Set<CallResult>(["busy", "not_in_service", "failed_before_network"]);
const START = Date.UTC(2026, 2, 1); // across the March DST change
const SPAN = 21 * 86_400_000;

const localParts = (zone: string, t: number) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(t)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    seconds: Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second) + (t % 1000) / 1000,
  };
};
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** The instant a zone's wall clock reads `hour`:00 on 2026-03-`day`, plus `delta` ms (found with Intl only). */
function nearLocal(zone: string, day: number, hour: number, delta: number): number {
  const guess = Date.UTC(2026, 2, day, hour);
  const local = localParts(zone, guess);
  const wall = Date.parse(`${local.date}T00:00:00Z`) + Math.floor(local.seconds) * 1000;
  return guess - (wall - guess) + delta;
}

const caseArb = fc.record({
  zones: fc.uniqueArray(fc.constantFrom(...ZONES), { minLength: 1, maxLength: 3 }),
  calls: fc.array(
    fc.record({
      // Dense weeks, so that seven-call windows are common.
      offset: fc.integer({ min: 0, max: SPAN / 2 }),
      result: fc.constantFrom(...RESULTS),
      conversation: fc.constantFrom(false, false, false, false, true),
      inbound: fc.constantFrom(false, false, false, true),
      debts: fc.constantFrom(["D1"], ["D2"], ["D1", "D2"]),
    }),
    { maxLength: 60 },
  ),
  // Anywhere, or within two minutes of a zone's 08:00 or 21:00.
  at: fc.oneof(
    fc.integer({ min: 0, max: SPAN }).map((o) => START + o),
    fc
      .record({
        zone: fc.constantFrom(...ZONES),
        day: fc.integer({ min: 2, max: 20 }),
        hour: fc.constantFrom(8, 21),
        delta: fc.integer({ min: -120_000, max: 120_000 }),
      })
      .map(({ zone, day, hour, delta }) => nearLocal(zone, day, hour, delta)),
  ),
  debts: fc.constantFrom(["D1"], ["D2"], ["D1", "D2"]),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case): { action: Action; snapshot: Snapshot } {
  const history: ContactEvent[] = c.calls.map((h, i) => ({
    id: `h${i}`,
    at: START + h.offset,
    channel: "call",
    direction: h.inbound ? "inbound" : "outbound",
    personId: "C1",
    contactPointId: "p0",
    debtIds: [...h.debts],
    result: h.result,
    // A call nobody answered has no conversation.
    conversation: h.conversation && (h.result === "answered" || h.result === "dropped_after_answer"),
  }));
  const snapshot: Snapshot = {
    regime: "third_party_collector",
    persons: [{ id: "C1", role: "consumer", state: "IL" }],
    contactPoints: c.zones.map((z, i) => ({
      id: `p${i}`,
      personId: "C1",
      kind: "phone",
      phoneType: "mobile",
      timeZone: z,
    })),
    debts: [{ id: "D1" }, { id: "D2" }],
    history,
    consents: [],
    optOuts: [],
    designations: [],
    holds: [],
    disputes: [],
    disclosures: [],
    zones: [],
  };
  return {
    snapshot,
    action: { channel: "call", at: c.at, personId: "C1", contactPointId: "p0", debtIds: [...c.debts] },
  };
}

/** Reference 7-in-7: for each debt and zone, every window of seven local dates holding the action's date. */
function eighthCall(c: Case, action: Action, snapshot: Snapshot): boolean {
  for (const debt of action.debtIds) {
    for (const zone of c.zones) {
      const day = dayNumber(localParts(zone, action.at).date);
      const days = snapshot.history
        .filter((h) => h.direction === "outbound" && !NOT_COUNTED.has(h.result!) && h.debtIds.includes(debt))
        .map((h) => dayNumber(localParts(zone, h.at).date));
      for (let start = day - 6; start <= day; start++) {
        if (days.filter((d) => d >= start && d <= start + 6).length + 1 > 7) return true;
      }
    }
  }
  return false;
}

const allowed = (d: { decision: string }) => d.decision !== "block";

describe("compliance gate properties", () => {
  it("never allows an eighth counted call in any seven consecutive local dates", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { action, snapshot } = build(c);
        const d = evaluate(action, snapshot, DEFAULT_POLICY, action.at);
        if (allowed(d)) expect(eighthCall(c, action, snapshot)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it("blocks the eighth counted call whatever else is true", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { action, snapshot } = build(c);
        if (eighthCall(c, action, snapshot))
          expect(evaluate(action, snapshot, DEFAULT_POLICY, action.at).rules).toContain("FREQ-01");
      }),
      { numRuns: 400 },
    );
  });

  it("never allows a call outside 08:00–21:00 in any candidate zone", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { action, snapshot } = build(c);
        const d = evaluate(action, snapshot, DEFAULT_POLICY, action.at);
        if (!allowed(d)) return;
        for (const zone of c.zones) {
          const { seconds } = localParts(zone, action.at);
          expect(seconds > 8 * 3600 && seconds < 21 * 3600, `${zone} ${seconds}`).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("gives, when only time blocks, the first whole second that is allowed", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { action, snapshot } = build(c);
        const d = evaluate(action, snapshot, DEFAULT_POLICY, action.at);
        if (d.nextAllowedAt === undefined) return;
        expect(d.decision).toBe("block");
        expect(d.nextAllowedAt % 1000).toBe(0);
        expect(d.nextAllowedAt).toBeGreaterThan(action.at);
        const then = evaluate({ ...action, at: d.nextAllowedAt }, snapshot, DEFAULT_POLICY, action.at);
        expect(allowed(then)).toBe(true);
        const before = d.nextAllowedAt - 1000;
        if (before > action.at)
          expect(allowed(evaluate({ ...action, at: before }, snapshot, DEFAULT_POLICY, action.at))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  describe("whatever the server's time zone", () => {
    const original = process.env.TZ;
    afterAll(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });

    it("decides the same in UTC, New York and Honolulu", () => {
      const cases = fc.sample(caseArb, { numRuns: 150, seed: 42 });
      const run = (tz: string) => {
        process.env.TZ = tz;
        // Node applies a new TZ at once; prove it before trusting the comparison.
        const offset = new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset();
        const decisions = cases.map((c) => {
          const { action, snapshot } = build(c);
          return evaluate(action, snapshot, DEFAULT_POLICY, action.at);
        });
        return { offset, decisions };
      };
      const utc = run("UTC");
      const newYork = run("America/New_York");
      const honolulu = run("Pacific/Honolulu");
      expect([utc.offset, newYork.offset, honolulu.offset]).toEqual([0, 300, 600]);
      expect(newYork.decisions).toEqual(utc.decisions);
      expect(honolulu.decisions).toEqual(utc.decisions);
      expect(new Set(utc.decisions.map((d) => d.decision)).size).toBeGreaterThan(1);
    });
  });
});
