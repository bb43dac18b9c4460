import { and, eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { NotFoundError } from "@/server/lib/errors";

/** Public shape of a user: never the password hash. */
export const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  active: users.active,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
};

export async function findUserInOrg(ctx: ServiceContext, userId: string, lock = false) {
  const query = ctx.db
    .select(userColumns)
    .from(users)
    .where(and(eq(users.id, userId), eq(users.orgId, ctx.orgId)));
  const [user] = await (lock ? query.for("update") : query);
  if (!user) throw new NotFoundError("User", userId);
  return user;
}
