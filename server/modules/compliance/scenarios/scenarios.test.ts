import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_SCENARIOS, runFile, runScenario, scenarioFiles } from "./run";

// Every public scenario the project encodes (cases/*.json) is a test; a failing one prints what the gate said.
describe.each(scenarioFiles(PROJECT_SCENARIOS).map((f) => [path.basename(f), f]))(
  "compliance scenarios %s",
  (_, file) => {
    for (const result of runFile(file)) {
      it(result.id, () => {
        expect(result.problem ?? "", result.detail).toBe("");
        expect({ got: result.got, pass: result.pass }, result.detail).toEqual({ got: result.got, pass: true });
      });
    }
  },
);

describe("scenario runner", () => {
  it("reports an invalid scenario as one failing case that names the field", () => {
    const [r] = runScenario({
      id: "BAD-1",
      checks: [{ action: { at: "2026-03-02 10:00", channel: "fax" }, expect: {} }],
    });
    expect(r!.pass).toBe(false);
    expect(r!.id).toBe("BAD-1");
    expect(r!.problem).toMatch(/channel/);
  });

  it("fails a case whose expectation the gate does not meet", () => {
    const results = runScenario({
      id: "WRONG-1",
      facts: { contactPoints: [{ id: "cell", kind: "phone", phoneType: "mobile", timeZone: "America/Chicago" }] },
      checks: [{ action: { at: "2026-03-10 07:00", channel: "call", to: "cell" }, expect: { decision: "allow" } }],
    });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ pass: false, expected: "allow" });
    expect(results[0]!.got).toMatch(/^block TIME-01/);
  });

  it("reads local times in the scenario's zone and ISO times as given", () => {
    const local = runScenario({
      id: "TZ-1",
      timeZone: "Pacific/Honolulu",
      facts: { contactPoints: [{ id: "cell", kind: "phone", phoneType: "mobile", timeZone: "Pacific/Honolulu" }] },
      checks: [
        { action: { at: "2026-03-10 08:30", channel: "call", to: "cell" }, expect: { decision: "allow" } },
        {
          action: { at: "2026-03-10T18:00:00Z", channel: "call", to: "cell" },
          expect: { decision: "block", nextAllowedAt: "2026-03-10 08:00:01" },
        },
      ],
    });
    expect(local.map((r) => r.pass)).toEqual([true, true]);
  });
});
