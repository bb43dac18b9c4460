import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NotAllowed } from "@/components/layout/not-allowed";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { requireStaff } from "@/server/auth/staff";
import { can } from "@/server/lib/permissions";
import { AccountWorkspace } from "./_components/account-workspace";
import { timelineInput } from "./_components/timeline-input";
import type { WorkspacePermissions } from "./_components/types";

export const metadata: Metadata = { title: "Account · Recoup" };

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { staff, allowed } = await requireStaff("account.read");
  if (!allowed) return <NotAllowed permission="account.read" role={staff.role} what="accounts" />;

  const { id } = await params;
  const queryClient = getQueryClient();
  try {
    // Awaited (not just prefetched) so an unknown or malformed id becomes the not-found page.
    await Promise.all([
      queryClient.fetchQuery(trpc.account.byId.queryOptions({ accountId: id })),
      queryClient.fetchInfiniteQuery(
        trpc.timeline.list.infiniteQueryOptions(timelineInput(id, []), { getNextPageParam: (last) => last.nextCursor }),
      ),
    ]);
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }

  const actor = { actor: { type: "staff" as const, userId: staff.userId, role: staff.role } };
  const permissions: WorkspacePermissions = {
    note: can(actor, "account.note"),
    logCall: can(actor, "interaction.log"),
    status: can(actor, "account.status"),
    assign: can(actor, "account.assign"),
    tasks: can(actor, "task.manage"),
    queueWork: can(actor, "queue.work"),
    overrideCompliance: can(actor, "compliance.override"),
    recordValidationNotice: can(actor, "validation.record"),
    sendMessage: can(actor, "message.send"),
  };

  return (
    <HydrateClient>
      <AccountWorkspace accountId={id} can={permissions} />
    </HydrateClient>
  );
}
