import "server-only";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getDb } from "@/db";
import { can, type Permission } from "@/server/lib/permissions";
import { auth } from "./config";
import { loadStaff, type StaffSession } from "./session";

/** The signed-in staff member for this request (deduplicated per render), or null. */
export const currentStaff = cache(async (): Promise<StaffSession | null> => {
  await connection(); // request-time only: never touch auth or the database while prerendering
  const session = await auth();
  return loadStaff(await getDb(), session?.user?.id);
});

/** For console pages: redirects to sign-in when there is no session; says whether the role may see the page. */
export async function requireStaff(permission?: Permission): Promise<{ staff: StaffSession; allowed: boolean }> {
  const staff = await currentStaff();
  if (!staff) redirect("/sign-in");
  return {
    staff,
    allowed: permission ? can({ actor: { type: "staff", userId: staff.userId, role: staff.role } }, permission) : true,
  };
}
