import type { Metadata } from "next";
import { NotAllowed } from "@/components/layout/not-allowed";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { requireStaff } from "@/server/auth/staff";
import { can } from "@/server/lib/permissions";
import { QueuesView } from "./_components/queues-view";

export const metadata: Metadata = { title: "Queues · Recoup" };

export default async function QueuesPage() {
  const { staff, allowed } = await requireStaff("queue.read");
  if (!allowed) return <NotAllowed permission="queue.read" role={staff.role} what="work queues" />;

  const actor = { actor: { type: "staff" as const, userId: staff.userId, role: staff.role } };
  const canManage = can(actor, "queue.manage");
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.queue.list.queryOptions({ includeInactive: canManage }));

  return (
    <HydrateClient>
      <QueuesView canManage={canManage} canWork={can(actor, "queue.work")} canReadUsers={can(actor, "user.read")} />
    </HydrateClient>
  );
}
