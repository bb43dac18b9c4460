import { z } from "zod";
import {
  ACCOUNT_SORTS,
  accountFilters,
  accountFiltersChecked,
  checkFilterRanges,
} from "@/server/modules/accounts/accounts.schemas";

/**
 * Statuses My queue and work queues call on. The rest wait on something other than a phone call: in_plan pays
 * on schedule (a missed instalment changes the status), disputed and on_hold are stopped until someone resolves
 * them, legal is with attorneys or the courts, and paid, settled, closed and recalled are finished.
 */
export const WORKABLE_STATUSES = ["active", "promised"] as const;

/** Skipped ids a walk remembers per browser session; the oldest fall off past this. */
export const SKIP_MAX = 100;

/** One rebalance moves at most this many accounts: one transaction, one audit event of bounded size. */
export const ASSIGNMENT_CAP = 50_000;

export const QUEUE_SORTS = [...ACCOUNT_SORTS, "priority"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const QUEUE_SECTIONS = ["callback", "broken_promise", "priority"] as const;
export type QueueSection = (typeof QUEUE_SECTIONS)[number];

const uuid = (what: string) => z.uuid({ error: `Malformed ${what} id` });
export const queueId = uuid("queue");
export const queueIdInput = z.object({ queueId });
export type QueueIdInput = z.input<typeof queueIdInput>;

export const myQueueInput = z.object({
  page: z.number().int().min(1).max(1_000).default(1),
  pageSize: z.number().int().min(10).max(100).default(25),
});
export type MyQueueInput = z.input<typeof myQueueInput>;

export const nextAccountInput = z.object({
  /** Accounts the agent passed over this session; the current one is excluded too. */
  skip: z.array(uuid("account")).max(SKIP_MAX, `Skip at most ${SKIP_MAX} accounts`).default([]),
  currentAccountId: uuid("account").optional(),
  /** Walk an admin-defined queue instead of My queue. */
  queueId: queueId.optional(),
});
export type NextAccountInput = z.input<typeof nextAccountInput>;

const sortField = z.enum(QUEUE_SORTS, { error: (i) => `Unknown ordering "${String(i.input)}"` });
const dirField = z.enum(["asc", "desc"], { error: "Direction is asc or desc" });
const ordering = { sort: sortField.default("priority"), dir: dirField.default("desc") };

/**
 * What is stored in work_queues.filters: the accounts list's own filters plus the queue's ordering, in the same
 * shape as the list's URL parameters. Strict when read back, so a filter the list no longer knows fails loudly
 * instead of being dropped (which would silently widen the queue).
 */
export const queueDefinition = accountFilters.extend(ordering).superRefine(checkFilterRanges);
export const storedQueueDefinition = accountFilters.extend(ordering).strict().superRefine(checkFilterRanges);
export type QueueDefinition = z.output<typeof queueDefinition>;

const name = z
  .string({ error: "Give the queue a name" })
  .trim()
  .min(1, "Give the queue a name")
  .max(80, "A queue name is at most 80 characters");
const description = z.string().trim().max(500, "A description is at most 500 characters").nullable();

export const createQueueInput = z.object({
  name,
  description: description.optional(),
  filters: accountFiltersChecked.default({}),
  sort: ordering.sort,
  dir: ordering.dir,
  active: z.boolean().default(true),
});
export type CreateQueueInput = z.input<typeof createQueueInput>;

export const updateQueueInput = z.object({
  queueId,
  /** The version the admin edited: a stale one is refused. */
  expectedVersion: z.number().int().positive(),
  name: name.optional(),
  description: description.optional(),
  filters: accountFiltersChecked.optional(),
  // No defaults here: a field left out keeps its stored value.
  sort: sortField.optional(),
  dir: dirField.optional(),
  active: z.boolean().optional(),
});
export type UpdateQueueInput = z.input<typeof updateQueueInput>;

export const listQueuesInput = z
  .object({ includeInactive: z.boolean().default(false) })
  .default({ includeInactive: false });
export type ListQueuesInput = z.input<typeof listQueuesInput>;

export const queueAccountsInput = z.object({
  queueId,
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(10).max(200).default(50),
});
export type QueueAccountsInput = z.input<typeof queueAccountsInput>;

export const REBALANCE_METHODS = ["round_robin", "balance"] as const;
export type RebalanceMethod = (typeof REBALANCE_METHODS)[number];

const rebalanceBase = {
  method: z.enum(REBALANCE_METHODS, { error: "Choose round-robin or by balance" }),
  /** Who receives accounts, in the order round-robin deals them. */
  targetIds: z
    .array(uuid("user"))
    .min(1, "Choose at least one agent to receive accounts")
    .max(100, "Choose at most 100 agents"),
  /** Narrows which accounts move; the assignee is set by the operation itself. */
  filters: accountFilters.omit({ assignee: true }).superRefine(checkFilterRanges).default({}),
  limit: z
    .number()
    .int("The limit must be a whole number")
    .min(1, "The limit must be at least 1")
    .max(ASSIGNMENT_CAP, `One operation moves at most ${ASSIGNMENT_CAP.toLocaleString("en-US")} accounts`)
    .optional(),
  /** When applying: the total the preview showed. If the selection has changed since, nothing moves. */
  expectedCount: z.number().int().min(0).optional(),
};

export const rebalanceInput = z.discriminatedUnion("kind", [
  /** Unassigned accounts to the chosen agents. */
  z.object({ kind: z.literal("auto_assign"), ...rebalanceBase }),
  /** All (or the filtered part) of one person's accounts to others. */
  z.object({ kind: z.literal("reassign"), fromUserId: uuid("user"), ...rebalanceBase }),
]);
export type RebalanceInput = z.input<typeof rebalanceInput>;
