import { migrateDatabase, openDatabase, type DatabaseHandle } from "@/db";

export type Figure = { metric: string; value: number; unit: string };
export type BenchContext = {
  accounts: number;
  serverUrl: string;
  log: (message: string) => void;
  report: (figure: Figure) => void;
};
export type Benchmark = { run: (ctx: BenchContext) => Promise<void> };

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops and recreates a scratch database on the benchmark server; refuses anything but this machine. */
export async function freshDatabase(serverUrl: string, name: string): Promise<DatabaseHandle> {
  const host = new URL(serverUrl).hostname;
  if (!["127.0.0.1", "localhost", "::1"].includes(host))
    throw new Error(`Benchmarks run only on a local server, not ${host}`);
  const admin = await openDatabase({ url: serverUrl, max: 1 });
  if (admin.driver !== "postgres") throw new Error("benchmarks need PostgreSQL");
  await admin.sql.unsafe(`drop database if exists ${name} with (force)`);
  await admin.sql.unsafe(`create database ${name}`);
  await admin.close();
  const handle = await openDatabase({ url: databaseUrl(serverUrl, name), max: 4 });
  await migrateDatabase(handle);
  return handle;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));
