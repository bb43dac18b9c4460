import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { users } from "@/db/schema";
import type { Role } from "@/server/lib/permissions";

export type StaffSession = { userId: string; orgId: string; role: Role; name: string; email: string };

/**
 * Resolves a signed-in user id to the staff member as the database knows them now: a deactivated user or a
 * changed role takes effect on the next request, not when the token expires. Fails closed (null).
 */
export async function loadStaff(db: Database, userId: string | undefined | null): Promise<StaffSession | null> {
  if (!userId || !/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const [user] = await db
    .select({
      userId: users.id,
      orgId: users.orgId,
      role: users.role,
      name: users.name,
      email: users.email,
      active: users.active,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user?.active) return null;
  return { userId: user.userId, orgId: user.orgId, role: user.role, name: user.name, email: user.email };
}
