import { z } from "zod";
import { ACCOUNT_STATUSES } from "@/db/schema/values";
import { AGING_BUCKET_KEYS } from "./aging";

export { ACCOUNT_STATUSES };
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const ACCOUNT_SORTS = ["dpd", "balance", "reference", "placed", "status"] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

export const accountId = z.uuid({ error: "Malformed account id" });

/** Which accounts: shared by the list, bulk actions on "all matching", export, saved views and work queues. */
export const accountFilters = z.object({
  status: z.array(z.enum(ACCOUNT_STATUSES)).max(ACCOUNT_STATUSES.length).optional(),
  bucket: z.array(z.enum(AGING_BUCKET_KEYS)).max(AGING_BUCKET_KEYS.length).optional(),
  creditorId: z.uuid({ error: "Malformed creditor id" }).optional(),
  state: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "State must be a two-letter code")
    .optional(),
  /** A user id, or "unassigned". */
  assignee: z.union([z.literal("unassigned"), z.uuid({ error: "Malformed assignee id" })]).optional(),
  minBalance: z.number().int().min(0).optional(),
  maxBalance: z.number().int().min(0).optional(),
  /** Account reference (exact or prefix) or debtor last name (prefix), case-insensitive. */
  q: z.string().trim().min(1).max(100).optional(),
});
export type AccountFilters = z.output<typeof accountFilters>;

export const listAccountsInput = accountFilters.extend({
  sort: z.enum(ACCOUNT_SORTS).default("dpd"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(10).max(200).default(50),
});
export type ListAccountsInput = z.input<typeof listAccountsInput>;

export const addNoteInput = z.object({
  accountId,
  body: z.string().trim().min(1, "A note cannot be empty").max(5000, "A note is at most 5,000 characters"),
});
export type AddNoteInput = z.input<typeof addNoteInput>;

export const assignAccountsInput = z.object({
  accountIds: z.array(accountId).min(1, "Select at least one account").max(10_000),
  /** null unassigns. */
  assigneeId: z.uuid({ error: "Malformed assignee id" }).nullable(),
});
export type AssignAccountsInput = z.input<typeof assignAccountsInput>;

export const changeStatusInput = z.object({
  accountId,
  status: z.enum(ACCOUNT_STATUSES, { error: (i) => `Unknown status "${String(i.input)}"` }),
  /** The version the user saw: a stale one is refused so two people never overwrite each other. */
  expectedVersion: z.number().int().positive(),
  reason: z.string().trim().min(3, "Give a reason").max(500),
});
export type ChangeStatusInput = z.input<typeof changeStatusInput>;
