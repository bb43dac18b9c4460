import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir, migrateDatabase, openDatabase, rowsOf, type DatabaseHandle } from "@/db";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createAccount, createOrg } from "@/db/testing/factories";

describe("embedded data directory lock", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "recoup-lock-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a second process on the same directory with a clear message, and frees it on close", async () => {
    const dataDir = path.join(dir, "pglite");
    const handle = await openDatabase({ dataDir });
    await migrateDatabase(handle);
    const second = spawnSync(path.resolve("node_modules/.bin/tsx"), ["db/cli.ts", "migrate"], {
      env: { ...process.env, PGLITE_DIR: dataDir, DATABASE_URL: "" },
      encoding: "utf8",
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`already open in process ${process.pid}`);
    expect(second.stderr).toContain("one process per data directory");
    await handle.close();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    const third = spawnSync(path.resolve("node_modules/.bin/tsx"), ["db/cli.ts", "migrate"], {
      env: { ...process.env, PGLITE_DIR: dataDir, DATABASE_URL: "" },
      encoding: "utf8",
    });
    expect(third.stderr).toBe("");
    expect(third.status).toBe(0);
  });

  it("takes over a lock left by a process that no longer exists", () => {
    const dataDir = path.join(dir, "stale");
    writeFileSync(`${dataDir}.lock`, "999999999");
    const release = lockDataDir(dataDir);
    expect(readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    release();
  });

  it("refuses within one process too when another live process holds it", () => {
    const dataDir = path.join(dir, "held");
    writeFileSync(`${dataDir}.lock`, String(process.ppid));
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
  });
});

describe.each(testDrivers())("database (%s)", (driver) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(driver);
  });
  afterAll(() => handle.close());

  it("normalises raw result rows across drivers", async () => {
    const rows = rowsOf<{ n: number }>(await handle.db.execute(sql`select 1::int as n union all select 2`));
    expect(rows).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it("keeps ledger transactions append-only", async () => {
    const org = await createOrg(handle.db, "ledger");
    await createAccount(handle.db, org);
    await expect(handle.db.execute(sql`update ledger_transactions set principal_minor = 1`)).rejects.toThrow();
    await expect(handle.db.execute(sql`delete from ledger_transactions`)).rejects.toThrow();
  });

  it("derives the balance from its components and stores money as integers", async () => {
    const org = await createOrg(handle.db, "money");
    const account = await createAccount(handle.db, org, {
      principalMinor: 9_007_199_254_740,
      interestMinor: 12,
      feesMinor: 3,
    });
    expect(account.balanceMinor).toBe(9_007_199_254_755);
  });
});
