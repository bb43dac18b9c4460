import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase, rowsOf, type DatabaseHandle } from "@/db";
import { importJobs } from "@/db/schema";
import { createOrg, staffContext, type TestOrg } from "@/db/testing/factories";
import { createImport, startImport, STALE_AFTER_MS } from "./jobs";
import { runImport } from "./run-import";

const ROWS = 40_000;

/**
 * A real crash: the import runs in its own process and is killed with SIGKILL, once while reading and once while
 * writing into the portfolio. Nothing may be visible after either; the next run completes it exactly once.
 * PostgreSQL only (two processes share the database).
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)("an import killed mid-way (postgres)", () => {
  let handle: DatabaseHandle;
  let url: string;
  let name: string;
  let org: TestOrg;
  let uploads: string;

  beforeAll(async () => {
    const server = process.env.TEST_DATABASE_URL!;
    name = `recoup_test_crash_${randomBytes(4).toString("hex")}`;
    const admin = await openDatabase({ url: server, max: 1 });
    if (admin.driver !== "postgres") throw new Error("expected postgres");
    await admin.sql.unsafe(`create database ${name}`);
    await admin.close();
    const u = new URL(server);
    u.pathname = `/${name}`;
    url = u.toString();
    handle = await openDatabase({ url, max: 4 });
    await migrateDatabase(handle);
    org = await createOrg(handle.db, "crash");
    uploads = mkdtempSync(path.join(tmpdir(), "recoup-crash-"));
    process.env.UPLOAD_DIR = uploads;
  });
  afterAll(async () => {
    await handle.close();
    const admin = await openDatabase({ url: process.env.TEST_DATABASE_URL!, max: 1 });
    if (admin.driver === "postgres") await admin.sql.unsafe(`drop database if exists ${name} with (force)`);
    await admin.close();
    rmSync(uploads, { recursive: true, force: true });
  });

  const count = async (table: string) =>
    rowsOf<{ n: number }>(
      await handle.db.execute(sql`select count(*)::int as n from ${sql.raw(table)} where org_id = ${org.orgId}`),
    )[0]!.n;
  const job = async (id: string) => (await handle.db.select().from(importJobs).where(eq(importJobs.id, id)))[0]!;

  function child(id: string): ChildProcess {
    return spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "testing/run-import-child.ts")], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        UPLOAD_DIR: uploads,
        IMPORT_ORG: org.orgId,
        IMPORT_USER: org.users.admin.id,
        IMPORT_ID: id,
        LOG_LEVEL: "silent",
      },
      stdio: "ignore",
    });
  }

  async function killWhen(
    proc: ChildProcess,
    id: string,
    ready: (j: Awaited<ReturnType<typeof job>>) => boolean | Promise<boolean>,
  ) {
    const exited = new Promise((resolve) => proc.once("exit", resolve));
    for (let i = 0; i < 600; i++) {
      const j = await job(id);
      if (await ready(j)) {
        proc.kill("SIGKILL");
        await exited;
        return j;
      }
      if (j.status !== "running") throw new Error(`the import ended (${j.status}) before it could be killed`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("the import never reached the point to kill it at");
  }

  /** What another process of a restarted server sees after 60 s without a heartbeat. */
  const ageHeartbeat = (id: string) =>
    handle.db
      .update(importJobs)
      .set({ heartbeatAt: new Date(Date.now() - STALE_AFTER_MS - 1_000) })
      .where(eq(importJobs.id, id));

  it("leaves nothing visible after a kill while reading or while writing, and completes exactly once", async () => {
    const lines = ["Account Reference,Full Name,Email,Balance,Due Date"];
    for (let i = 1; i <= ROWS; i++)
      lines.push(`CR-${i},Person ${i % 997} Crash,p${i}@example.com,${i}.50,2026-0${1 + (i % 9)}-15`);
    // The real clock: the child process heartbeats with it.
    const ctx = { ...staffContext(handle.db, org, "admin"), now: () => new Date() };
    const { id } = await createImport({
      ctx,
      body: Readable.from([Buffer.from(lines.join("\n"))]),
      fileName: "crash.csv",
      creditorId: org.creditorId,
      kind: "accounts",
    });
    const mapping = {
      columns: {
        "Account Reference": "externalRef",
        "Full Name": "fullName",
        Email: "email",
        Balance: "balance",
        "Due Date": "dueOn",
      },
    };
    await startImport({ ctx, input: { id, mapping, mode: "valid_rows" } });

    // 1. Killed while reading and staging.
    const reading = await killWhen(child(id), id, (j) => j.phase === "reading" && j.rowsRead > 0);
    expect(reading.rowsRead).toBeLessThan(ROWS);
    expect(await count("accounts")).toBe(0);

    // 2. Resumed in a new process, killed while writing into the portfolio (inside its one transaction).
    await ageHeartbeat(id);
    await startImport({ ctx, input: { id, mapping, mode: "valid_rows" } });
    // Killed while it inserts the accounts: the debtors are already written, uncommitted.
    const insertingAccounts = async () =>
      rowsOf<{ n: number }>(
        await handle.db.execute(sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and state = 'active' and query ilike '%insert into accounts%'
            and pid <> pg_backend_pid()`),
      )[0]!.n > 0;
    await killWhen(child(id), id, async (j) => j.phase === "writing" && (await insertingAccounts()));
    // The dead connection's transaction is rolled back by PostgreSQL: nothing of it is visible.
    expect(await count("accounts")).toBe(0);
    expect(await count("debtors")).toBe(0);
    expect(await count("ledger_transactions")).toBe(0);

    // 3. Resumed again, to the end: every row exactly once.
    await ageHeartbeat(id);
    await startImport({ ctx, input: { id, mapping, mode: "valid_rows" } });
    await runImport(handle, ctx, id);
    expect(await job(id)).toMatchObject({ status: "completed", rowsCreated: ROWS, rowsRejected: 0, attempts: 3 });
    expect(await count("accounts")).toBe(ROWS);
    expect(await count("ledger_transactions")).toBe(ROWS);
    expect(await count("debtors")).toBe(ROWS);
    expect(
      rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from import_staged_accounts`))[0]!.n,
    ).toBe(0);
  });
});
