import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { DatabaseHandle } from "@/db";

/**
 * Bulk loading with COPY ... FROM (FORMAT csv): 10-20x faster than batched INSERTs on both drivers
 * (stack-notes §4), because rows skip the SQL parser, the planner and JS parameter serialisation.
 */

/** Anything that can run a COPY: a DatabaseHandle, or the raw client of an open transaction. */
export type CopyTarget =
  { driver: "postgres"; sql: PostgresCopyClient } | { driver: "pglite"; pglite: PgliteCopyClient };

/** The part of postgres.js (pool, reserved connection or transaction) COPY needs. */
export type PostgresCopyClient = { unsafe(query: string): { writable(): Promise<Writable> } };

/** The part of PGlite (instance or transaction) COPY needs. */
export type PgliteCopyClient = {
  query(query: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown>;
};

export type CopyOptions = {
  /** PGlite: records per COPY statement (each becomes one in-memory Blob). */
  chunkRows?: number;
  /** postgres.js: target size of each write to the COPY stream. */
  chunkBytes?: number;
};

const DEFAULT_CHUNK_ROWS = 50_000;
const DEFAULT_CHUNK_BYTES = 1 << 20;

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function copyStatement(table: string, columns: readonly string[], source: string): string {
  if (columns.length === 0) throw new Error(`COPY into ${table} needs at least one column`);
  // "public.accounts" stays two identifiers; each part is quoted so reserved words and capitals survive.
  const target = table.split(".").map(quoteIdent).join(".");
  return `COPY ${target} (${columns.map(quoteIdent).join(", ")}) FROM ${source} WITH (FORMAT csv)`;
}

/**
 * Groups items into strings of about `limitBytes` (or `limitRows` items), never holding more than one group,
 * so a generator of millions of rows streams through in constant memory.
 */
async function* batches(
  rows: AsyncIterable<string> | Iterable<string>,
  limitBytes: number,
  limitRows: number,
): AsyncGenerator<string> {
  let parts: string[] = [];
  let bytes = 0;
  for await (const row of rows) {
    // An item may already end with a newline, and may then hold several records (callers that build
    // whole chunks themselves skip the per-line overhead).
    const record = row.endsWith("\n") ? row : `${row}\n`;
    parts.push(record);
    bytes += record.length;
    if (bytes >= limitBytes || parts.length >= limitRows) {
      yield parts.join("");
      parts = [];
      bytes = 0;
    }
  }
  if (parts.length > 0) yield parts.join("");
}

type PendingCopy = { writable(): Promise<Writable>; reject?: (error: unknown) => void };

/**
 * postgres.js 3.4.9 loses a COPY's server error (porsager/postgres#1173, fix pending in #1183): PostgreSQL
 * reports a bad row only after CopyDone, when the driver has already let go of the stream, so the error goes to
 * the query's `reject`, whose promise has long resolved with the stream, and the writable never finishes. The
 * caller would hang forever inside its transaction. This taps `reject` (an instance property of the driver's
 * Query) so the error surfaces; the transaction then rolls back as usual, and the ROLLBACK's completion lets
 * the abandoned stream finish harmlessly. Without the property (a fixed driver), the stream itself rejects.
 */
function observeServerError(query: PendingCopy): Promise<never> {
  let fail: (error: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => {}); // raced below; an error before COPY starts is thrown by writable() instead
  const original = query.reject;
  if (typeof original === "function") {
    query.reject = (error: unknown) => {
      fail(error);
      original(error);
    };
  }
  return failed;
}

/**
 * Loads CSV records into `table`. Each item of `rows` is one record (fields already escaped with csvField,
 * trailing newline optional) or several newline-terminated records. Columns not listed get their defaults.
 *
 * postgres.js: one `COPY ... FROM STDIN` statement, streamed with backpressure. PGlite: one
 * `COPY ... FROM '/dev/blob'` statement per `chunkRows` items, because PGlite takes the data as one Blob.
 * Several statements are not atomic on their own: pass a transaction's client (see copyTargetOfTransaction)
 * for all-or-nothing.
 */
export async function copyRows(
  target: CopyTarget | DatabaseHandle,
  table: string,
  columns: readonly string[],
  rows: AsyncIterable<string> | Iterable<string>,
  options: CopyOptions = {},
): Promise<void> {
  const chunkRows = options.chunkRows ?? DEFAULT_CHUNK_ROWS;
  if (target.driver === "postgres") {
    const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
    const query = target.sql.unsafe(copyStatement(table, columns, "STDIN")) as PendingCopy;
    const serverError = observeServerError(query);
    const stream = await query.writable();
    // Readable.from keeps pulling only while the socket accepts data, so memory stays at about one batch.
    await Promise.race([
      pipeline(Readable.from(batches(rows, chunkBytes, Number.POSITIVE_INFINITY)), stream),
      serverError,
    ]);
    return;
  }
  const statement = copyStatement(table, columns, "'/dev/blob'");
  for await (const text of batches(rows, Number.POSITIVE_INFINITY, chunkRows)) {
    await target.pglite.query(statement, [], { blob: new Blob([text]) });
  }
}

export type CsvValue = string | number | bigint | boolean | Date | null | undefined | readonly (string | null)[];

/** A PostgreSQL array literal ({"a","b"}) for text[] columns; every element quoted, NULL for null. */
export function pgArrayLiteral(items: readonly (string | null)[]): string {
  return `{${items.map((item) => (item === null ? "NULL" : `"${item.replace(/["\\]/g, "\\$&")}"`)).join(",")}}`;
}

/**
 * One CSV field for COPY (FORMAT csv). null/undefined become an empty unquoted field, which COPY reads as NULL;
 * strings are always quoted, so an empty string stays an empty string. Dates are written as UTC instants.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return `"${value.replaceAll('"', '""')}"`;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot write ${value} to CSV`);
    return String(value);
  }
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "t" : "f";
  if (value instanceof Date) return value.toISOString();
  return csvField(pgArrayLiteral(value));
}

/** One CSV record (without the trailing newline). */
export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvField).join(",");
}

/**
 * The raw driver client behind a drizzle transaction, so COPY runs inside it: drizzle has no COPY, and a COPY on
 * the pool would commit separately from the rest of the transaction. This reads drizzle's session internals
 * (`tx.session.client`, present in drizzle-orm 0.45 for both postgres-js and pglite) and checks their shape,
 * so an upgrade that changes them fails loudly here instead of copying outside the transaction.
 */
export function copyTargetOfTransaction(driver: DatabaseHandle["driver"], tx: unknown): CopyTarget {
  const client = (tx as { session?: { client?: unknown } } | null)?.session?.client;
  if (driver === "postgres") {
    if (typeof client === "function" && typeof (client as { unsafe?: unknown }).unsafe === "function") {
      return { driver, sql: client as unknown as PostgresCopyClient };
    }
  } else if (
    typeof client === "object" &&
    client !== null &&
    typeof (client as { query?: unknown }).query === "function"
  ) {
    return { driver, pglite: client as PgliteCopyClient };
  }
  throw new Error(
    `Cannot reach the ${driver} client of a drizzle transaction (drizzle-orm internals changed?); COPY needs it`,
  );
}

/** Runs one SQL statement inside the caller's transaction and returns its rows. */
export type SqlRunner = (statement: string) => Promise<Record<string, unknown>[]>;

export type DeferredIndexes = {
  indexes: number;
  foreignKeys: number;
  /** Recreates everything that was dropped, with the definitions read from the catalog. */
  restore: () => Promise<void>;
};

/**
 * The classic bulk-load recipe, for loads that dwarf what the tables already hold: drop the secondary indexes
 * and the outgoing foreign keys of `tables`, load, then rebuild. Building an index by one sort and validating a
 * foreign key by one join are several times cheaper than maintaining 15 indexes and running one foreign-key
 * lookup per row (measured on the 1M-account seed: 137 s of COPY with them, 44 s with this).
 *
 * Must run inside a transaction: the drops and the rebuild commit together, or a failure restores the schema
 * untouched. The drops take ACCESS EXCLUSIVE locks, so other sessions wait on these tables until commit.
 * Primary keys stay (other tables' foreign keys depend on them), and so do indexes backing a constraint.
 */
export async function deferIndexes(run: SqlRunner, tables: readonly string[]): Promise<DeferredIndexes> {
  const names = tables.map((t) => `'${t.replaceAll("'", "''")}'`).join(", ");
  const rows = (await run(`
    select 'index' as kind, format('%I.%I', n.nspname, ic.relname) as name, format('%I.%I', n.nspname, t.relname) as tbl,
           pg_get_indexdef(i.indexrelid) as definition
      from pg_index i
      join pg_class ic on ic.oid = i.indexrelid
      join pg_class t on t.oid = i.indrelid
      join pg_namespace n on n.oid = t.relnamespace
     where n.nspname = current_schema() and t.relname in (${names})
       and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
    union all
    select 'fk', quote_ident(k.conname), format('%I.%I', n.nspname, t.relname), pg_get_constraintdef(k.oid)
      from pg_constraint k
      join pg_class t on t.oid = k.conrelid
      join pg_namespace n on n.oid = t.relnamespace
     where n.nspname = current_schema() and t.relname in (${names}) and k.contype = 'f'`)) as {
    kind: "index" | "fk";
    name: string;
    tbl: string;
    definition: string;
  }[];
  const indexes = rows.filter((r) => r.kind === "index");
  const foreignKeys = rows.filter((r) => r.kind === "fk");
  for (const fk of foreignKeys) await run(`alter table ${fk.tbl} drop constraint ${fk.name}`);
  for (const index of indexes) await run(`drop index ${index.name}`);
  return {
    indexes: indexes.length,
    foreignKeys: foreignKeys.length,
    restore: async () => {
      for (const index of indexes) await run(index.definition);
      // After the indexes: validating a foreign key is one join, which is all it costs.
      for (const fk of foreignKeys) await run(`alter table ${fk.tbl} add constraint ${fk.name} ${fk.definition}`);
    },
  };
}
