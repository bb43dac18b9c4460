import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NotAllowed } from "@/components/layout/not-allowed";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { requireStaff } from "@/server/auth/staff";
import { can } from "@/server/lib/permissions";
import { ERRORS_PAGE_SIZE } from "./_components/constants";
import { ImportDetail } from "./_components/import-detail";

export const metadata: Metadata = { title: "Import · Recoup" };

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { staff, allowed } = await requireStaff("import.read");
  if (!allowed) return <NotAllowed permission="import.read" role={staff.role} what="imports" />;

  const { id } = await params;
  const queryClient = getQueryClient();
  try {
    // Awaited so an unknown or malformed id becomes the not-found page.
    const data = await queryClient.fetchQuery(trpc.imports.get.queryOptions({ id }));
    if (data.job.status === "completed" || data.job.status === "rejected")
      await queryClient.prefetchQuery(trpc.imports.errors.queryOptions({ id, page: 1, pageSize: ERRORS_PAGE_SIZE }));
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }

  const canRun = can({ actor: { type: "staff", userId: staff.userId, role: staff.role } }, "import.run");
  return (
    <HydrateClient>
      <ImportDetail importId={id} canRun={canRun} />
    </HydrateClient>
  );
}
