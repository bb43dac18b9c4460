/**
 * Database tasks that must run before the server starts, in their own process (so, with PGlite, never while
 * the server holds the data directory):
 *   tsx db/cli.ts migrate   apply pending migrations
 *   tsx db/cli.ts prepare   migrate, and seed the demo portfolio when the database has no organization yet
 */
import { count } from "drizzle-orm";
import { databaseOptionsFromEnv, migrateDatabase, openDatabase } from "@/db";
import { organizations } from "@/db/schema";
import { DEMO_USERS, seedPortfolio } from "@/db/seed/portfolio";

async function main(command: string | undefined): Promise<void> {
  if (command !== "migrate" && command !== "prepare") throw new Error("usage: tsx db/cli.ts migrate|prepare");
  const options = databaseOptionsFromEnv();
  const handle = await openDatabase(options);
  try {
    const started = Date.now();
    await migrateDatabase(handle);
    console.log(
      `[db] ${options.url ? "PostgreSQL" : `PGlite at ${options.dataDir}`}: migrations applied (${Date.now() - started} ms)`,
    );
    if (command === "migrate") return;
    const [orgs] = await handle.db.select({ n: count() }).from(organizations);
    if (orgs!.n === 0) {
      const accounts = Number(process.env.DEMO_ACCOUNTS ?? 5000);
      const seed = Number(process.env.DEMO_SEED ?? 1);
      console.log(`[db] empty database: seeding a demo portfolio of ${accounts} accounts (seed ${seed})…`);
      const result = await seedPortfolio(handle, { accounts, seed });
      console.log(`[db] seeded in ${result.seconds.toFixed(1)} s`);
    }
  } finally {
    await handle.close();
  }
}

main(process.argv[2]).then(
  () => {
    if (process.argv[2] === "prepare") {
      console.log("\nDemo logins (unless changed since):");
      for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(8)} ${u.email.padEnd(28)} ${u.password}`);
    }
  },
  (error: unknown) => {
    console.error(`[db] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
