import type { Metadata } from "next";
import { NotAllowed } from "@/components/layout/not-allowed";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { requireStaff } from "@/server/auth/staff";
import { TemplatesView } from "./_components/templates-view";

export const metadata: Metadata = { title: "Templates · Recoup" };

export default async function TemplatesPage() {
  const { staff, allowed } = await requireStaff("template.read");
  if (!allowed) return <NotAllowed permission="template.read" role={staff.role} what="message templates" />;
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.template.list.queryOptions({ includeArchived: false }));
  return (
    <HydrateClient>
      <TemplatesView />
    </HydrateClient>
  );
}
