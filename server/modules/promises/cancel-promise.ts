import { and, eq, sql } from "drizzle-orm";
import { accounts, promises } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { ConflictError, NotFoundError, PreconditionError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { findAccountInOrg } from "@/server/modules/accounts/shared";
import { recordAudit } from "@/server/modules/audit/record";
import { cancelPromiseInput, type CancelPromiseInput } from "./promises.schemas";

/**
 * Withdraws a pending promise. It is the account's latest (one pending at most), so the account now shows a
 * cancelled promise, and an account that was "promised" only because of it goes back to active.
 */
export async function cancelPromise({ ctx, input }: { ctx: ServiceContext; input: CancelPromiseInput }) {
  assertCan(ctx, "interaction.log");
  const data = parseInput(cancelPromiseInput, input);
  return withTransaction(ctx, async (tx) => {
    const [found] = await tx.db
      .select({ accountId: promises.accountId })
      .from(promises)
      .where(and(eq(promises.id, data.promiseId), eq(promises.orgId, ctx.orgId)));
    if (!found) throw new NotFoundError("Promise", data.promiseId);
    // Lock the account first (the order every promise writer uses), then read the promise under that lock.
    const account = await findAccountInOrg(tx, found.accountId, true);
    if (account.version !== data.expectedVersion) {
      throw new ConflictError("This account changed since you opened it; reload and try again");
    }
    const [promise] = await tx.db
      .select()
      .from(promises)
      .where(and(eq(promises.id, data.promiseId), eq(promises.orgId, ctx.orgId)));
    if (promise!.status !== "pending") throw new PreconditionError(`This promise is already ${promise!.status}`);
    const now = ctx.now();
    const [cancelled] = await tx.db
      .update(promises)
      .set({ status: "cancelled", resolvedAt: now })
      .where(and(eq(promises.id, data.promiseId), eq(promises.orgId, ctx.orgId)))
      .returning();
    const status = account.status === "promised" ? "active" : account.status;
    const [updated] = await tx.db
      .update(accounts)
      .set({
        promiseStatus: "cancelled",
        promiseDueOn: promise!.dueOn,
        status,
        version: sql`${accounts.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(accounts.id, account.id), eq(accounts.orgId, ctx.orgId), eq(accounts.version, account.version)))
      .returning({ version: accounts.version, status: accounts.status });
    await recordAudit(tx, {
      action: "promise.cancelled",
      entityType: "account",
      entityId: account.id,
      before: { promiseId: promise!.id, status: account.status, version: account.version },
      after: { promiseId: promise!.id, reason: data.reason, status: updated!.status, version: updated!.version },
    });
    return { ...cancelled!, accountVersion: updated!.version, accountStatus: updated!.status };
  });
}
