import { asc, eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { userColumns } from "./shared";

export async function listUsers({ ctx }: { ctx: ServiceContext }) {
  assertCan(ctx, "user.read");
  return ctx.db.select(userColumns).from(users).where(eq(users.orgId, ctx.orgId)).orderBy(asc(users.name));
}
