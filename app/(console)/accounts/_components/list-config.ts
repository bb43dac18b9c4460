import {
  viewToParams,
  type AccountFilters,
  type AccountView,
  type ListSort,
} from "@/server/modules/accounts/accounts.schemas";

/** Rows per page of the list (the server allows 10–200). */
export const PAGE_SIZE = 50;

/** What the signed-in role may do on the list; decided on the server, used to hide what would be refused. */
export type ListPermissions = {
  readUsers: boolean;
  assign: boolean;
  tag: boolean;
  status: boolean;
  export: boolean;
  manageViews: boolean;
  shareViews: boolean;
};

export function accountsHref(view: AccountView): string {
  const qs = viewToParams(view).toString();
  return qs ? `/accounts?${qs}` : "/accounts";
}

/** The CSV of exactly this view (its filters and order; every page). */
export function exportHref(view: AccountView, content: "accounts" | "ledger" = "accounts"): string {
  const { page: _page, ...rest } = view;
  const params = viewToParams(rest);
  if (content === "ledger") params.set("content", "ledger");
  const qs = params.toString();
  return qs ? `/api/accounts/export?${qs}` : "/api/accounts/export";
}

/** The filters of a view, without its ordering and page: what "all matching" and saved views act on. */
export function filtersOf(view: AccountView): AccountFilters {
  const { sort: _sort, dir: _dir, page: _page, ...filters } = view;
  return filters;
}

export function hasFilters(view: AccountView): boolean {
  return Object.keys(filtersOf(view)).length > 0;
}

/** Filters tucked under "More filters"; the section opens by itself when one of them is set. */
export const ADVANCED_KEYS = [
  "minDpd",
  "maxDpd",
  "minBalance",
  "maxBalance",
  "tags",
  "hasHold",
  "minDaysSinceContact",
  "maxDaysSinceContact",
  "neverContacted",
  "promise",
] as const satisfies readonly (keyof AccountFilters)[];

/** Direction a column starts in when first clicked: biggest/oldest first for numbers and dates, A–Z for text. */
export const DEFAULT_DIR: Record<ListSort, "asc" | "desc"> = {
  reference: "asc",
  debtor: "asc",
  status: "asc",
  dpd: "desc",
  balance: "desc",
  placed: "desc",
  lastContact: "asc",
};

export const normalizeQuery = (raw: string) => raw.trim().slice(0, 100);
export const normalizeState = (raw: string) => {
  const v = raw.trim().toUpperCase();
  return v === "" || /^[A-Z]{2}$/.test(v) ? v : null;
};
/** A whole number of days (or empty). */
export const normalizeDays = (raw: string) => {
  const v = raw.trim();
  return v === "" || (/^\d{1,5}$/.test(v) && Number(v) <= 36_500) ? (v === "" ? "" : String(Number(v))) : null;
};
/** An amount in dollars and cents (or empty), kept as typed-but-canonical text: "1,200.5" → "1200.50". */
export const normalizeDollars = (raw: string) => {
  const v = raw.trim().replace(/[$,\s]/g, "");
  if (v === "") return "";
  if (!/^\d{1,12}(\.\d{0,2})?$/.test(v)) return null;
  const [whole, cents = ""] = v.split(".");
  return cents ? `${Number(whole)}.${cents.padEnd(2, "0")}` : String(Number(whole));
};
/** Dollars text to minor units (the filters are in cents). */
export const dollarsToMinor = (dollars: string): number | undefined =>
  dollars === "" ? undefined : Math.round(Number(dollars) * 100);
export const minorToDollars = (minor: number | undefined): string =>
  minor === undefined ? "" : minor % 100 === 0 ? String(minor / 100) : (minor / 100).toFixed(2);
/** Comma- or space-separated tags; null while one is not a valid tag. */
export const normalizeTags = (raw: string) => {
  const tags = raw
    .split(/[,\s]+/)
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  return tags.every((t) => /^[a-z0-9][a-z0-9_-]{0,39}$/.test(t)) ? [...new Set(tags)].join(", ") : null;
};
