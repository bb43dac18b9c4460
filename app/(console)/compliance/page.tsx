import type { Metadata } from "next";
import { NotAllowed } from "@/components/layout/not-allowed";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { requireStaff } from "@/server/auth/staff";
import { ComplianceView } from "./_components/compliance-view";

export const metadata: Metadata = { title: "Compliance · Recoup" };

export default async function CompliancePage() {
  const { staff, allowed } = await requireStaff("compliance.report");
  if (!allowed) return <NotAllowed permission="compliance.report" role={staff.role} what="the compliance view" />;
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.compliance.overview.queryOptions({ days: 7 })),
    queryClient.prefetchInfiniteQuery(
      trpc.compliance.decisions.infiniteQueryOptions(
        { decision: "block", limit: 25 },
        { getNextPageParam: (last) => last.nextCursor },
      ),
    ),
  ]);
  return (
    <HydrateClient>
      <ComplianceView />
    </HydrateClient>
  );
}
