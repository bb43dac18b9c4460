import { z } from "zod";
import { ACCOUNT_STATUSES, HOLD_KINDS, PROMISE_STATUSES } from "@/db/schema/values";
import { AGING_BUCKET_KEYS } from "./aging";

export { ACCOUNT_STATUSES };
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** Sorts on a column of `accounts` alone (work queues reuse these). */
export const ACCOUNT_SORTS = ["dpd", "balance", "reference", "placed", "status"] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

/** What the accounts list (and its saved views and export) may sort on. */
export const LIST_SORTS = [...ACCOUNT_SORTS, "lastContact", "debtor"] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export const SORT_DIRECTIONS = ["asc", "desc"] as const;

export const accountId = z.uuid({ error: "Malformed account id" });

/** Tags are short lower-case words: they travel in URLs and CSV, so no commas, spaces or quotes. */
export const TAG_MAX = 40;
export const accountTag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "A tag cannot be empty")
  .max(TAG_MAX, `A tag is at most ${TAG_MAX} characters`)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "A tag uses only letters, digits, - and _ (e.g. hardship, skip-trace)");

export const HOLD_KINDS_FILTER = HOLD_KINDS;
/** "any": some active hold; "none": no active hold; a list: an active hold of one of these kinds. */
export const HOLD_PRESENCE = ["any", "none"] as const;

/** Promise statuses as the list sees them ("none": no promise recorded; a pending promise past due is "broken"). */
export const PROMISE_FILTERS = ["none", ...PROMISE_STATUSES] as const;
export type PromiseFilter = (typeof PROMISE_FILTERS)[number];
export type EffectivePromiseStatus = (typeof PROMISE_STATUSES)[number];

const days = (what: string) =>
  z
    .number({ error: `${what} must be a number of days` })
    .int(`${what} must be a whole number of days`)
    .min(0, `${what} cannot be negative`)
    .max(36_500, `${what} is at most 36,500 days`);

/**
 * Which accounts: shared by the list, bulk actions on "all matching", export, saved views and work queues.
 * A plain object so other schemas can extend or omit fields; the cross-field checks (a minimum above its
 * maximum) are `checkFilterRanges`, applied by `accountFiltersChecked` and again by `accountConditions`.
 */
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
  minBalance: z
    .number()
    .int("Balances are whole minor units (cents)")
    .min(0, "A balance cannot be negative")
    .optional(),
  maxBalance: z
    .number()
    .int("Balances are whole minor units (cents)")
    .min(0, "A balance cannot be negative")
    .optional(),
  minDpd: days("Minimum days past due").optional(),
  maxDpd: days("Maximum days past due").optional(),
  /** Accounts carrying any of these tags. */
  tags: z.array(accountTag).min(1, "Choose at least one tag").max(20, "Filter on at most 20 tags").optional(),
  hasHold: z
    .union([
      z.enum(HOLD_PRESENCE),
      z
        .array(z.enum(HOLD_KINDS, { error: (i) => `Unknown hold kind "${String(i.input)}"` }))
        .min(1, "Choose at least one hold kind")
        .max(HOLD_KINDS.length),
    ])
    .optional(),
  /** Days since the last contact attempt (UTC calendar days), inclusive. */
  minDaysSinceContact: days("Minimum days since last contact").optional(),
  maxDaysSinceContact: days("Maximum days since last contact").optional(),
  /** Include accounts never contacted (alone: only those). */
  neverContacted: z.boolean().optional(),
  promise: z
    .array(z.enum(PROMISE_FILTERS, { error: (i) => `Unknown promise status "${String(i.input)}"` }))
    .min(1)
    .max(PROMISE_FILTERS.length)
    .optional(),
  /** Debtor name (typo-tolerant), account reference (prefix), phone number or email address. */
  q: z.string().trim().min(1).max(100, "Search is at most 100 characters").optional(),
});
export type AccountFilters = z.output<typeof accountFilters>;

export type FilterIssue = { path: string; message: string };

const RANGES = [
  ["minBalance", "maxBalance", "Balance"],
  ["minDpd", "maxDpd", "Days past due"],
  ["minDaysSinceContact", "maxDaysSinceContact", "Days since last contact"],
] as const;

/** Ranges whose minimum is above their maximum, each with a message naming both ends. */
export function filterRangeIssues(f: Partial<AccountFilters>): FilterIssue[] {
  const issues: FilterIssue[] = [];
  for (const [min, max, label] of RANGES) {
    const lo = f[min];
    const hi = f[max];
    if (lo !== undefined && hi !== undefined && lo > hi) {
      issues.push({
        path: max,
        message: `${label}: the minimum (${lo.toLocaleString("en-US")}) is above the maximum (${hi.toLocaleString("en-US")})`,
      });
    }
  }
  return issues;
}

/** superRefine callback adding the range checks to any schema built on `accountFilters`. */
export function checkFilterRanges(value: Partial<AccountFilters>, ctx: z.RefinementCtx): void {
  for (const issue of filterRangeIssues(value))
    ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
}

export const accountFiltersChecked = accountFilters.superRefine(checkFilterRanges);

const ordering = {
  /** Omitted: by relevance when searching, else most days past due first. */
  sort: z.enum(LIST_SORTS, { error: (i) => `Unknown sort "${String(i.input)}"` }).optional(),
  dir: z.enum(SORT_DIRECTIONS, { error: "Direction is asc or desc" }).optional(),
};

export const listAccountsInput = accountFilters
  .extend({
    ...ordering,
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(10).max(200).default(50),
  })
  .superRefine(checkFilterRanges);
export type ListAccountsInput = z.input<typeof listAccountsInput>;

/** A view of the list: filters plus ordering (saved views, export). Unknown keys are refused, never ignored. */
export const accountViewDefinition = accountFilters.extend(ordering).strict().superRefine(checkFilterRanges);
export type AccountViewDefinition = z.output<typeof accountViewDefinition>;

/** The most accounts one bulk action on "all matching" may change: one transaction, one audit event. */
export const BULK_CAP = 50_000;
/** The most ids a selection may name (a few pages of the list). */
export const SELECTION_CAP = 10_000;

export const countMatchingInput = accountFiltersChecked;
export type CountMatchingInput = z.input<typeof countMatchingInput>;

/**
 * What a bulk action applies to: the ids the user ticked, or every account matching the filters they confirmed,
 * with the count they saw (if it changed since, nothing is done).
 */
const bulkTarget = {
  accountIds: z
    .array(accountId)
    .min(1, "Select at least one account")
    .max(SELECTION_CAP, `Select at most ${SELECTION_CAP.toLocaleString("en-US")} accounts`)
    .optional(),
  matching: z
    .object({
      filters: accountFiltersChecked,
      expectedCount: z
        .number()
        .int()
        .min(1, "No account matches")
        .max(BULK_CAP, `One bulk action changes at most ${BULK_CAP.toLocaleString("en-US")} accounts`),
    })
    .optional(),
};

function checkOneTarget(v: { accountIds?: unknown; matching?: unknown }, ctx: z.RefinementCtx): void {
  if ((v.accountIds === undefined) === (v.matching === undefined)) {
    ctx.addIssue({
      code: "custom",
      path: ["accountIds"],
      message: "Give either the selected accounts or the filters of all matching accounts",
    });
  }
}

export const addNoteInput = z.object({
  accountId,
  body: z.string().trim().min(1, "A note cannot be empty").max(5000, "A note is at most 5,000 characters"),
});
export type AddNoteInput = z.input<typeof addNoteInput>;

export const assignAccountsInput = z
  .object({
    ...bulkTarget,
    /** null unassigns. */
    assigneeId: z.uuid({ error: "Malformed assignee id" }).nullable(),
    /** With exactly one account id: the version the user saw; a stale one is refused (the account workspace). */
    expectedVersion: z.number().int().positive().optional(),
  })
  .superRefine((v, ctx) => {
    checkOneTarget(v, ctx);
    if (v.expectedVersion !== undefined && v.accountIds?.length !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["expectedVersion"],
        message: "An expected version applies to exactly one account",
      });
    }
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

export const tagAccountsInput = z
  .object({
    ...bulkTarget,
    add: z.array(accountTag).max(20, "Add at most 20 tags at once").default([]),
    remove: z.array(accountTag).max(20, "Remove at most 20 tags at once").default([]),
  })
  .superRefine((v, ctx) => {
    checkOneTarget(v, ctx);
    if (v.add.length === 0 && v.remove.length === 0) {
      ctx.addIssue({ code: "custom", path: ["add"], message: "Give a tag to add or to remove" });
    }
    const both = v.add.filter((t) => v.remove.includes(t));
    if (both.length) {
      ctx.addIssue({ code: "custom", path: ["remove"], message: `"${both[0]}" cannot be both added and removed` });
    }
  });
export type TagAccountsInput = z.input<typeof tagAccountsInput>;

export const bulkChangeStatusInput = z
  .object({
    ...bulkTarget,
    status: z.enum(ACCOUNT_STATUSES, { error: (i) => `Unknown status "${String(i.input)}"` }),
    reason: z.string().trim().min(3, "Give a reason").max(500, "A reason is at most 500 characters"),
  })
  .superRefine(checkOneTarget);
export type BulkChangeStatusInput = z.input<typeof bulkChangeStatusInput>;

export const exportAccountsInput = accountFilters.extend(ordering).superRefine(checkFilterRanges);
export type ExportAccountsInput = z.input<typeof exportAccountsInput>;

// ------------------------------------------------------------------------------------------------- URL form

/** A view of the list as it travels in a URL (the page, the CSV export link): filters, ordering and page. */
export type AccountView = AccountViewDefinition & { page?: number };

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

/** All values of a parameter, whether repeated (`?status=a&status=b`) or comma-separated (`?status=a,b`). */
function paramValues(sp: SearchParamsLike, key: string): string[] {
  const raw = sp instanceof URLSearchParams ? sp.getAll(key) : ([] as string[]).concat(sp[key] ?? []);
  return raw
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

const field = accountFilters.shape;
const INTEGER_PARAMS = [
  "minBalance",
  "maxBalance",
  "minDpd",
  "maxDpd",
  "minDaysSinceContact",
  "maxDaysSinceContact",
] as const;
const LIST_PARAMS = ["status", "bucket", "tags", "promise"] as const;
const TEXT_PARAMS = ["creditorId", "state", "assignee", "q"] as const;

/**
 * Reads a view from URL parameters leniently: a value that does not validate is dropped (a hand-edited URL shows
 * the list without that filter, never an error page), and a range whose minimum is above its maximum loses its
 * maximum.
 */
export function viewFromParams(sp: SearchParamsLike): AccountView {
  const view: Record<string, unknown> = {};
  const one = (key: string) => paramValues(sp, key)[0];
  for (const key of TEXT_PARAMS) {
    const parsed = field[key].safeParse(one(key)?.slice(0, 100));
    if (parsed.success && parsed.data !== undefined) view[key] = parsed.data;
  }
  for (const key of INTEGER_PARAMS) {
    const raw = one(key);
    const parsed = field[key].safeParse(raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined);
    if (parsed.success && parsed.data !== undefined) view[key] = parsed.data;
  }
  for (const key of LIST_PARAMS) {
    const values = [...new Set(paramValues(sp, key))];
    const valid = values.filter((v) => field[key].safeParse([v]).success);
    if (valid.length) view[key] = field[key].parse(valid);
  }
  const holds = paramValues(sp, "hasHold");
  if (holds.length === 1 && (holds[0] === "any" || holds[0] === "none")) view.hasHold = holds[0];
  else {
    const kinds = [...new Set(holds)].filter((h) => field.hasHold.safeParse([h]).success);
    if (kinds.length) view.hasHold = kinds;
  }
  if (/^(1|true)$/.test(one("neverContacted") ?? "")) view.neverContacted = true;
  for (const issue of filterRangeIssues(view)) delete view[issue.path];
  const sort = z.enum(LIST_SORTS).safeParse(one("sort"));
  if (sort.success) view.sort = sort.data;
  const dir = z.enum(SORT_DIRECTIONS).safeParse(one("dir"));
  if (dir.success) view.dir = dir.data;
  const page = Number(one("page"));
  if (Number.isInteger(page) && page > 1 && page <= 10_000) view.page = page;
  return view;
}

/** The URL parameters of a view; empty and default values are left out so links stay short. */
export function viewToParams(view: AccountView): URLSearchParams {
  const sp = new URLSearchParams();
  if (view.q) sp.set("q", view.q);
  for (const key of LIST_PARAMS) for (const v of view[key] ?? []) sp.append(key, v);
  for (const key of ["creditorId", "state", "assignee"] as const) if (view[key]) sp.set(key, view[key]);
  for (const key of INTEGER_PARAMS) if (view[key] !== undefined) sp.set(key, String(view[key]));
  if (view.hasHold)
    for (const h of typeof view.hasHold === "string" ? [view.hasHold] : view.hasHold) sp.append("hasHold", h);
  if (view.neverContacted) sp.set("neverContacted", "1");
  if (view.sort) sp.set("sort", view.sort);
  if (view.sort && view.dir) sp.set("dir", view.dir);
  if (view.page && view.page > 1) sp.set("page", String(view.page));
  return sp;
}
