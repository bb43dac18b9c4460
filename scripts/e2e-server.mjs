#!/usr/bin/env node
/**
 * The server Playwright tests against: a fresh database every run (a new embedded PGlite directory, or the
 * E2E_DATABASE_URL database dropped and recreated), migrated and seeded with a small demo portfolio, then
 * `next start`. Refuses any database that is not on this machine.
 */
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const port = process.env.E2E_PORT ?? "3100";
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0000000000",
  DEMO_ACCOUNTS: process.env.E2E_ACCOUNTS ?? "400",
  DEMO_SEED: "1",
  PORT: port,
};
delete env.DATABASE_URL;

const url = process.env.E2E_DATABASE_URL;
if (url) {
  const target = new URL(url);
  if (!["127.0.0.1", "localhost", "::1"].includes(target.hostname)) {
    console.error(`[e2e] refusing to reset a non-local database (${target.hostname})`);
    process.exit(1);
  }
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  await sql.unsafe(`drop database if exists "${name}" with (force)`);
  await sql.unsafe(`create database "${name}"`);
  await sql.end();
  env.DATABASE_URL = url;
} else {
  const dir = path.join(root, ".data", "e2e");
  rmSync(dir, { recursive: true, force: true });
  env.PGLITE_DIR = path.join(dir, "pglite");
}

const prepared = spawnSync(bin("tsx"), ["db/cli.ts", "prepare"], { cwd: root, env, stdio: "inherit" });
if (prepared.status !== 0) process.exit(prepared.status ?? 1);
const server = spawn(bin("next"), ["start", "-H", "127.0.0.1", "-p", port], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
