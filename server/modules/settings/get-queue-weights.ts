import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { readQueueWeights } from "./queue-weights";

/** Anyone who can see queues may see what orders them. */
export async function getQueueWeights({ ctx }: { ctx: ServiceContext }) {
  assertCan(ctx, "queue.read");
  return readQueueWeights(ctx.db, ctx.orgId);
}
