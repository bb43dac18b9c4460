import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { organizations } from "@/db/schema";
import { DEFAULT_QUEUE_WEIGHTS, queueWeights, type QueueWeights } from "./settings.schemas";

/** The key under organizations.settings that holds the weights; other modules own other keys. */
export const QUEUE_WEIGHTS_KEY = "queuePriority";

/**
 * The organization's weights, or the defaults when none were saved. A stored value that no longer validates
 * (hand-edited, or from an older shape) also falls back to the defaults rather than stopping every queue.
 */
export async function readQueueWeights(
  db: Database,
  orgId: string,
): Promise<{ weights: QueueWeights; isDefault: boolean }> {
  const [org] = await db
    .select({ settings: organizations.settings })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const parsed = queueWeights.safeParse(org?.settings?.[QUEUE_WEIGHTS_KEY]);
  return parsed.success
    ? { weights: parsed.data, isDefault: false }
    : { weights: { ...DEFAULT_QUEUE_WEIGHTS }, isDefault: true };
}
