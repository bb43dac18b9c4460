/**
 * Runs once when a server process starts, before it handles requests. Opening the database here takes the
 * embedded data directory's lock at start-up, so a second server on the same directory stops at once with a
 * clear message instead of failing (or losing writes) on its first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDatabase, DataDirLockedError } = await import("./db");
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
