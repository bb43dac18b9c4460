/**
 * npm run compliance:scenarios -- [file or folder …]
 * Runs compliance scenario files (format: server/modules/compliance/scenarios/README.md) and prints one line per
 * case — id, expected, got, PASS/FAIL — then "N passed, N failed". With no argument, the project's own scenarios.
 * --verbose also prints the gate's reasons under every case; failing cases always show them.
 */
import { PROJECT_SCENARIOS, runFile, scenarioFiles } from "@/server/modules/compliance/scenarios/run";

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const targets = args.filter((a) => a !== "--verbose");
let passed = 0;
let failed = 0;
for (const target of targets.length ? targets : [PROJECT_SCENARIOS]) {
  let files: string[];
  try {
    files = scenarioFiles(target);
  } catch {
    console.error(`No such file or folder: ${target}`);
    process.exit(2);
  }
  for (const file of files) {
    for (const r of runFile(file)) {
      if (r.pass) passed++;
      else failed++;
      console.log(`${r.id}\texpected: ${r.expected}\tgot: ${r.got}\t${r.pass ? "PASS" : "FAIL"}`);
      if (r.problem) console.log(`    ${r.problem}`);
      if ((verbose || !r.pass) && r.detail) console.log(`    ${r.detail}`);
    }
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
