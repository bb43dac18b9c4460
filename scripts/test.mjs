#!/usr/bin/env node
/**
 * `npm test`: every test lane in one command.
 *   1. vitest: unit and integration tests (in-memory PGlite; PostgreSQL too when TEST_DATABASE_URL is set);
 *   2. next build, then Playwright end-to-end journeys in a real browser against `next start` on a fresh
 *      database (embedded PGlite, or E2E_DATABASE_URL).
 * Ends with one line `N passed, N failed, N skipped` summing both, and writes it to .data/test-summary.json.
 * Flags: --unit (vitest only), --e2e (build + Playwright only).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const reports = path.join(root, ".data", "reports");
mkdirSync(reports, { recursive: true });
const only = process.argv[2];
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: "inherit" });
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

if (only !== "--e2e") {
  const file = path.join(reports, "vitest.json");
  rmSync(file, { force: true });
  const code = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]);
  const report = readJson(file);
  if (report) {
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  }
  if (code !== 0) {
    exitCode = 1;
    if (!report || report.numFailedTests === 0) totals.failed += 1; // the run itself failed (e.g. a file did not load)
  }
}

if (only !== "--unit") {
  const file = path.join(reports, "playwright.json");
  rmSync(file, { force: true });
  let code = run(bin("next"), ["build"]);
  if (code === 0) {
    code = run(bin("playwright"), ["test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
    const stats = readJson(file)?.stats;
    if (stats) {
      totals.passed += stats.expected + stats.flaky;
      totals.failed += stats.unexpected;
      totals.skipped += stats.skipped;
    }
    if (code !== 0 && (!stats || stats.unexpected === 0)) totals.failed += 1;
  } else {
    console.error("[test] next build failed: end-to-end tests not run");
    totals.failed += 1;
  }
  if (code !== 0) exitCode = 1;
}

writeFileSync(path.join(root, ".data", "test-summary.json"), JSON.stringify(totals));
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
