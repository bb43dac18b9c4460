import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    // next-auth imports "next/server" without an extension, which only resolves when vitest bundles it.
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    include: ["{server,db,components,app}/**/*.test.{ts,tsx}"],
    pool: "forks",
    globalSetup: ["./db/testing/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { AUTH_SECRET: "test-secret-not-for-production-000000000000", LOG_LEVEL: "silent" },
  },
});
