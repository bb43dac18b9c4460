#!/usr/bin/env node
/**
 * `npm start`: the one command that runs Recoup on a fresh clone.
 *  1. builds the app when there is no build or the sources changed since the last one;
 *  2. migrates the database (embedded PGlite in .data/ unless DATABASE_URL is set) and, on first run, seeds the
 *     demo portfolio — in its own process, before the server opens the database;
 *  3. serves on PORT (default 3000) and prints the URL and one demo login per role.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const port = process.env.PORT || "3000";
const host = process.env.HOST || "0.0.0.0";
const env = { ...process.env, PORT: port, NEXT_TELEMETRY_DISABLED: "1" };

// A session secret is required; a local install gets its own random one, kept beside the embedded data.
if (!env.AUTH_SECRET) {
  const file = path.join(root, ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (child === "node_modules" || child.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function needsBuild() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const sources = [
    "app",
    "components",
    "server",
    "db",
    "emails",
    "public",
    "proxy.ts",
    "instrumentation.ts",
    "next.config.ts",
    "package-lock.json",
  ];
  return sources.some((s) => newestMtime(path.join(root, s)) > statSync(buildId).mtimeMs);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (needsBuild()) {
  console.log("[start] building the app (first run or sources changed)…");
  run(bin("next"), ["build"]);
}
run(bin("tsx"), ["db/cli.ts", "prepare"]);

const server = spawn(bin("next"), ["start", "-p", port, "-H", host], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

const url = `http://localhost:${port}`;
for (let i = 0; i < 120; i++) {
  await new Promise((r) => setTimeout(r, 500));
  if (server.exitCode !== null) break;
  const ok = await fetch(`http://127.0.0.1:${port}/sign-in`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) {
    console.log(`\n  Recoup is running at ${url}  (sign in with a demo login above; Ctrl+C to stop)\n`);
    break;
  }
}
