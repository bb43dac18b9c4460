import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { findQueue } from "./queue-definition";
import { queueIdInput, type QueueIdInput } from "./queues.schemas";
import { queueView } from "./queue-view";

export async function getQueue({ ctx, input }: { ctx: ServiceContext; input: QueueIdInput }) {
  assertCan(ctx, "queue.read");
  const q = parseInput(queueIdInput, input);
  return queueView(await findQueue(ctx, q.queueId));
}
