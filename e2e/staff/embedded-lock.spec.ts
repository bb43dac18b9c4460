import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";

// The server under test holds .data/e2e/pglite (scripts/e2e-server.mjs); a second server must refuse it.
test.skip(!!process.env.E2E_DATABASE_URL, "only the embedded database has a one-process rule");

test("a second server on the same embedded data directory is refused with a clear message", async ({ page }) => {
  const second = spawn(path.resolve("node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", "3199"], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      PGLITE_DIR: path.resolve(".data/e2e/pglite"),
      AUTH_SECRET: "e2e-secret-not-for-production-0000000000",
    },
  });
  let output = "";
  second.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  second.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      second.kill("SIGTERM");
      resolve(null);
    }, 30_000);
    second.on("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  expect(code).toBe(1);
  expect(output).toMatch(/already open in process \d+/);
  expect(output).toContain("one process per data directory");
  // The first server is unharmed.
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});
