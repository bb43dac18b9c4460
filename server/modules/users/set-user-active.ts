import { and, eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { PreconditionError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { assertNotLastAdmin } from "./guards";
import { findUserInOrg, userColumns } from "./shared";
import { setUserActiveInput, type SetUserActiveInput } from "./users.schemas";

/** Deactivation, not deletion: the user's name stays on everything they did, and they can no longer sign in. */
export async function setUserActive({ ctx, input }: { ctx: ServiceContext; input: SetUserActiveInput }) {
  assertCan(ctx, "user.manage");
  const data = parseInput(setUserActiveInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await findUserInOrg(tx, data.userId, true);
    if (before.active === data.active) {
      throw new PreconditionError(`${before.name} is already ${data.active ? "active" : "deactivated"}`);
    }
    if (!data.active) {
      if (ctx.actor.type === "staff" && ctx.actor.userId === before.id) {
        throw new PreconditionError("You cannot deactivate yourself");
      }
      if (before.role === "admin") await assertNotLastAdmin(tx, before.id);
    }
    const [after] = await tx.db
      .update(users)
      .set({ active: data.active, updatedAt: sql`now()` })
      .where(and(eq(users.id, data.userId), eq(users.orgId, ctx.orgId)))
      .returning(userColumns);
    await recordAudit(tx, {
      action: data.active ? "user.reactivated" : "user.deactivated",
      entityType: "user",
      entityId: before.id,
      before,
      after,
    });
    return after!;
  });
}
