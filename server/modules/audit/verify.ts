import { and, asc, eq, gt } from "drizzle-orm";
import type { Database } from "@/db";
import { auditEvents, organizations } from "@/db/schema";
import { GENESIS_HASH, verifyRun, type ChainBreak } from "./chain";

export type ChainReport = { orgId: string; events: number; broken: ChainBreak | null };

const BATCH = 5_000;

/** Recomputes every organization's chain in `seq` order, in batches; stops each chain at its first break. */
export async function verifyAuditChains(db: Database, orgIds?: string[]): Promise<ChainReport[]> {
  const ids = orgIds ?? (await db.select({ id: organizations.id }).from(organizations)).map((o) => o.id);
  const reports: ChainReport[] = [];
  for (const orgId of ids) {
    let prev = GENESIS_HASH;
    let after = 0;
    let events = 0;
    let broken: ChainBreak | null = null;
    for (;;) {
      const rows = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, orgId), gt(auditEvents.seq, after)))
        .orderBy(asc(auditEvents.seq))
        .limit(BATCH);
      if (rows.length === 0) break;
      const result = verifyRun(rows, prev);
      if (!result.ok) {
        broken = result.broken;
        events += rows.findIndex((r) => r.seq === result.broken.seq);
        break;
      }
      events += rows.length;
      prev = result.lastHash;
      after = rows[rows.length - 1]!.seq;
    }
    reports.push({ orgId, events, broken });
  }
  return reports;
}
