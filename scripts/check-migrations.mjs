#!/usr/bin/env node
// Fails when the schema has changes that no committed migration contains: drizzle-kit generate must find nothing.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const before = readdirSync("db/migrations").sort();
const result = spawnSync("node_modules/.bin/drizzle-kit", ["generate", "--name", "ci_check"], { encoding: "utf8" });
const after = readdirSync("db/migrations").sort();
if (result.status !== 0 || after.length !== before.length) {
  console.error(result.stdout, result.stderr);
  console.error("Migrations are out of step with db/schema: run `npm run db:generate` and commit the result.");
  spawnSync("git", ["checkout", "--", "db/migrations"]);
  for (const f of after.filter((f) => !before.includes(f))) spawnSync("rm", ["-f", `db/migrations/${f}`]);
  process.exit(1);
}
console.log("Migrations match the schema.");
