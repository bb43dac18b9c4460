import { statusLabel } from "@/components/domain/status-badge";
import { formatMoney } from "@/server/lib/money";
import type { AccountFilters } from "@/server/modules/accounts/accounts.schemas";
import { bucketLabel } from "@/server/modules/accounts/aging";
import type { QueueSort } from "@/server/modules/queues/queues.schemas";

export const SORT_LABELS: Record<QueueSort, string> = {
  priority: "Priority",
  dpd: "Days past due",
  balance: "Balance",
  reference: "Reference",
  placed: "Placed",
  status: "Status",
};

/** "Most days past due first", "Highest balance first"…: an ordering in words. */
export function orderingLabel(sort: QueueSort, dir: "asc" | "desc"): string {
  switch (sort) {
    case "priority":
      return dir === "desc" ? "Highest priority first" : "Lowest priority first";
    case "dpd":
      return dir === "desc" ? "Most days past due first" : "Fewest days past due first";
    case "balance":
      return dir === "desc" ? "Highest balance first" : "Lowest balance first";
    case "reference":
      return dir === "asc" ? "Reference A–Z" : "Reference Z–A";
    case "placed":
      return dir === "desc" ? "Newest placements first" : "Oldest placements first";
    case "status":
      return dir === "asc" ? "Status A–Z" : "Status Z–A";
  }
}

/** A queue's filters in one line; `names` resolves creditor and assignee ids when known. */
export function describeFilters(f: Partial<AccountFilters>, names: Record<string, string> = {}): string {
  const parts: string[] = [];
  if (f.status?.length) parts.push(`Status: ${f.status.map(statusLabel).join(", ")}`);
  if (f.bucket?.length) parts.push(`Bucket: ${f.bucket.map(bucketLabel).join(", ")}`);
  if (f.creditorId) parts.push(`Creditor: ${names[f.creditorId] ?? "one creditor"}`);
  if (f.state) parts.push(`State: ${f.state}`);
  if (f.assignee)
    parts.push(f.assignee === "unassigned" ? "Unassigned" : `Assignee: ${names[f.assignee] ?? "one person"}`);
  if (f.minBalance !== undefined) parts.push(`Balance ≥ ${formatMoney(f.minBalance, "USD")}`);
  if (f.maxBalance !== undefined) parts.push(`Balance ≤ ${formatMoney(f.maxBalance, "USD")}`);
  if (f.minDpd !== undefined || f.maxDpd !== undefined) parts.push(`DPD ${f.minDpd ?? 0}–${f.maxDpd ?? "∞"}`);
  if (f.tags?.length) parts.push(`Tags: ${f.tags.join(", ")}`);
  if (f.hasHold) parts.push(`Hold: ${Array.isArray(f.hasHold) ? f.hasHold.join(", ") : f.hasHold}`);
  if (f.promise?.length) parts.push(`Promise: ${f.promise.join(", ")}`);
  if (f.q) parts.push(`Search “${f.q}”`);
  return parts.length ? parts.join(" · ") : "All accounts";
}
