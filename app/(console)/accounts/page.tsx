import type { Metadata } from "next";
import { NotAllowed } from "@/components/layout/not-allowed";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { requireStaff } from "@/server/auth/staff";
import { can } from "@/server/lib/permissions";
import { viewFromParams } from "@/server/modules/accounts/accounts.schemas";
import { AccountsView } from "./_components/accounts-view";
import { PAGE_SIZE, type ListPermissions } from "./_components/list-config";

export const metadata: Metadata = { title: "Accounts · Recoup" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AccountsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { staff, allowed } = await requireStaff("account.read");
  if (!allowed) return <NotAllowed permission="account.read" role={staff.role} what="accounts" />;

  // Lenient: anything invalid in the URL is dropped, never an error page.
  const view = viewFromParams(await searchParams);
  const actor = { actor: { type: "staff" as const, userId: staff.userId, role: staff.role } };
  const permissions: ListPermissions = {
    readUsers: can(actor, "user.read"),
    assign: can(actor, "account.assign"),
    tag: can(actor, "account.tag"),
    status: can(actor, "account.status"),
    export: can(actor, "account.export"),
    manageViews: can(actor, "view.manage"),
    shareViews: can(actor, "view.share"),
  };

  const queryClient = getQueryClient();
  // Awaited so the first render (server and client) already has the rows; later filter changes keep the old rows on screen.
  await Promise.all([
    queryClient.prefetchQuery(trpc.account.list.queryOptions({ ...view, pageSize: PAGE_SIZE })),
    queryClient.prefetchQuery(trpc.dashboard.creditors.queryOptions()),
    queryClient.prefetchQuery(trpc.view.list.queryOptions()),
    permissions.readUsers ? queryClient.prefetchQuery(trpc.user.list.queryOptions()) : null,
  ]);

  return (
    <HydrateClient>
      <AccountsView view={view} permissions={permissions} />
    </HydrateClient>
  );
}
