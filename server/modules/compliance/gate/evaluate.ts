/**
 * The compliance gate (ENG-01): one pure, deterministic function that every outbound action passes at the
 * moment it is executed. It never throws: anything it cannot decide — missing or contradictory facts, an
 * unknown zone, a bug — is a block (DD-5, fail closed).
 */
import { buildEvaluation, GateInputError, type Evaluation } from "./facts";
import { contentRules } from "./rules/content";
import { frequencyRules } from "./rules/frequency";
import { holdRules } from "./rules/holds";
import { mediaRules } from "./rules/media";
import { nonContactRules } from "./rules/non-contact";
import { stateRules } from "./rules/states";
import { timeRules } from "./rules/time";
import {
  RULE_SET_VERSION,
  type Action,
  type Decision,
  type Instant,
  type Policy,
  type Reason,
  type Snapshot,
} from "./types";
import { ceilSecond } from "./zones";

/** How far ahead the gate looks for the first allowed moment before it says "not by time alone". */
const LOOKAHEAD_STEPS = 24;

function reasonsAt(action: Action, snapshot: Snapshot, policy: Policy): { e: Evaluation; reasons: Reason[] } {
  const e = buildEvaluation(action, snapshot, policy);
  // Holds first (ENG-08): they explain the most, and no time or count can lift them.
  holdRules(e);
  mediaRules(e);
  timeRules(e);
  frequencyRules(e);
  stateRules(e);
  nonContactRules(e);
  contentRules(e);
  return { e, reasons: e.reasons };
}

function blocking(reasons: Reason[]): Reason[] {
  return reasons.filter((r) => r.severity === "block");
}

/**
 * When only time stands in the way, the first whole second at which nothing blocks: each blocking reason says
 * when it lapses; the gate moves to the latest of those and asks again, since a new moment can meet a new rule
 * (the next free day of a 7-in-7 count falls before 08:00).
 */
function nextAllowed(action: Action, snapshot: Snapshot, policy: Policy, reasons: Reason[]): Instant | undefined {
  let current = reasons;
  let t = action.at;
  for (let step = 0; step < LOOKAHEAD_STEPS; step++) {
    const blocks = blocking(current);
    if (!blocks.length) return t;
    if (blocks.some((r) => r.until === undefined)) return undefined;
    const next = ceilSecond(Math.max(...blocks.map((r) => r.until!)));
    t = next > t ? next : t + 1000;
    current = reasonsAt({ ...action, at: t }, snapshot, policy).reasons;
  }
  return undefined;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export function evaluate(action: Action, snapshot: Snapshot, policy: Policy, now: Instant): Decision {
  try {
    const { e, reasons } = reasonsAt(action, snapshot, policy);
    const blocks = blocking(reasons);
    const warnings = reasons.filter((r) => r.severity === "warn");
    const decision: Decision = {
      decision: blocks.length ? "block" : warnings.length ? "warn" : "allow",
      rules: unique([...blocks.map((r) => r.rule), ...warnings.map((r) => r.rule)]),
      reasons: [...blocks, ...warnings],
      ruleSetVersion: RULE_SET_VERSION,
      zones: e.zones,
      evaluatedAt: now,
    };
    if (blocks.length) {
      const at = nextAllowed(action, snapshot, policy, reasons);
      if (at !== undefined) decision.nextAllowedAt = at;
    }
    return decision;
  } catch (error) {
    // DD-5 / ENG-02: fail closed, saying why.
    const known = error instanceof GateInputError || error instanceof RangeError;
    const message = known
      ? `Cannot decide: ${error.message}`
      : `Cannot decide: the compliance check failed (${error instanceof Error ? error.message : String(error)})`;
    return {
      decision: "block",
      rules: ["ENG-02"],
      reasons: [{ rule: "ENG-02", severity: "block", message }],
      ruleSetVersion: RULE_SET_VERSION,
      zones: [],
      evaluatedAt: now,
    };
  }
}
