import { and, eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { PreconditionError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { assertNotLastAdmin } from "./guards";
import { findUserInOrg, userColumns } from "./shared";
import { setUserRoleInput, type SetUserRoleInput } from "./users.schemas";

export async function setUserRole({ ctx, input }: { ctx: ServiceContext; input: SetUserRoleInput }) {
  assertCan(ctx, "user.manage");
  const data = parseInput(setUserRoleInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await findUserInOrg(tx, data.userId, true);
    if (before.role === data.role) throw new PreconditionError(`${before.name} already has the role ${data.role}`);
    if (before.role === "admin") await assertNotLastAdmin(tx, before.id);
    const [after] = await tx.db
      .update(users)
      .set({ role: data.role, updatedAt: sql`now()` })
      .where(and(eq(users.id, data.userId), eq(users.orgId, ctx.orgId)))
      .returning(userColumns);
    await recordAudit(tx, { action: "user.role_changed", entityType: "user", entityId: before.id, before, after });
    return after!;
  });
}
