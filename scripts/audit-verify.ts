/**
 * npm run audit:verify — recomputes every organization's audit hash chain and names the first broken event.
 * Exit 0 when every chain holds, 1 when one is broken, 2 when the check could not run.
 */
import { sql } from "drizzle-orm";
import { databaseOptionsFromEnv, openDatabase } from "@/db";
import { organizations } from "@/db/schema";
import { verifyAuditChains } from "@/server/modules/audit/verify";

async function main(): Promise<number> {
  const handle = await openDatabase(databaseOptionsFromEnv());
  try {
    const orgs = await handle.db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .orderBy(sql`name`);
    const reports = await verifyAuditChains(
      handle.db,
      orgs.map((o) => o.id),
    );
    let broken = 0;
    for (const report of reports) {
      const name = orgs.find((o) => o.id === report.orgId)?.name ?? report.orgId;
      if (report.broken) {
        broken++;
        console.log(
          `BROKEN  ${name}: event seq ${report.broken.seq} — ${report.broken.reason} (${report.events} events before it verified)`,
        );
      } else {
        console.log(`ok      ${name}: ${report.events} events, chain intact`);
      }
    }
    console.log(broken ? `${broken} of ${reports.length} chains broken` : `all ${reports.length} chains intact`);
    return broken ? 1 : 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
