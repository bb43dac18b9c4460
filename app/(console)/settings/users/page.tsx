import type { Metadata } from "next";
import { NotAllowed } from "@/components/layout/not-allowed";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { requireStaff } from "@/server/auth/staff";
import { can } from "@/server/lib/permissions";
import { UsersAdmin } from "./_components/users-admin";

export const metadata: Metadata = { title: "Users · Recoup" };

export default async function UsersPage() {
  const { staff, allowed } = await requireStaff("user.read");
  if (!allowed) return <NotAllowed permission="user.read" role={staff.role} what="users" />;

  const canManage = can({ actor: { type: "staff", userId: staff.userId, role: staff.role } }, "user.manage");
  await getQueryClient().prefetchQuery(trpc.user.list.queryOptions());

  return (
    <HydrateClient>
      <UsersAdmin canManage={canManage} currentUserId={staff.userId} />
    </HydrateClient>
  );
}
