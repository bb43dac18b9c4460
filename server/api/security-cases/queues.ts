import { workQueues } from "@/db/schema";
import { defineCases } from "./types";

export const cases = defineCases({
  setup: async ({ db, a }) => {
    const [queue] = await db
      .insert(workQueues)
      .values({ orgId: a.orgId, name: "Security cases queue", filters: { sort: "priority", dir: "desc" } })
      .returning();
    return { queueId: queue!.id };
  },
  calls: ({ a }, { queueId }) => {
    const autoAssign = {
      kind: "auto_assign" as const,
      method: "round_robin" as const,
      targetIds: [a.users.agent.id],
    };
    return {
      "queue.mine": (c) => c.queue.mine({}),
      "queue.next": (c) => c.queue.next({}),
      "queue.list": (c) => c.queue.list(),
      "queue.byId": (c) => c.queue.byId({ queueId }),
      "queue.accounts": (c) => c.queue.accounts({ queueId }),
      "queue.create": (c) => c.queue.create({ name: "Another queue", filters: { status: ["active"] } }),
      "queue.update": (c) => c.queue.update({ queueId, expectedVersion: 1, name: "Renamed queue" }),
      "queue.weights": (c) => c.queue.weights(),
      "queue.setWeights": (c) => c.queue.setWeights({ balanceWeight: 5, agingWeight: 5 }),
      "queue.team": (c) => c.queue.team(),
      "queue.previewRebalance": (c) => c.queue.previewRebalance(autoAssign),
      "queue.rebalance": (c) => c.queue.rebalance(autoAssign),
    };
  },
});
