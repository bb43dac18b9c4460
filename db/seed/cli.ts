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
  if (!Number.isSafeInteger(value) || value < min)
    throw new Error(`--${name} must be an integer >= ${min}, got "${raw}"\n${USAGE}`);
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
    const { counts, timings } = result;
    const n = (x: number) => x.toLocaleString("en-US");
    // Rows per second of each table's COPY time (the COPYs run one after another on one connection).
    const rate = (rows: number, seconds: number) =>
      seconds > 0 ? `${n(Math.round(rows / seconds)).padStart(11)} rows/s COPY` : "";
    const { copySeconds } = timings;
    console.log(`Seeded organization ${result.orgId} in ${result.seconds.toFixed(1)} s:`);
    const table = (label: string, rows: number, copied?: number) =>
      console.log(`  ${label.padEnd(21)}${n(rows).padStart(11)}  ${copied === undefined ? "" : rate(rows, copied)}`);
    table("creditors", counts.creditors);
    table("debtors", counts.debtors, copySeconds.debtors);
    table("contact points", counts.contactPoints, copySeconds.contact_points);
    table("accounts", counts.accounts, copySeconds.accounts);
    table("ledger transactions", counts.ledgerTransactions, copySeconds.ledger_transactions);
    table("interactions", counts.interactions, copySeconds.interactions);
    table("promises", counts.promises, copySeconds.promises);
    table("holds", counts.holds, copySeconds.holds);
    table("tasks", counts.tasks, copySeconds.tasks);
    console.log(`  queue priorities recomputed in ${timings.prioritySeconds.toFixed(1)} s`);
    if (timings.rebuildSeconds !== null)
      console.log(`  index and foreign-key rebuild ${timings.rebuildSeconds.toFixed(1)} s`);
    console.log("Demo logins:");
    for (const user of result.users) console.log(`  ${user.role.padEnd(8)} ${user.email.padEnd(32)} ${user.password}`);
  } finally {
    await handle?.close();
  }
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors.map(messageOf).join("; ");
  if (error instanceof Error) {
    const message = error.message || (error as NodeJS.ErrnoException).code || error.name;
    // drizzle wraps driver errors ("Failed query: …\nparams: …"); the cause says what actually went wrong.
    return error.cause ? `${message.split("\n")[0]}: ${messageOf(error.cause)}` : message;
  }
  return String(error);
}

main().catch((error: unknown) => {
  // The message only: a stack trace is noise for "slug already exists" or "connection refused".
  console.error(`seed failed: ${messageOf(error)}`);
  process.exit(1);
});
