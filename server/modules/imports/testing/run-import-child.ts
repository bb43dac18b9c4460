/**
 * Runs one import in a process of its own, for the crash test (imports-crash.test.ts), which kills it with
 * SIGKILL part-way. Arguments come from the environment: DATABASE_URL, IMPORT_ORG, IMPORT_USER, IMPORT_ID.
 */
import { openDatabase } from "@/db";
import { runImport } from "../run-import";

const handle = await openDatabase({ url: process.env.DATABASE_URL!, max: 4 });
await runImport(
  handle,
  {
    db: handle.db,
    orgId: process.env.IMPORT_ORG!,
    actor: { type: "staff", userId: process.env.IMPORT_USER!, role: "admin" },
    requestId: "crash-test",
    now: () => new Date(),
  },
  process.env.IMPORT_ID!,
);
await handle.close();
