import type { Metadata } from "next";
import { NotAllowed } from "@/components/layout/not-allowed";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { requireStaff } from "@/server/auth/staff";
import { MyQueueView } from "./_components/my-queue-view";

export const metadata: Metadata = { title: "My queue · Recoup" };

const PAGE_SIZE = 25;

export default async function MyQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { staff, allowed } = await requireStaff("queue.work");
  if (!allowed) return <NotAllowed permission="queue.work" role={staff.role} what="a work queue" />;

  const raw = Number((await searchParams).page);
  const page = Number.isInteger(raw) && raw >= 1 && raw <= 1_000 ? raw : 1;
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.queue.mine.queryOptions({ page, pageSize: PAGE_SIZE }));

  return (
    <HydrateClient>
      <MyQueueView page={page} pageSize={PAGE_SIZE} />
    </HydrateClient>
  );
}
