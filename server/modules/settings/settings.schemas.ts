import { z } from "zod";

/**
 * Queue priority weights (organizations.settings.queuePriority). Each weight multiplies a 0–100 score, so the
 * defaults give priorities from 0 to 1,000. See server/modules/queues/priority.ts for the formula.
 */
export const WEIGHT_MAX = 100;
export const DEFAULT_QUEUE_WEIGHTS = { balanceWeight: 6, agingWeight: 4 } as const;

const weight = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} cannot be negative`)
    .max(WEIGHT_MAX, `${label} is at most ${WEIGHT_MAX}`);

export const queueWeights = z
  .object({ balanceWeight: weight("The balance weight"), agingWeight: weight("The aging weight") })
  .refine((w) => w.balanceWeight + w.agingWeight > 0, {
    message: "At least one weight must be above zero, or every account would have the same priority",
    path: ["balanceWeight"],
  });
export type QueueWeights = z.output<typeof queueWeights>;
export type SetQueueWeightsInput = z.input<typeof queueWeights>;
