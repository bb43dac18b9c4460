import type { Metadata } from "next";
import { NotAllowed } from "@/components/layout/not-allowed";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { requireStaff } from "@/server/auth/staff";
import { can } from "@/server/lib/permissions";
import { ImportsView } from "./_components/imports-view";

export const metadata: Metadata = { title: "Imports · Recoup" };

const PAGE_SIZE = 20;

export default async function ImportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { staff, allowed } = await requireStaff("import.read");
  if (!allowed) return <NotAllowed permission="import.read" role={staff.role} what="imports" />;

  const raw = Number((await searchParams).page);
  const page = Number.isInteger(raw) && raw >= 1 && raw <= 10_000 ? raw : 1;
  const canRun = can({ actor: { type: "staff", userId: staff.userId, role: staff.role } }, "import.run");
  const queryClient = getQueryClient();
  // Awaited so the first render already has the table; creditors only matter to those who may upload.
  await Promise.all([
    queryClient.prefetchQuery(trpc.imports.list.queryOptions({ page, pageSize: PAGE_SIZE })),
    canRun ? queryClient.prefetchQuery(trpc.dashboard.creditors.queryOptions()) : null,
  ]);

  return (
    <HydrateClient>
      <ImportsView page={page} pageSize={PAGE_SIZE} canRun={canRun} />
    </HydrateClient>
  );
}
