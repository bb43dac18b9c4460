import type { Metadata } from "next";
import { NotAllowed } from "@/components/layout/not-allowed";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { requireStaff } from "@/server/auth/staff";
import { can } from "@/server/lib/permissions";
import {
  ACCOUNT_SORTS,
  ACCOUNT_STATUSES,
  type AccountSort,
  type AccountStatus,
  type ListAccountsInput,
} from "@/server/modules/accounts/accounts.schemas";
import { AGING_BUCKET_KEYS, type AgingBucket } from "@/server/modules/accounts/aging";
import { AccountsView } from "./_components/accounts-view";

export const metadata: Metadata = { title: "Accounts · Recoup" };

type SearchParams = Record<string, string | string[] | undefined>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** All values of a parameter, whether repeated (`?status=a&status=b`) or comma-separated (`?status=a,b`). */
function all(value: string | string[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

function one(value: string | string[] | undefined): string | undefined {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  return v ? v : undefined;
}

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Lenient: anything invalid in the URL is dropped, never an error page. */
function parseFilters(sp: SearchParams): ListAccountsInput {
  const status = [
    ...new Set(all(sp.status).filter((s): s is AccountStatus => oneOf(ACCOUNT_STATUSES, s) !== undefined)),
  ];
  const bucket = [
    ...new Set(all(sp.bucket).filter((b): b is AgingBucket => oneOf(AGING_BUCKET_KEYS, b) !== undefined)),
  ];
  const creditorId = one(sp.creditorId);
  const state = one(sp.state)?.toUpperCase();
  const assignee = one(sp.assignee);
  const q = one(sp.q)?.slice(0, 100);
  const sort = oneOf<AccountSort>(ACCOUNT_SORTS, one(sp.sort));
  const dir = oneOf(["asc", "desc"] as const, one(sp.dir));
  const pageRaw = Number(one(sp.page));
  const page = Number.isInteger(pageRaw) && pageRaw >= 1 && pageRaw <= 10_000 ? pageRaw : 1;

  const input: ListAccountsInput = { sort: sort ?? "dpd", dir: dir ?? "desc", page, pageSize: 50 };
  if (status.length) input.status = status;
  if (bucket.length) input.bucket = bucket;
  if (creditorId && UUID.test(creditorId)) input.creditorId = creditorId.toLowerCase();
  if (state && /^[A-Z]{2}$/.test(state)) input.state = state;
  if (assignee === "unassigned") input.assignee = "unassigned";
  else if (assignee && UUID.test(assignee)) input.assignee = assignee.toLowerCase();
  if (q) input.q = q;
  return input;
}

export default async function AccountsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { staff, allowed } = await requireStaff("account.read");
  if (!allowed) return <NotAllowed permission="account.read" role={staff.role} what="accounts" />;

  const input = parseFilters(await searchParams);
  const canReadUsers = can({ actor: { type: "staff", userId: staff.userId, role: staff.role } }, "user.read");

  const queryClient = getQueryClient();
  // Awaited so the first render (server and client) already has the rows; later filter changes keep the old rows on screen.
  await Promise.all([
    queryClient.prefetchQuery(trpc.account.list.queryOptions(input)),
    queryClient.prefetchQuery(trpc.dashboard.creditors.queryOptions()),
    canReadUsers ? queryClient.prefetchQuery(trpc.user.list.queryOptions()) : null,
  ]);

  return (
    <HydrateClient>
      <AccountsView input={input} canReadUsers={canReadUsers} />
    </HydrateClient>
  );
}
