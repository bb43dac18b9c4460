import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "@/db";
import { auditEvents } from "@/db/schema";
import { createAccount, createOrg, staffContext } from "@/db/testing/factories";
import { addNote } from "@/server/modules/accounts/add-note";

/** The command an operator runs, as a separate process on a real embedded data directory. */
function runVerify(dataDir: string) {
  return spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/audit-verify.ts"], {
    env: { ...process.env, PGLITE_DIR: dataDir, DATABASE_URL: "" },
    encoding: "utf8",
  });
}

describe("npm run audit:verify", () => {
  let dir: string;
  let dataDir: string;
  let victim: number;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "recoup-verify-"));
    dataDir = path.join(dir, "pglite");
    const handle = await openDatabase({ dataDir });
    await migrateDatabase(handle);
    const org = await createOrg(handle.db, "verify");
    const account = await createAccount(handle.db, org);
    for (let i = 0; i < 4; i++)
      await addNote({ ctx: staffContext(handle.db, org, "agent"), input: { accountId: account.id, body: `n${i}` } });
    const rows = await handle.db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .where(eq(auditEvents.orgId, org.orgId))
      .orderBy(auditEvents.seq);
    victim = rows[2]!.seq;
    await handle.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("exits 0 on an intact chain and 1 naming the first altered event", async () => {
    const intact = runVerify(dataDir);
    expect(intact.stdout).toContain("4 events, chain intact");
    expect(intact.status).toBe(0);

    const handle = await openDatabase({ dataDir });
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(
        sql`update audit_events set after = jsonb_set(after, '{body}', '"edited"') where seq = ${victim}`,
      );
    });
    await handle.close();

    const broken = runVerify(dataDir);
    expect(broken.stdout).toContain(`event seq ${victim}`);
    expect(broken.stdout).toContain("altered");
    expect(broken.status).toBe(1);
  });
});
