import { and, count, desc, eq, isNotNull } from "drizzle-orm";
import { openDatabase, type Database, type DatabaseHandle } from "@/db";
import { accounts, creditors, organizations, users } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import type { Role } from "@/server/lib/permissions";
import { databaseUrl } from "./harness";
import { BENCH_DATABASE, seedBenchmark } from "./seed";

/** The benchmark database when it already holds the portfolio; otherwise it is seeded first. */
export async function openSeeded(serverUrl: string, accounts_: number, log: (m: string) => void) {
  const tryOpen = async (): Promise<DatabaseHandle | null> => {
    try {
      const handle = await openDatabase({ url: databaseUrl(serverUrl, BENCH_DATABASE), max: 4 });
      const [row] = await handle.db.select({ n: count() }).from(accounts);
      if ((row?.n ?? 0) >= accounts_) return handle;
      await handle.close();
    } catch {
      // no such database yet
    }
    return null;
  };
  const existing = await tryOpen();
  if (existing) return existing;
  log(`seeding ${accounts_} accounts first (npm run bench -- seed)…`);
  await seedBenchmark.run({ accounts: accounts_, serverUrl, log, report: () => {}, sampling: {} });
  return (await tryOpen())!;
}

export type BenchStaff = { id: string; name: string; role: Role; assigned: number };

/** The seeded organization, its creditors and staff (agents with how many accounts each holds). */
export async function benchOrg(db: Database) {
  const [org] = await db.select().from(organizations).where(eq(organizations.slug, "demo")).limit(1);
  if (!org) throw new Error(`No "demo" organization in ${BENCH_DATABASE}: run npm run bench -- seed`);
  const creditorRows = await db.select().from(creditors).where(eq(creditors.orgId, org.id)).orderBy(creditors.code);
  const staff = await db.select().from(users).where(eq(users.orgId, org.id)).orderBy(users.email);
  const load = await db
    .select({ id: accounts.assigneeId, n: count() })
    .from(accounts)
    .where(and(eq(accounts.orgId, org.id), isNotNull(accounts.assigneeId)))
    .groupBy(accounts.assigneeId)
    .orderBy(desc(count()));
  const assigned = new Map(load.map((l) => [l.id, l.n]));
  const agents: BenchStaff[] = staff
    .filter((u) => u.role === "agent")
    .map((u) => ({ id: u.id, name: u.name, role: u.role, assigned: assigned.get(u.id) ?? 0 }))
    .sort((a, b) => b.assigned - a.assigned);
  const manager = staff.find((u) => u.role === "manager")!;
  const admin = staff.find((u) => u.role === "admin")!;
  return { org, creditors: creditorRows, agents, manager, admin };
}

export function staffContext(db: Database, orgId: string, user: { id: string; role: Role }): ServiceContext {
  return {
    db,
    orgId,
    actor: { type: "staff", userId: user.id, role: user.role },
    requestId: "bench",
    now: () => new Date(),
  };
}
