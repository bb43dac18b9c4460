import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { planRebalance, summarise } from "./plan-rebalance";
import { rebalanceInput, type RebalanceInput } from "./queues.schemas";

/** What an auto-assignment or reassignment would do: the exact count and balance per agent. Changes nothing. */
export async function previewRebalance({ ctx, input }: { ctx: ServiceContext; input: RebalanceInput }) {
  assertCan(ctx, "team.rebalance");
  const data = parseInput(rebalanceInput, input);
  // A read-only transaction of its own, so the filter settings planRebalance applies stay local to it.
  return ctx.db.transaction(async (tx) => summarise(await planRebalance({ ...ctx, db: tx }, data)));
}
