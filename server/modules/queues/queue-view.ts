import type { WorkQueueRow } from "./queue-definition";
import { readDefinition } from "./queue-definition";

/** What the API shows of a queue: its definition re-validated, or why it no longer is valid. */
export function queueView(queue: WorkQueueRow) {
  const read = readDefinition(queue);
  return {
    id: queue.id,
    name: queue.name,
    description: queue.description,
    active: queue.active,
    version: queue.version,
    createdAt: queue.createdAt,
    updatedAt: queue.updatedAt,
    definition: "definition" in read ? read.definition : null,
    /** Set when the stored filters no longer validate: the queue cannot be opened or worked until edited. */
    invalidReason: "error" in read ? read.error : null,
  };
}
export type QueueView = ReturnType<typeof queueView>;
