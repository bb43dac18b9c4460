import type { ServiceContext } from "@/server/lib/context";

/** STUB (owned by the queues slice): recomputes accounts.priority set-based from the organization's weights. */
export async function recomputePriorities({ ctx }: { ctx: ServiceContext }): Promise<{ updated: number }> {
  void ctx;
  return { updated: 0 };
}
