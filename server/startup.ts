import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { DataDirLockedError, getDatabase, migrationsFolder, rowsOf } from "@/db";

/**
 * Runs when a server process starts, before it serves. Opening the database here takes the embedded data
 * directory's lock at once, so a second server on the same directory stops with a clear message instead of
 * failing (or losing writes) later; and a database whose migrations were not applied is refused up front,
 * since the server never migrates by itself.
 */
export async function openDatabaseAtStartup(): Promise<void> {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  try {
    const { db } = await getDatabase();
    const journal = JSON.parse(
      readFileSync(path.join(/*turbopackIgnore: true*/ migrationsFolder(), "meta", "_journal.json"), "utf8"),
    ) as { entries: unknown[] };
    const applied = await db
      .execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)
      .then((r) => Number(rowsOf<{ n: number }>(r)[0]?.n ?? 0))
      .catch(() => 0);
    if (applied < journal.entries.length) {
      fail(
        `The database has ${applied} of ${journal.entries.length} migrations applied. Run \`npm run db:migrate\` ` +
          "first (`npm start` does it for you).",
      );
    }
  } catch (error) {
    if (error instanceof DataDirLockedError) fail(error.message);
    throw error;
  }
}

function fail(message: string): never {
  console.error(`\n[recoup] ${message}\n`);
  process.exit(1);
}
