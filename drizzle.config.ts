import { defineConfig } from "drizzle-kit";

// Used by `drizzle-kit generate` and `drizzle-kit check` only; the app migrates itself (db/migrate.ts) so that
// no second process ever opens the embedded data directory while the server runs.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  strict: true,
  verbose: true,
});
