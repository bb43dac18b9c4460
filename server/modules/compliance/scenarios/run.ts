/**
 * Runs scenario files against the gate, the template lint and the validation-notice calculator, and says for
 * each check what was expected, what came out, and whether they agree. Pure apart from reading the files.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { evaluate } from "../gate/evaluate";
import { normalizePolicy } from "../gate/policy";
import type { Action, ContactEvent, Instant, Policy, Snapshot } from "../gate/types";
import { dayOfDate, isKnownZone, zonedInstant } from "../gate/zones";
import { lintMessage } from "../lint";
import {
  assumedReceiptOn,
  buildItemization,
  disputeOutcome,
  retentionLock,
  scraNotice,
  validationPeriodEndsOn,
  validationStatus,
} from "../validation";
import { scenarioSchema, type Check, type FactsInput, type Scenario } from "./format";

export type CheckResult = { id: string; expected: string; got: string; pass: boolean; problem?: string };

export class ScenarioFileError extends Error {}

/** "2026-03-02 10:00[:SS][ Zone/Name]" in the scenario's zone, or ISO with Z / an offset. */
export function parseTime(value: string, zone: string): Instant {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\s+([A-Za-z_]+\/[A-Za-z_/+-]+|UTC))?$/.exec(
    value.trim(),
  );
  if (m) {
    const z = m[5] ?? zone;
    if (!isKnownZone(z)) throw new RangeError(`unknown time zone "${z}"`);
    const ms = (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0)) * 1000;
    return zonedInstant(z, dayOfDate(m[1]!), ms);
  }
  if (/\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const t = Date.parse(value);
    if (Number.isFinite(t)) return t;
  }
  throw new RangeError(`not a time: "${value}" (write "YYYY-MM-DD HH:MM" in the scenario's zone, or ISO with Z)`);
}

function formatTime(t: Instant, zone: string): string {
  const f = new Intl.DateTimeFormat("sv-SE", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  return f.format(t);
}

/** The scenario's facts as the gate's snapshot, with the defaults the format promises. */
export function toSnapshot(facts: FactsInput, zone: string): Snapshot {
  const at = (v: string) => parseTime(v, zone);
  const opt = (v: string | undefined) => (v === undefined ? undefined : at(v));
  const consumer = facts.persons.find((p) => p.role === "consumer")?.id ?? facts.persons[0]?.id ?? "C1";
  const firstDebt = facts.debts[0]?.id ?? "D1";
  const history: ContactEvent[] = [];
  facts.history.forEach((h, i) => {
    const base = at(h.at);
    const n = h.repeat?.count ?? 1;
    for (let k = 0; k < n; k++) {
      const id = h.id ? (n > 1 ? `${h.id}#${k + 1}` : h.id) : `h${i + 1}${n > 1 ? `#${k + 1}` : ""}`;
      history.push({
        id,
        at: base + k * (h.repeat?.everyMinutes ?? 0) * 60_000,
        channel: h.channel,
        direction: h.direction,
        personId: h.person ?? consumer,
        contactPointId: h.to,
        debtIds: h.debts ?? [firstDebt],
        debtsDiscussed: h.debtsDiscussed,
        result: h.result,
        conversation: h.conversation,
        automated: h.automated,
        ringless: h.ringless,
        purpose: h.purpose,
        consentId: h.consent,
        requestedByPerson: h.requestedByPerson,
        undeliverable: h.undeliverable,
        otherCollector: h.otherCollector,
        mentionsDebt: h.mentionsDebt,
        inReplyTo: h.inReplyTo,
      });
    }
  });
  return {
    regime: facts.regime,
    persons: facts.persons,
    contactPoints: facts.contactPoints.map((c) => ({
      ...c,
      personId: c.person ?? consumer,
      tcpaConsentAt: opt(c.tcpaConsentAt),
      sms: c.sms && {
        consumerTextedAt: opt(c.sms.consumerTextedAt),
        consentAt: opt(c.sms.consentAt),
        reassignedCheckAt: opt(c.sms.reassignedCheckAt),
      },
      email: c.email && {
        ...c.email,
        noticeSentAt: opt(c.email.noticeSentAt),
        optOutDeadline: opt(c.email.optOutDeadline),
      },
      thirdPartyDisclosureAt: opt(c.thirdPartyDisclosureAt),
      esignConsentAt: opt(c.esignConsentAt),
      nycEConsentAt: opt(c.nycEConsentAt),
    })),
    debts: facts.debts.map((d) => ({
      ...d,
      creditorId: d.creditor,
      paidInFullAt: opt(d.paidInFullAt),
      initialCommunicationAt: opt(d.initialCommunicationAt),
    })),
    history,
    consents: facts.consents.map((c) => ({
      id: c.id,
      personId: c.person ?? consumer,
      debtIds: c.debts,
      receivedAt: at(c.receivedAt),
      window: c.window && { from: at(c.window.from), to: at(c.window.to) },
      revokedAt: opt(c.revokedAt),
      endsOnConversation: c.endsOnConversation,
    })),
    optOuts: facts.optOuts.map((o, i) => ({
      id: o.id ?? `optout${i + 1}`,
      personId: o.person ?? consumer,
      medium: o.medium,
      contactPointId: o.to,
      at: at(o.at),
      source: o.source,
    })),
    designations: facts.designations.map((d, i) => ({
      id: d.id ?? `designation${i + 1}`,
      personId: d.person ?? consumer,
      kind: d.kind,
      times: d.times,
      place: d.place,
      contactPointIds: d.contactPoints,
      mediaNamed: d.mediaNamed,
      at: at(d.at),
      endedAt: opt(d.endedAt),
    })),
    holds: facts.holds.map((h, i) => ({
      id: h.id ?? `hold${i + 1}`,
      kind: h.kind,
      personId: h.person ?? consumer,
      debtIds: h.debts,
      placedAt: at(h.placedAt),
      releasedAt: opt(h.releasedAt),
      attorneyAllowsDirectContact: h.attorneyAllowsDirectContact,
      scraAffidavit: h.scraAffidavit,
    })),
    disputes: facts.disputes.map((d, i) => ({
      id: d.id ?? `dispute${i + 1}`,
      personId: d.person ?? consumer,
      debtIds: d.debts ?? [firstDebt],
      kind: d.kind,
      medium: d.medium,
      receivedAt: at(d.receivedAt),
      sentAt: opt(d.sentAt),
      respondedAt: opt(d.respondedAt),
    })),
    disclosures: facts.disclosures.map((d) => ({
      kind: d.kind,
      debtIds: d.debts ?? [firstDebt],
      at: at(d.at),
      medium: d.medium,
      language: d.language,
    })),
    zones: facts.zones,
  };
}

function merge(facts: FactsInput, add: Partial<FactsInput> | undefined): FactsInput {
  if (!add) return facts;
  const out: Record<string, unknown> = { ...facts };
  for (const [key, value] of Object.entries(add)) {
    const current = out[key];
    out[key] = Array.isArray(current) && Array.isArray(value) ? [...(current as unknown[]), ...value] : value;
  }
  return out as FactsInput;
}

function toAction(a: NonNullable<Check["action"]>, facts: FactsInput, zone: string): Action {
  const consumer = facts.persons.find((p) => p.role === "consumer")?.id ?? facts.persons[0]?.id ?? "C1";
  return {
    channel: a.channel,
    at: parseTime(a.at, zone),
    personId: a.person ?? consumer,
    contactPointId: a.to,
    debtIds: a.debts ?? [facts.debts[0]?.id ?? "D1"],
    purpose: a.purpose,
    automated: a.automated,
    ringless: a.ringless,
    inReplyTo: a.inReplyTo,
    consentId: a.consent,
    content: a.content,
    disputeIndicator: a.disputeIndicator,
    recipientName: a.recipientName,
    toWorkplace: a.toWorkplace,
    publiclyVisible: a.publiclyVisible,
    paymentMedium: a.paymentMedium,
  };
}

type Outcome = { decision: string; rules: string[]; nextAllowedAt?: Instant };

function describe(o: { decision?: string; rules?: string[]; nextAllowedAt?: string | null }): string {
  return [o.decision ?? "", ...(o.rules ?? []), o.nextAllowedAt ? `next ${o.nextAllowedAt}` : ""]
    .filter(Boolean)
    .join(" ");
}

function compareDecision(
  expect: Check["expect"],
  got: Outcome,
  zone: string,
): { pass: boolean; got: string; expected: string } {
  const gotNext = got.nextAllowedAt === undefined ? undefined : formatTime(got.nextAllowedAt, zone);
  let pass = expect.decision === undefined || expect.decision === got.decision;
  if (expect.rules) {
    pass &&= expect.rules.every((r) => got.rules.includes(r));
    if (expect.rulesExact) pass &&= got.rules.length === expect.rules.length;
  }
  if (expect.notRules) pass &&= !expect.notRules.some((r) => got.rules.includes(r));
  if (expect.nextAllowedAt === null) pass &&= gotNext === undefined;
  else if (expect.nextAllowedAt !== undefined)
    pass &&= got.nextAllowedAt !== undefined && got.nextAllowedAt === parseTime(expect.nextAllowedAt, zone);
  return {
    pass,
    expected: describe({ ...expect, nextAllowedAt: expect.nextAllowedAt ?? undefined }),
    got: describe({ decision: got.decision, rules: got.rules, nextAllowedAt: gotNext }),
  };
}

function compareFields(
  expect: Record<string, unknown>,
  got: Record<string, unknown>,
): { pass: boolean; got: string; expected: string } {
  const keys = Object.keys(expect);
  const pick = (o: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, o[k]]));
  const pass = keys.every((k) => JSON.stringify(got[k]) === JSON.stringify(expect[k]));
  return { pass, expected: JSON.stringify(expect), got: JSON.stringify(pick(got)) };
}

function runCheck(scenario: Scenario, check: Check, facts: FactsInput, policy: Policy) {
  const zone = scenario.timeZone;
  if (check.action) {
    const action = toAction(check.action, facts, zone);
    const d = evaluate(action, toSnapshot(facts, zone), policy, action.at);
    const result = compareDecision(check.expect, d, zone);
    return { ...result, detail: d.reasons.map((r) => `${r.rule}: ${r.message}`).join(" | ") };
  }
  if (check.lint) {
    const { context, ...message } = check.lint;
    const findings = lintMessage(message, context);
    const decision = findings.some((f) => f.severity === "block") ? "block" : findings.length ? "warn" : "allow";
    const result = compareDecision(check.expect, { decision, rules: [...new Set(findings.map((f) => f.rule))] }, zone);
    return { ...result, detail: findings.map((f) => `${f.rule}: ${f.message}`).join(" | ") };
  }
  if (check.validation) {
    const { providedOn } = check.validation;
    return compareFields(check.expect, {
      assumedReceiptOn: assumedReceiptOn(providedOn),
      validationEndsOn: validationPeriodEndsOn(providedOn),
    });
  }
  if (check.validationDue) return compareFields(check.expect, validationStatus(check.validationDue));
  if (check.dispute) return compareFields(check.expect, disputeOutcome(check.dispute));
  if (check.retention) return compareFields(check.expect, retentionLock(check.retention.lastCollectionActivityOn));
  if (check.scraNotice) return compareFields(check.expect, scraNotice(check.scraNotice));
  const built = buildItemization(check.itemization as Parameters<typeof buildItemization>[0]);
  const got: Record<string, unknown> = {
    ok: built.ok,
    rules: built.ok ? [] : [...new Set(built.errors.map((x) => x.rule))],
    ...(built.ok ? built.notice : {}),
  };
  const expected = { ...check.expect };
  if (Array.isArray(expected.rules)) {
    const want = expected.rules;
    delete expected.rules;
    const fields = compareFields(expected, got);
    const pass = fields.pass && want.every((r) => (got.rules as string[]).includes(r));
    return {
      pass,
      expected: `${fields.expected} ${want.join(" ")}`,
      got: `${fields.got} ${(got.rules as string[]).join(" ")}`,
    };
  }
  return compareFields(expected, got);
}

/** Every check of a scenario, each a line of the report; a broken scenario is one failing line that says why. */
export function runScenario(input: unknown, label = "scenario"): (CheckResult & { detail?: string })[] {
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) {
    const id = (input as { id?: unknown } | null)?.id;
    return [
      {
        id: typeof id === "string" ? id : label,
        expected: "a valid scenario",
        got: "invalid",
        pass: false,
        problem: z.prettifyError(parsed.error).replace(/\n+/g, "; "),
      },
    ];
  }
  const scenario = parsed.data;
  const results: (CheckResult & { detail?: string })[] = [];
  let facts = scenario.facts;
  scenario.checks.forEach((check, i) => {
    const id = `${scenario.id}${scenario.checks.length > 1 ? `.${i + 1}` : ""}${check.name ? ` (${check.name})` : ""}`;
    try {
      facts = merge(facts, check.add);
      const { policy } = normalizePolicy({ ...scenario.policy, ...check.policy });
      results.push({ id, ...runCheck(scenario, check, facts, policy) });
    } catch (error) {
      results.push({
        id,
        expected: JSON.stringify(check.expect),
        got: "error",
        pass: false,
        problem: error instanceof Error ? error.message : String(error),
      });
    }
  });
  return results;
}

/** Scenario files under a path (a file, or a folder searched recursively for *.json), sorted. */
export function scenarioFiles(target: string): string[] {
  const stat = statSync(target);
  if (stat.isFile()) return [target];
  return readdirSync(target, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".json"))
    .map((f) => path.join(target, f))
    .sort();
}

/** A file holds one scenario or an array of them. */
export function runFile(file: string): (CheckResult & { detail?: string })[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    return [
      {
        id: file,
        expected: "JSON",
        got: "unreadable",
        pass: false,
        problem: error instanceof Error ? error.message : String(error),
      },
    ];
  }
  const scenarios = Array.isArray(json) ? json : [json];
  return scenarios.flatMap((s, i) => runScenario(s, `${path.basename(file)}[${i}]`));
}

export const PROJECT_SCENARIOS = path.join(import.meta.dirname, "cases");
