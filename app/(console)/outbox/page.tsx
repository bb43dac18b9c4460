import type { Metadata } from "next";
import { NotAllowed } from "@/components/layout/not-allowed";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { requireStaff } from "@/server/auth/staff";
import { OutboxView } from "./_components/outbox-view";

export const metadata: Metadata = { title: "Outbox · Recoup" };

export default async function OutboxPage() {
  const { staff, allowed } = await requireStaff("message.read");
  if (!allowed) return <NotAllowed permission="message.read" role={staff.role} what="the outbox" />;
  const queryClient = getQueryClient();
  await queryClient.prefetchInfiniteQuery(
    trpc.message.list.infiniteQueryOptions({ limit: 25 }, { getNextPageParam: (last) => last.nextCursor }),
  );
  return (
    <HydrateClient>
      <OutboxView />
    </HydrateClient>
  );
}
