import { and, count, eq } from "drizzle-orm";
import { openDatabase, type DatabaseHandle } from "@/db";
import { creditors, users, accounts as accountsTable } from "@/db/schema";
import { listAccounts } from "@/server/modules/accounts/list-accounts";
import type { ListAccountsInput } from "@/server/modules/accounts/accounts.schemas";
import { databaseUrl, percentile, round, type Benchmark } from "./harness";
import { BENCH_DATABASE, seedBenchmark } from "./seed";

const WARMUP = 3;
const RUNS = 40;

/** The benchmark database when it already holds the portfolio; otherwise it is seeded first. */
async function openSeeded(serverUrl: string, accounts: number, log: (m: string) => void) {
  const tryOpen = async (): Promise<DatabaseHandle | null> => {
    try {
      const handle = await openDatabase({ url: databaseUrl(serverUrl, BENCH_DATABASE), max: 4 });
      const [row] = await handle.db.select({ n: count() }).from(accountsTable);
      if ((row?.n ?? 0) >= accounts) return handle;
      await handle.close();
    } catch {
      // no such database yet
    }
    return null;
  };
  const existing = await tryOpen();
  if (existing) return existing;
  log(`seeding ${accounts} accounts first (npm run bench -- seed)…`);
  await seedBenchmark.run({ accounts, serverUrl, log, report: () => {} });
  return (await tryOpen())!;
}

/** Server time of the accounts list (rows + capped count) for the filter combinations agents use most. */
export const accountsListBenchmark: Benchmark = {
  async run({ accounts, serverUrl, log, report }) {
    const handle = await openSeeded(serverUrl, accounts, log);
    try {
      const db = handle.db;
      const [agent] = await db.select().from(users).where(eq(users.role, "agent")).limit(1);
      const [creditor] = await db.select().from(creditors).limit(1);
      const [sample] = await db
        .select()
        .from(accountsTable)
        .where(and(eq(accountsTable.orgId, agent!.orgId)))
        .limit(1);
      const ctx = {
        db,
        orgId: agent!.orgId,
        actor: { type: "staff" as const, userId: agent!.id, role: agent!.role },
        requestId: "bench",
        now: () => new Date(),
      };
      const combos: [string, ListAccountsInput][] = [
        ["default (most overdue first)", {}],
        ["bucket 61-90 by balance", { bucket: ["61-90"], sort: "balance", dir: "desc" }],
        ["status active + state CA", { status: ["active"], state: "CA" }],
        ["creditor + bucket 1-30", { creditorId: creditor!.id, bucket: ["1-30"] }],
        ["my accounts (assignee)", { assignee: agent!.id }],
        ["unassigned by balance", { assignee: "unassigned", sort: "balance", dir: "desc" }],
        ["balance >= $1,000", { minBalance: 100_000 }],
        ["search reference prefix", { q: sample!.externalRef.slice(0, -1) }],
        ["search last name prefix", { q: "gar" }],
        ["page 20", { page: 20 }],
      ];
      const all: number[] = [];
      for (const [label, input] of combos) {
        const times: number[] = [];
        for (let i = 0; i < WARMUP + RUNS; i++) {
          const t0 = performance.now();
          await listAccounts({ ctx, input });
          if (i >= WARMUP) times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        all.push(...times);
        report({ metric: `${label} p50`, value: round(percentile(times, 50)), unit: "ms" });
        report({ metric: `${label} p95`, value: round(percentile(times, 95)), unit: "ms" });
      }
      all.sort((a, b) => a - b);
      report({ metric: "all combinations p50", value: round(percentile(all, 50)), unit: "ms" });
      report({ metric: "all combinations p95", value: round(percentile(all, 95)), unit: "ms" });
      report({ metric: "all combinations max", value: round(all[all.length - 1]!), unit: "ms" });
    } finally {
      await handle.close();
    }
  },
};
