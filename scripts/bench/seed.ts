import { chmodSync, createReadStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { seedPortfolio } from "@/db/seed/portfolio";
import { freshDatabase, round, type Benchmark } from "./harness";

export const BENCH_DATABASE = "recoup_bench";
const BULK_TABLES = [
  "debtors",
  "contact_points",
  "accounts",
  "ledger_transactions",
  "interactions",
  "promises",
  "holds",
  "tasks",
] as const;

/**
 * Seeds N accounts into a fresh database, then loads exactly the same rows with a raw COPY into bare tables
 * (same columns, no indexes, constraints or triggers) — the floor any loader can reach — and reports the ratio.
 */
export const seedBenchmark: Benchmark = {
  async run({ accounts, serverUrl, log, report }) {
    const handle = await freshDatabase(serverUrl, BENCH_DATABASE);
    if (handle.driver !== "postgres") throw new Error("unreachable");
    const dir = mkdtempSync(path.join(tmpdir(), "recoup-bench-"));
    chmodSync(dir, 0o777); // the server process writes the export files
    try {
      const started = performance.now();
      const result = await seedPortfolio(handle, { accounts, seed: 1, log });
      const seedSeconds = (performance.now() - started) / 1000;
      const peakRss = process.resourceUsage().maxRSS * 1024;
      // Not part of the seed: the priority recompute leaves a dead version of most accounts rows, which
      // autovacuum would clear a little later; cleared now so every benchmark starts from the same state.
      const vacuumStarted = performance.now();
      await handle.sql.unsafe("vacuum (analyze) accounts");
      const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;
      const { counts } = result;
      const bulkRows =
        counts.debtors +
        counts.contactPoints +
        counts.accounts +
        counts.ledgerTransactions +
        counts.interactions +
        counts.promises +
        counts.holds +
        counts.tasks;

      let copySeconds = 0;
      for (const table of BULK_TABLES) {
        const file = path.join(dir, `${table}.copy`);
        // Exported by the server itself (postgres.js' COPY TO stream stalls on large tables); needs a local
        // superuser, which a benchmark server is.
        // Generated columns (accounts.balance_minor) are computed, not loaded: the same column list both ways.
        const rows = await handle.sql<{ column_name: string }[]>`
          select column_name from information_schema.columns
          where table_name = ${table} and table_schema = 'public' and is_generated = 'NEVER' order by ordinal_position`;
        const columns = rows.map((r) => `"${r.column_name}"`).join(", ");
        await handle.sql.unsafe(`copy ${table} (${columns}) to '${file}'`);
        await handle.sql.unsafe(`create table bare_${table} (like ${table} including generated)`);
        const t0 = performance.now();
        await pipeline(
          createReadStream(file),
          await handle.sql.unsafe(`copy bare_${table} (${columns}) from stdin`).writable(),
        );
        copySeconds += (performance.now() - t0) / 1000;
        await handle.sql.unsafe(`drop table bare_${table}`);
        rmSync(file);
      }
      await handle.sql.unsafe("analyze");

      report({ metric: "accounts", value: counts.accounts, unit: "rows" });
      report({ metric: "debtors", value: counts.debtors, unit: "rows" });
      report({ metric: "contact points", value: counts.contactPoints, unit: "rows" });
      report({ metric: "ledger transactions", value: counts.ledgerTransactions, unit: "rows" });
      report({ metric: "interactions", value: counts.interactions, unit: "rows" });
      report({ metric: "promises", value: counts.promises, unit: "rows" });
      report({ metric: "holds", value: counts.holds, unit: "rows" });
      report({ metric: "tasks", value: counts.tasks, unit: "rows" });
      report({ metric: "rows loaded (all eight tables)", value: bulkRows, unit: "rows" });
      report({ metric: "seed wall time", value: round(seedSeconds, 2), unit: "s" });
      report({ metric: "  of which queue priorities", value: round(result.timings.prioritySeconds, 2), unit: "s" });
      report({ metric: "  of which index rebuild", value: round(result.timings.rebuildSeconds ?? 0, 2), unit: "s" });
      for (const [table, seconds] of Object.entries(result.timings.copySeconds))
        report({ metric: `  COPY into ${table} (while generating)`, value: round(seconds, 2), unit: "s" });
      report({ metric: "seed throughput", value: Math.round(bulkRows / seedSeconds), unit: "rows/s" });
      report({ metric: "peak RSS of the seeding process", value: round(peakRss / 2 ** 30, 2), unit: "GiB" });
      report({ metric: "vacuum of accounts after the seed", value: round(vacuumSeconds, 2), unit: "s" });
      report({ metric: "raw COPY of the same rows into bare tables", value: round(copySeconds, 2), unit: "s" });
      report({ metric: "raw COPY throughput", value: Math.round(bulkRows / copySeconds), unit: "rows/s" });
      report({ metric: "seed time / raw COPY time", value: round(seedSeconds / copySeconds, 2), unit: "x" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await handle.close();
    }
  },
};
