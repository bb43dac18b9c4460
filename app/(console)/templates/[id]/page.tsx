import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NotAllowed } from "@/components/layout/not-allowed";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { requireStaff } from "@/server/auth/staff";
import { TemplateEditor } from "../_components/template-editor";

export const metadata: Metadata = { title: "Template · Recoup" };

export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const { staff, allowed } = await requireStaff("template.read");
  if (!allowed) return <NotAllowed permission="template.read" role={staff.role} what="message templates" />;
  const { id } = await params;
  const queryClient = getQueryClient();
  try {
    await Promise.all([
      queryClient.fetchQuery(trpc.template.byId.queryOptions({ templateId: id })),
      queryClient.prefetchQuery(trpc.template.variables.queryOptions()),
    ]);
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  return (
    <HydrateClient>
      <TemplateEditor templateId={id} />
    </HydrateClient>
  );
}
