import type { Metadata } from "next";
import { NotAllowed } from "@/components/layout/not-allowed";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { requireStaff } from "@/server/auth/staff";
import { can } from "@/server/lib/permissions";
import { TeamView } from "./_components/team-view";

export const metadata: Metadata = { title: "Team · Recoup" };

export default async function TeamPage() {
  const { staff, allowed } = await requireStaff("team.read");
  if (!allowed) return <NotAllowed permission="team.read" role={staff.role} what="the team view" />;

  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.queue.team.queryOptions()),
    queryClient.prefetchQuery(trpc.queue.weights.queryOptions()),
  ]);
  const actor = { actor: { type: "staff" as const, userId: staff.userId, role: staff.role } };
  return (
    <HydrateClient>
      <TeamView canRebalance={can(actor, "team.rebalance")} canEditWeights={can(actor, "settings.manage")} />
    </HydrateClient>
  );
}
