/** Runs once when a server process starts, before it handles requests (Node.js runtime only). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { openDatabaseAtStartup } = await import("./server/startup");
    await openDatabaseAtStartup();
  }
}
