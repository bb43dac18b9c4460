import { and, asc, eq, sql } from "drizzle-orm";
import { workQueues } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { assertCan, can } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { listQueuesInput, type ListQueuesInput } from "./queues.schemas";
import { queueView } from "./queue-view";

/** The organization's queues by name; inactive ones only for those who manage queues and ask for them. */
export async function listQueues({ ctx, input }: { ctx: ServiceContext; input?: ListQueuesInput }) {
  assertCan(ctx, "queue.read");
  const q = parseInput(listQueuesInput, input);
  const withInactive = q.includeInactive && can(ctx, "queue.manage");
  const rows = await ctx.db
    .select()
    .from(workQueues)
    .where(and(eq(workQueues.orgId, ctx.orgId), withInactive ? undefined : eq(workQueues.active, true)))
    .orderBy(asc(sql`lower(${workQueues.name})`), asc(workQueues.id));
  return rows.map(queueView);
}
