/**
 * npm run bench -- <name> [--json] [--accounts N] [--runs N] [--warmup N] [--only "case label part"]
 * Runs a named benchmark against PostgreSQL (BENCH_DATABASE_URL, default the local server) and prints a table,
 * or with --json one line per figure: {"benchmark","metric","value","unit"}.
 */
import { accountsListBenchmark } from "./bench/accounts-list";
import { emailBenchmark } from "./bench/email";
import { gateBenchmark } from "./bench/gate";
import type { Benchmark, Figure } from "./bench/harness";
import { importBenchmark } from "./bench/import";
import { nextAccountBenchmark } from "./bench/next-account";
import { searchBenchmark } from "./bench/search";
import { seedBenchmark } from "./bench/seed";
import { workspaceBenchmark } from "./bench/workspace";

const benchmarks: Record<string, Benchmark> = {
  seed: seedBenchmark,
  "accounts-list": accountsListBenchmark,
  search: searchBenchmark,
  workspace: workspaceBenchmark,
  "next-account": nextAccountBenchmark,
  import: importBenchmark,
  gate: gateBenchmark,
  email: emailBenchmark,
};

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const name = process.argv.slice(2).find((a) => !a.startsWith("--") && !/^\d+$/.test(a));
  const bench = name ? benchmarks[name] : undefined;
  if (!bench) {
    console.error(
      `usage: npm run bench -- <${Object.keys(benchmarks).join("|")}> [--json] [--accounts N] [--runs N] [--warmup N] [--only "case label part"]`,
    );
    process.exit(2);
  }
  const json = process.argv.includes("--json");
  const accounts = Number(option("accounts") ?? 1_000_000);
  const figures: Figure[] = [];
  const count = (name: string) => (option(name) === undefined ? undefined : Number(option(name)));
  await bench.run({
    accounts,
    sampling: { warmup: count("warmup"), runs: count("runs"), only: option("only") },
    serverUrl: process.env.BENCH_DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres",
    log: (message) => (json ? process.stderr : process.stdout).write(`${message}\n`),
    report: (figure) => {
      figures.push(figure);
      if (json) console.log(JSON.stringify({ benchmark: name, ...figure }));
    },
  });
  if (!json) {
    const width = Math.max(...figures.map((f) => f.metric.length));
    console.log(`\n${name}`);
    for (const f of figures) console.log(`  ${f.metric.padEnd(width)}  ${String(f.value).padStart(12)} ${f.unit}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
