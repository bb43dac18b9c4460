import { migrateDatabase, openDatabase, type DatabaseHandle } from "@/db";

export type Figure = { metric: string; value: number; unit: string };
export type BenchContext = {
  accounts: number;
  /** Warm-up and measured runs per case (--warmup, --runs); SAMPLES unless given. */
  sampling: Sampling;
  serverUrl: string;
  log: (message: string) => void;
  report: (figure: Figure) => void;
};
export type Benchmark = { run: (ctx: BenchContext) => Promise<void> };

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops and recreates a scratch database on the benchmark server; refuses anything but this machine. */
export async function freshDatabase(serverUrl: string, name: string): Promise<DatabaseHandle> {
  const host = new URL(serverUrl).hostname;
  if (!["127.0.0.1", "localhost", "::1"].includes(host))
    throw new Error(`Benchmarks run only on a local server, not ${host}`);
  const admin = await openDatabase({ url: serverUrl, max: 1 });
  if (admin.driver !== "postgres") throw new Error("benchmarks need PostgreSQL");
  await admin.sql.unsafe(`drop database if exists ${name} with (force)`);
  await admin.sql.unsafe(`create database ${name}`);
  await admin.close();
  const handle = await openDatabase({ url: databaseUrl(serverUrl, name), max: 4 });
  await migrateDatabase(handle);
  return handle;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

export type Sampling = {
  warmup?: number;
  runs?: number;
  /** Only the cases whose label contains this (--only), to measure one case while tuning it. */
  only?: string;
};

/** Default sampling of a server-time case: a warm-up, then enough runs for a stable p95. */
export const SAMPLES = { warmup: 10, runs: 200 } as const;

/**
 * Times `run(i)` in-process (server time: the verb call, no HTTP), `warmup` times unrecorded then `runs` times.
 * `i` lets a case rotate through several inputs so it does not measure one cached answer.
 */
export async function sampleTimes(run: (i: number) => Promise<unknown>, sampling: Sampling = {}): Promise<number[]> {
  const warmup = sampling.warmup ?? SAMPLES.warmup;
  const runs = sampling.runs ?? SAMPLES.runs;
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    await run(i);
    if (i >= warmup) times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

/** Reports p50, p95 and max of one case's sorted times (ms). */
export function reportTimes(report: (figure: Figure) => void, label: string, sorted: number[]): void {
  report({ metric: `${label} p50`, value: round(percentile(sorted, 50)), unit: "ms" });
  report({ metric: `${label} p95`, value: round(percentile(sorted, 95)), unit: "ms" });
  report({ metric: `${label} max`, value: round(sorted[sorted.length - 1] ?? Number.NaN), unit: "ms" });
}

/**
 * Runs labelled cases one after another and reports each, then the worst p95 and all samples together, so a
 * closing note can quote one line per benchmark.
 */
export async function runCases(
  cases: readonly (readonly [string, (i: number) => Promise<unknown>])[],
  report: (figure: Figure) => void,
  log: (message: string) => void,
  sampling: Sampling = {},
): Promise<void> {
  const all: number[] = [];
  let worst = { label: "", p95: Number.NEGATIVE_INFINITY };
  for (const [label, run] of cases) {
    if (sampling.only && !label.includes(sampling.only)) continue;
    log(`  ${label}…`);
    const times = await sampleTimes(run, sampling);
    reportTimes(report, label, times);
    all.push(...times);
    const p95 = percentile(times, 95);
    if (p95 > worst.p95) worst = { label, p95 };
  }
  all.sort((a, b) => a - b);
  report({ metric: "all cases p50", value: round(percentile(all, 50)), unit: "ms" });
  report({ metric: "all cases p95", value: round(percentile(all, 95)), unit: "ms" });
  report({ metric: "all cases max", value: round(all[all.length - 1] ?? Number.NaN), unit: "ms" });
  report({ metric: `worst case p95 (${worst.label})`, value: round(worst.p95), unit: "ms" });
}
