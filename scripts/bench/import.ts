import { createReadStream, createWriteStream, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { eq } from "drizzle-orm";
import { creditors, importJobs, organizations, users } from "@/db/schema";
import { US_STATES } from "@/db/seed/us-geo";
import type { ServiceContext } from "@/server/lib/context";
import { autoMap } from "@/server/modules/imports/fields";
import { createImport, startImport } from "@/server/modules/imports/jobs";
import { runImport } from "@/server/modules/imports/run-import";
import { freshDatabase, round, type Benchmark } from "./harness";

const DATABASE = "recoup_bench_import";
const FIRST = [
  "Ada",
  "Alan",
  "Grace",
  "Edsger",
  "Barbara",
  "Donald",
  "Frances",
  "John",
  "Margaret",
  "Ken",
  "Lucía",
  "Ngozi",
];
const LAST = ["Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "McCarthy", "Hamilton", "Okafor"];
const HEADER = [
  "Account Reference",
  "Debtor ID",
  "First Name",
  "Last Name",
  "Email",
  "Phone",
  "State",
  "Principal",
  "Interest",
  "Fees",
  "Original Balance",
  "Opened On",
  "Due Date",
  "Product Type",
  "Segment",
];

/** A billing export of `rows` accounts (one debtor in five has two), as a spreadsheet program writes it. */
async function writeFile(file: string, rows: number): Promise<void> {
  const states = US_STATES.map((s) => ({ code: s.code, area: s.regions[0]!.areaCodes[0]! }));
  let seed = 42;
  const next = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0);
  function* lines() {
    yield `${HEADER.join(",")}\r\n`;
    let chunk = "";
    for (let i = 1; i <= rows; i++) {
      const debtor = i - (i % 5 === 0 ? 1 : 0);
      const state = states[debtor % states.length]!;
      const first = FIRST[debtor % FIRST.length]!;
      const last = LAST[(debtor >> 3) % LAST.length]!;
      const principal = 5_000 + (next() % 900_000);
      const interest = next() % 5_000;
      const fees = next() % 3 === 0 ? 2_500 : 0;
      const due = new Date(Date.UTC(2024, 0, 1) + (next() % 900) * 86_400_000).toISOString().slice(0, 10);
      const phone = `(${state.area}) ${200 + (debtor % 700)}-${String(1000 + (debtor % 9000)).padStart(4, "0")}`;
      const money = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;
      chunk += [
        `ACC-${String(i).padStart(9, "0")}`,
        `CUS-${debtor}`,
        first,
        last,
        `${first
          .normalize("NFD")
          .replace(/[^a-z]/gi, "")
          .toLowerCase()}.${last.toLowerCase()}${debtor}@example.com`,
        phone,
        state.code,
        money(principal),
        money(interest),
        money(fees),
        money(principal + interest + fees),
        "2023-05-01",
        due,
        "Credit card",
        i % 3 ? "retail" : "prime",
      ].join(",");
      chunk += "\r\n";
      if (i % 10_000 === 0) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(lines, createWriteStream(file));
}

/**
 * A million-row account file imported end to end (stored and hashed, read, validated, staged, written into the
 * portfolio with ledger charges and contact points) into an empty organization, against a raw COPY of the same
 * file into a bare table. Acceptance: >= 50,000 rows/s, <= 3x the raw COPY, under 1 GiB.
 */
export const importBenchmark: Benchmark = {
  async run({ accounts, serverUrl, log, report }) {
    const dir = path.resolve(".data/bench");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `accounts-${accounts}.csv`);
    log(`writing a ${accounts.toLocaleString("en-US")}-row file…`);
    await writeFile(file, accounts);
    const bytes = statSync(file).size;
    report({ metric: "file", value: round(bytes / 1024 / 1024), unit: "MiB" });

    const handle = await freshDatabase(serverUrl, DATABASE);
    if (handle.driver !== "postgres") throw new Error("benchmarks need PostgreSQL");
    process.env.UPLOAD_DIR = path.join(dir, "uploads");
    try {
      // The raw COPY: the same bytes into a table of text columns, nothing checked.
      await handle.sql.unsafe(`create table bare_import (${HEADER.map((_, i) => `c${i} text`).join(", ")})`);
      let t0 = performance.now();
      const copy = await handle.sql.unsafe(`copy bare_import from stdin with (format csv, header true)`).writable();
      await pipeline(createReadStream(file), copy);
      const copySeconds = (performance.now() - t0) / 1000;
      report({ metric: "raw COPY of the file into a bare table", value: round(copySeconds, 2), unit: "s" });

      const [org] = await handle.db
        .insert(organizations)
        .values({ name: "Import bench", slug: "import-bench" })
        .returning();
      const [creditor] = await handle.db
        .insert(creditors)
        .values({ orgId: org!.id, name: "Bench Bank", code: "BENCH" })
        .returning();
      const [admin] = await handle.db
        .insert(users)
        .values({ orgId: org!.id, email: "admin@bench.test", name: "Bench Admin", role: "admin", passwordHash: "x" })
        .returning();
      const ctx: ServiceContext = {
        db: handle.db,
        orgId: org!.id,
        actor: { type: "staff", userId: admin!.id, role: "admin" },
        requestId: "bench",
        now: () => new Date(),
      };

      let peakRss = process.memoryUsage().rss;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
      t0 = performance.now();
      const { id } = await createImport({
        ctx,
        body: createReadStream(file),
        fileName: path.basename(file),
        creditorId: creditor!.id,
        kind: "accounts",
      });
      const uploaded = performance.now();
      await startImport({
        ctx,
        input: { id, mapping: { columns: autoMap(HEADER, "accounts").mapping }, mode: "valid_rows" },
      });
      let writingSince = 0;
      const phases = setInterval(() => {
        void handle.db
          .select({ phase: importJobs.phase })
          .from(importJobs)
          .where(eq(importJobs.id, id))
          .then(([row]) => {
            if (row?.phase === "writing" && !writingSince) writingSince = performance.now();
          });
      }, 200);
      await runImport(handle, ctx, id);
      const done = performance.now();
      clearInterval(sampler);
      clearInterval(phases);
      const [job] = await handle.db.select().from(importJobs).where(eq(importJobs.id, id));
      if (job?.status !== "completed") throw new Error(`import ${job?.status}: ${job?.error}`);
      const seconds = (done - t0) / 1000;
      report({ metric: "rows imported (created)", value: job.rowsCreated, unit: "rows" });
      report({ metric: "rows rejected", value: job.rowsRejected, unit: "rows" });
      report({ metric: "  store and hash the upload", value: round((uploaded - t0) / 1000, 2), unit: "s" });
      if (writingSince) {
        report({ metric: "  read, validate, stage", value: round((writingSince - uploaded) / 1000, 2), unit: "s" });
        report({ metric: "  write into the portfolio", value: round((done - writingSince) / 1000, 2), unit: "s" });
      }
      report({ metric: "import end to end", value: round(seconds, 2), unit: "s" });
      report({ metric: "import throughput", value: Math.round(accounts / seconds), unit: "rows/s" });
      report({ metric: "import time / raw COPY time", value: round(seconds / copySeconds, 2), unit: "x" });
      report({ metric: "peak RSS of the importing process", value: round(peakRss / 1024 ** 3, 2), unit: "GiB" });

      // A floor no implementation can go under: the rows this import wrote (debtors, accounts, contact points,
      // ledger charges), copied server-side into tables with the same columns but no index, constraint or trigger.
      // Any import must at least write them; the real tables must also keep their indexes current.
      t0 = performance.now();
      for (const table of ["debtors", "accounts", "contact_points", "ledger_transactions"]) {
        await handle.sql.unsafe(`create table floor_${table} (like ${table})`);
        await handle.sql.unsafe(`insert into floor_${table} select * from ${table} where org_id = $1`, [org!.id]);
      }
      const floorSeconds = (performance.now() - t0) / 1000;
      report({ metric: "floor: the written rows into bare tables", value: round(floorSeconds, 2), unit: "s" });
      report({ metric: "floor / raw COPY time", value: round(floorSeconds / copySeconds, 2), unit: "x" });
      // The cheapest way to have the tables' indexes afterwards: build them in bulk on the loaded rows (what a
      // drop-load-rebuild or a fresh partition would do), rather than maintain them row by row as the import does.
      const definitions = await handle.sql<{ ddl: string }[]>`
        select replace(replace(indexdef, ' ON public.' || tablename || ' ', ' ON public.floor_' || tablename || ' '),
          'INDEX ' || indexname, 'INDEX floor_' || indexname) as ddl
        from pg_indexes where schemaname = 'public'
          and tablename in ('debtors', 'accounts', 'contact_points', 'ledger_transactions')`;
      t0 = performance.now();
      for (const { ddl } of definitions) await handle.sql.unsafe(ddl);
      const indexSeconds = (performance.now() - t0) / 1000;
      report({
        metric: `floor: bulk build of their ${definitions.length} indexes`,
        value: round(indexSeconds, 2),
        unit: "s",
      });
    } finally {
      await handle.close();
    }
  },
};
