import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NotAllowed } from "@/components/layout/not-allowed";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { requireStaff } from "@/server/auth/staff";
import { can } from "@/server/lib/permissions";
import { QueueDetail } from "./_components/queue-detail";

export const metadata: Metadata = { title: "Queue · Recoup" };

const PAGE_SIZE = 50;

export default async function QueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { staff, allowed } = await requireStaff("queue.read");
  if (!allowed) return <NotAllowed permission="queue.read" role={staff.role} what="work queues" />;

  const { id } = await params;
  const raw = Number((await searchParams).page);
  const page = Number.isInteger(raw) && raw >= 1 && raw <= 10_000 ? raw : 1;
  const queryClient = getQueryClient();
  try {
    // Awaited so an unknown or malformed id becomes the not-found page.
    const queue = await queryClient.fetchQuery(trpc.queue.byId.queryOptions({ queueId: id }));
    if (queue.definition)
      await queryClient.prefetchQuery(trpc.queue.accounts.queryOptions({ queueId: id, page, pageSize: PAGE_SIZE }));
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }

  const actor = { actor: { type: "staff" as const, userId: staff.userId, role: staff.role } };
  return (
    <HydrateClient>
      <QueueDetail
        queueId={id}
        page={page}
        pageSize={PAGE_SIZE}
        canManage={can(actor, "queue.manage")}
        canWork={can(actor, "queue.work")}
        canReadUsers={can(actor, "user.read")}
      />
    </HydrateClient>
  );
}
