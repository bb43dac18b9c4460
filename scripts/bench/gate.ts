import { evaluate } from "@/server/modules/compliance/gate/evaluate";
import { DEFAULT_POLICY } from "@/server/modules/compliance/gate/policy";
import type { Action, Channel, ContactEvent, Snapshot } from "@/server/modules/compliance/gate/types";
import { Random } from "@/db/seed/random";
import { round, type BenchContext, type Benchmark } from "./harness";

const DAY = 86_400_000;
const ZONES = ["America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles"];
const STATES = ["IL", "TX", "CA", "NY", "MA", "WA", "FL", "OH", "GA", "AZ"];
const START = Date.UTC(2026, 2, 1);

/**
 * A debtor as collections sees one: two or three numbers and an address (sometimes in two zones), two debts, a
 * validation notice, and 45 days of history — about 30 calls, texts, emails and letters with a few
 * conversations — plus the odd opt-out, released hold and consent.
 */
function debtor(rng: Random, k: number): Snapshot {
  const home = rng.pick(ZONES);
  const other = rng.chance(0.2) ? rng.pick(ZONES) : home;
  const contactPoints: Snapshot["contactPoints"] = [
    {
      id: "cell",
      personId: "C",
      kind: "phone",
      phoneType: "mobile",
      timeZone: other,
      tcpaConsentAt: START - 90 * DAY,
      sms: { consentAt: START - 10 * DAY },
    },
    { id: "home", personId: "C", kind: "phone", phoneType: "landline", timeZone: home },
    { id: "mail", personId: "C", kind: "email", email: { basis: "consumer_used" } },
    { id: "addr", personId: "C", kind: "address", timeZone: home, state: STATES[k % STATES.length] },
  ];
  if (rng.chance(0.3))
    contactPoints.push({ id: "work", personId: "C", kind: "phone", phoneType: "work", timeZone: home });
  const channels: Channel[] = ["call", "call", "call", "call", "sms", "email", "letter", "voicemail"];
  const history: ContactEvent[] = [];
  const n = rng.int(20, 40);
  for (let i = 0; i < n; i++) {
    const channel = rng.pick(channels);
    const isCall = channel === "call" || channel === "voicemail";
    const answered = isCall && rng.chance(0.25);
    history.push({
      id: `h${i}`,
      at: START + rng.int(0, 45 * DAY),
      channel,
      direction: rng.chance(0.1) ? "inbound" : "outbound",
      personId: "C",
      contactPointId: channel === "email" ? "mail" : channel === "letter" ? "addr" : rng.pick(["cell", "home"]),
      debtIds: rng.chance(0.2) ? ["D1", "D2"] : [rng.pick(["D1", "D2"])],
      result: isCall ? (answered ? "answered" : rng.pick(["ring_no_answer", "voicemail", "busy"])) : undefined,
      conversation: answered && rng.chance(0.5),
    });
  }
  return {
    regime: "third_party_collector",
    persons: [{ id: "C", role: "consumer" }],
    contactPoints,
    debts: [
      { id: "D1", limitationEndsOn: "2029-06-30", initialCommunicationAt: START - 20 * DAY },
      { id: "D2", limitationEndsOn: "2028-01-31", initialCommunicationAt: START - 20 * DAY },
    ],
    history,
    consents: rng.chance(0.1) ? [{ id: "c1", personId: "C", receivedAt: START + rng.int(0, 40 * DAY) }] : [],
    optOuts: rng.chance(0.1)
      ? [{ id: "o1", personId: "C", medium: "sms", contactPointId: "cell", at: START + rng.int(0, 40 * DAY) }]
      : [],
    designations: rng.chance(0.05)
      ? [{ id: "t1", personId: "C", kind: "time", times: [{ from: "00:00", to: "12:00" }], at: START }]
      : [],
    holds: rng.chance(0.1)
      ? [{ id: "x1", kind: "dispute", personId: "C", debtIds: ["D1"], placedAt: START, releasedAt: START + 9 * DAY }]
      : [],
    disputes: [],
    disclosures: [{ kind: "validation_notice", debtIds: ["D1", "D2"], at: START - 19 * DAY, medium: "mail" }],
    zones: [],
  };
}

function action(rng: Random, withMessage: boolean): Action {
  const sms = withMessage || rng.chance(0.2);
  return {
    channel: sms ? "sms" : "call",
    at: START + 30 * DAY + rng.int(0, 15 * DAY),
    personId: "C",
    contactPointId: sms ? "cell" : rng.pick(["cell", "home"]),
    debtIds: rng.chance(0.2) ? ["D1", "D2"] : [rng.pick(["D1", "D2"])],
    content: withMessage
      ? {
          language: "en",
          text: "ACME Recovery: this message is from a debt collector. Your payment of $50.00 is due on the 15th. Reply STOP to stop texts to this telephone number.",
        }
      : undefined,
  };
}

/**
 * The gate's throughput on one core (this process is single-threaded), pure CPU, no database: realistic
 * snapshots, actions spread over days and nights so every kind of decision is taken. Target: 20,000 a second.
 */
export const gateBenchmark: Benchmark = {
  // Pure CPU: nothing to await, but the harness takes a promise like every other benchmark's.
  run: ({ log, report, sampling }) => Promise.resolve(measure({ log, report, sampling })),
};

function measure({ log, report, sampling }: Pick<BenchContext, "log" | "report" | "sampling">): void {
  const rng = new Random(7);
  const snapshots = Array.from({ length: 2_000 }, (_, k) => debtor(rng, k));
  const runs = sampling.runs ?? 200_000;
  for (const [label, withMessage] of [
    ["calls and texts", false],
    ["texts with a message to lint", true],
  ] as const) {
    const actions = Array.from({ length: runs }, () => action(rng, withMessage));
    // Warm-up: zone offsets cached, code optimised.
    for (let i = 0; i < 20_000; i++) evaluate(actions[i % runs]!, snapshots[i % snapshots.length]!, DEFAULT_POLICY, 0);
    const counts = { allow: 0, warn: 0, block: 0 };
    log(`${label}: ${runs.toLocaleString("en-US")} decisions…`);
    const started = performance.now();
    for (let i = 0; i < runs; i++) {
      const d = evaluate(actions[i]!, snapshots[i % snapshots.length]!, DEFAULT_POLICY, actions[i]!.at);
      counts[d.decision]++;
    }
    const seconds = (performance.now() - started) / 1000;
    report({ metric: `${label}: decisions per second (one core)`, value: Math.round(runs / seconds), unit: "/s" });
    report({ metric: `${label}: mean time per decision`, value: round((seconds * 1e6) / runs, 1), unit: "µs" });
    report({
      metric: `${label}: allowed / warned / blocked`,
      value: Math.round((counts.allow / runs) * 100),
      unit: `% / ${Math.round((counts.warn / runs) * 100)} % / ${Math.round((counts.block / runs) * 100)} %`,
    });
  }
  report({
    metric: "history events per debtor (mean)",
    value: round(snapshots.reduce((s, x) => s + x.history.length, 0) / snapshots.length, 1),
    unit: "events",
  });
}
