import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { migrateDatabase, openDatabase, type DatabaseHandle } from "@/db";

export type TestDriver = "pglite" | "postgres";

/**
 * PGlite always; PostgreSQL too when TEST_DATABASE_URL points at a server. TEST_DRIVERS (e.g. "postgres")
 * narrows the list, so CI's PostgreSQL lane does not repeat the PGlite one.
 */
export function testDrivers(): TestDriver[] {
  const available: TestDriver[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
  const wanted = process.env.TEST_DRIVERS?.split(",").map((d) => d.trim());
  const drivers = wanted ? available.filter((d) => wanted.includes(d)) : available;
  if (drivers.length === 0) throw new Error(`TEST_DRIVERS=${process.env.TEST_DRIVERS} selects no available driver`);
  return drivers;
}

/**
 * A fresh, migrated, empty database for one test file: in-memory PGlite from the run's template dump, or a new
 * PostgreSQL database created on the TEST_DATABASE_URL server and dropped on close.
 */
export async function createTestDatabase(driver: TestDriver): Promise<DatabaseHandle> {
  if (driver === "pglite") {
    const template = process.env.RECOUP_TEST_TEMPLATE;
    if (template) {
      return openDatabase({ dataDir: "memory://", loadDataDir: new Blob([readFileSync(template)]) });
    }
    const handle = await openDatabase({ dataDir: "memory://" });
    await migrateDatabase(handle);
    return handle;
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `recoup_test_${randomBytes(6).toString("hex")}`;
  const admin = await openDatabase({ url: serverUrl, max: 1 });
  if (admin.driver !== "postgres") throw new Error("expected postgres");
  await admin.sql.unsafe(`create database ${name}`);
  await admin.close();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), max: 10 });
  await migrateDatabase(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = await openDatabase({ url: serverUrl, max: 1 });
      if (dropper.driver === "postgres") await dropper.sql.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.close();
    },
  };
}
