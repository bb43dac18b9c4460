/**
 * Seeds a demo portfolio into the database configured by the environment (DATABASE_URL, else PGLITE_DIR, else
 * .data/pglite). Run from the repository root, where the migrations are:
 *
 *   tsx db/seed/cli.ts --accounts 100000 --seed 1 [--slug demo] [--name "Acme Recovery Partners"]
 */
import { parseArgs } from "node:util";
import { databaseOptionsFromEnv, migrateDatabase, openDatabase, type DatabaseHandle } from "@/db";
import { DEFAULT_ORG_NAME, DEFAULT_ORG_SLUG, seedPortfolio } from "./portfolio";

const USAGE = "usage: tsx db/seed/cli.ts --accounts N --seed S [--slug demo] [--name NAME]";

function integerArg(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  // Accept 1_000_000 and 1,000,000 for readability on the command line.
  const value = Number(raw.replace(/[_,]/g, ""));
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`--${name} must be an integer >= ${min}, got "${raw}"\n${USAGE}`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      accounts: { type: "string" },
      seed: { type: "string" },
      slug: { type: "string" },
      name: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const accounts = integerArg("accounts", values.accounts, 5_000, 1);
  const seed = integerArg("seed", values.seed, 1, 0);

  const options = databaseOptionsFromEnv();
  const where = options.url ? "PostgreSQL" : `PGlite at ${options.dataDir}`;
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openDatabase(options);
    await migrateDatabase(handle);
    console.log(`Seeding ${where}...`);
    const result = await seedPortfolio(handle, {
      accounts,
      seed,
      orgSlug: values.slug ?? DEFAULT_ORG_SLUG,
      orgName: values.name ?? DEFAULT_ORG_NAME,
      log: (msg) => console.log(`  ${msg}`),
    });
    const { counts } = result;
    const n = (x: number) => x.toLocaleString("en-US");
    console.log(`Seeded organization ${result.orgId} in ${result.seconds.toFixed(1)} s:`);
    console.log(`  creditors            ${n(counts.creditors)}`);
    console.log(`  debtors              ${n(counts.debtors)}`);
    console.log(`  contact points       ${n(counts.contactPoints)}`);
    console.log(`  accounts             ${n(counts.accounts)}`);
    console.log(`  ledger transactions  ${n(counts.ledgerTransactions)}`);
    console.log("Demo logins:");
    for (const user of result.users) console.log(`  ${user.role.padEnd(8)} ${user.email.padEnd(32)} ${user.password}`);
  } finally {
    await handle?.close();
  }
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors.map(messageOf).join("; ");
  if (error instanceof Error) return error.message || (error as NodeJS.ErrnoException).code || error.name;
  return String(error);
}

main().catch((error: unknown) => {
  // The message only: a stack trace is noise for "slug already exists" or "connection refused".
  console.error(`seed failed: ${messageOf(error)}`);
  process.exit(1);
});
