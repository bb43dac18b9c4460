import { and, eq, isNull, ne, or, sql } from "drizzle-orm";
import { holds, users } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { ConflictError, NotFoundError, PreconditionError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { findAccountInOrg } from "@/server/modules/accounts/shared";
import { recordAudit } from "@/server/modules/audit/record";
import { HOLD_KIND_LABELS, releaseHoldInput, type ReleaseHoldInput } from "./holds.schemas";
import { accountsCoveredBy } from "./shared";

/**
 * Lifts a hold, with the reason why (a supervisor's decision, kept for the regulator). The hold row stays as
 * history. Releasing a dispute never changes the account's status by itself: whether the debt was verified or
 * written off is a separate decision, so the caller is told the account is still "disputed".
 */
export async function releaseHold({ ctx, input }: { ctx: ServiceContext; input: ReleaseHoldInput }) {
  assertCan(ctx, "hold.release");
  const data = parseInput(releaseHoldInput, input);
  return withTransaction(ctx, async (tx) => {
    const account = await findAccountInOrg(tx, data.accountId);
    const [hold] = await tx.db
      .select()
      .from(holds)
      .where(
        and(
          eq(holds.id, data.holdId),
          eq(holds.orgId, ctx.orgId),
          or(eq(holds.accountId, account.id), and(isNull(holds.accountId), eq(holds.debtorId, account.debtorId))),
        ),
      )
      .for("update");
    if (!hold) throw new NotFoundError("Hold", data.holdId);
    const label = HOLD_KIND_LABELS[hold.kind].toLowerCase();
    if (hold.releasedAt) {
      const [by] = hold.releasedById
        ? await tx.db.select({ name: users.name }).from(users).where(eq(users.id, hold.releasedById))
        : [];
      throw new PreconditionError(
        `This ${label} hold was already released on ${hold.releasedAt.toISOString().slice(0, 10)}${by ? ` by ${by.name}` : ""}`,
      );
    }
    if (hold.version !== data.expectedVersion) {
      throw new ConflictError(`This ${label} hold changed since you opened it; reload and try again`);
    }
    const [released] = await tx.db
      .update(holds)
      .set({
        releasedAt: ctx.now(),
        releasedById: ctx.actor.type === "staff" ? ctx.actor.userId : null,
        releaseReason: data.reason,
        version: sql`${holds.version} + 1`,
      })
      .where(and(eq(holds.id, hold.id), eq(holds.orgId, ctx.orgId), eq(holds.version, data.expectedVersion)))
      .returning();
    if (!released) throw new ConflictError(`This ${label} hold changed since you opened it; reload and try again`);

    let notice: string | null = null;
    if (hold.kind === "dispute" && account.status === "disputed") {
      const [otherDispute] = await tx.db
        .select({ id: holds.id })
        .from(holds)
        .where(
          and(
            eq(holds.orgId, ctx.orgId),
            eq(holds.kind, "dispute"),
            isNull(holds.releasedAt),
            ne(holds.id, hold.id),
            or(eq(holds.accountId, account.id), and(isNull(holds.accountId), eq(holds.debtorId, account.debtorId))),
          ),
        )
        .limit(1);
      if (!otherDispute) {
        notice = "The account is still marked disputed: change its status once the dispute is resolved";
      }
    }

    const accountIds = await accountsCoveredBy(tx, hold);
    await recordAudit(tx, {
      action: "hold.released",
      entityType: "hold",
      entityId: hold.id,
      before: hold,
      after: { ...released, accountIds },
    });
    return { hold: released, accountIds, notice };
  });
}
