import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import * as schema from "./schema";

export { schema };

/** One type for both drivers: the query builder and `db.query` behave the same on postgres.js and PGlite. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseHandle =
  | { driver: "postgres"; db: Database; sql: Sql; close: () => Promise<void> }
  | { driver: "pglite"; db: Database; pglite: PGlite; close: () => Promise<void> };

export type OpenOptions = {
  /** postgres:// URL; when absent, PGlite is used. */
  url?: string;
  /** PGlite data directory, or `memory://` for a throwaway in-memory database. */
  dataDir?: string;
  /** PGlite only: start from a pre-migrated dump (tests use it to skip initdb + migrate). */
  loadDataDir?: Blob;
  /** postgres.js pool size. */
  max?: number;
};

export const DEFAULT_PGLITE_DIR = ".data/pglite";

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database at ${dataDir} is already open in process ${pid}. PGlite allows one process per ` +
        `data directory (two would silently lose writes). Stop that process, use another PGLITE_DIR, or set ` +
        `DATABASE_URL to use PostgreSQL.`,
    );
    this.name = "DataDirLockedError";
  }
}

function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes `<dataDir>.lock` for this process, atomically (O_EXCL). A lock left by a dead process is taken over.
 * Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = `${path.resolve(/*turbopackIgnore: true*/ dataDir)}.lock`;
  mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        try {
          if (readFileSync(lockPath, "utf8") === String(process.pid)) rmSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
      if (Number.isFinite(holder) && holder !== process.pid && pidIsAlive(holder)) {
        throw new DataDirLockedError(dataDir, holder);
      }
      rmSync(lockPath, { force: true }); // stale: its process is gone (or it is ours from a previous open)
    }
  }
  throw new Error(`Could not lock ${lockPath}`);
}

export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const sql = postgres(options.url, { max: options.max ?? 10, onnotice: () => {} });
    const db = drizzle(sql, { schema }) as unknown as Database;
    return { driver: "postgres", db, sql, close: () => sql.end({ timeout: 5 }) };
  }
  const dataDir = options.dataDir ?? DEFAULT_PGLITE_DIR;
  const inMemory = dataDir.startsWith("memory://");
  const release = inMemory ? () => {} : lockDataDir(dataDir);
  try {
    if (!inMemory) mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ dataDir)), { recursive: true });
    const { PGlite } = await import("@electric-sql/pglite");
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const { fuzzystrmatch } = await import("@electric-sql/pglite/contrib/fuzzystrmatch");
    const { drizzle } = await import("drizzle-orm/pglite");
    const pglite = await PGlite.create({
      dataDir: inMemory ? undefined : dataDir,
      loadDataDir: options.loadDataDir,
      // Typo-tolerant name search needs pg_trgm and fuzzystrmatch; PostgreSQL ships them in contrib, PGlite as
      // loadable bundles.
      extensions: { pg_trgm, fuzzystrmatch },
    });
    const db = drizzle(pglite, { schema }) as unknown as Database;
    return {
      driver: "pglite",
      db,
      pglite,
      close: async () => {
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

export function migrationsFolder(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");
}

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const folder = migrationsFolder();
  if (!existsSync(folder)) throw new Error(`Migrations folder not found: ${folder}`);
  if (handle.driver === "postgres") {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(handle.db as never, { migrationsFolder: folder });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder: folder });
  }
}

/** Options for the process's database, from the environment. */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenOptions {
  return env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.PGLITE_DIR || DEFAULT_PGLITE_DIR };
}

const globalForDb = globalThis as unknown as { __recoupDb?: Promise<DatabaseHandle> };

/**
 * The process-wide handle, opened lazily on first use (never at import, never during `next build`) and kept on
 * globalThis so hot reloads reuse it. Migrations are not run here: scripts/start.mjs runs them before the server.
 */
export function getDatabase(): Promise<DatabaseHandle> {
  if (!globalForDb.__recoupDb) {
    globalForDb.__recoupDb = openDatabase(databaseOptionsFromEnv()).catch((error: unknown) => {
      globalForDb.__recoupDb = undefined;
      throw error;
    });
  }
  return globalForDb.__recoupDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabase()).db;
}

/** postgres.js returns an array of rows from `execute`; PGlite returns `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
