import { DataDirLockedError, getDatabase } from "@/db";

/**
 * Opening the database when the server starts takes the embedded data directory's lock at once, so a second
 * server on the same directory stops with a clear message instead of failing (or losing writes) later.
 */
export async function openDatabaseAtStartup(): Promise<void> {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  try {
    await getDatabase();
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(`\n[recoup] ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
