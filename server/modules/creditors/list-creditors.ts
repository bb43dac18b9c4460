import { asc, eq } from "drizzle-orm";
import { creditors } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";

export async function listCreditors({ ctx }: { ctx: ServiceContext }) {
  assertCan(ctx, "account.read");
  return ctx.db
    .select({ id: creditors.id, code: creditors.code, name: creditors.name })
    .from(creditors)
    .where(eq(creditors.orgId, ctx.orgId))
    .orderBy(asc(creditors.name));
}
