import { and, eq, sql } from "drizzle-orm";
import { accounts } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { ConflictError, PreconditionError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { changeStatusInput, type ChangeStatusInput } from "./accounts.schemas";
import { findAccountInOrg } from "./shared";

/** Statuses that follow the money: set by payments and settlements, never by hand. */
export const MONEY_STATUSES: ReadonlySet<string> = new Set(["paid", "settled"]);

export async function changeStatus({ ctx, input }: { ctx: ServiceContext; input: ChangeStatusInput }) {
  assertCan(ctx, "account.status");
  const data = parseInput(changeStatusInput, input);
  if (MONEY_STATUSES.has(data.status)) {
    throw new PreconditionError(`"${data.status}" follows payments; post the payment or settlement instead`);
  }
  return withTransaction(ctx, async (tx) => {
    const before = await findAccountInOrg(tx, data.accountId, true);
    if (before.version !== data.expectedVersion) {
      throw new ConflictError("This account changed since you opened it; reload and try again");
    }
    if (before.status === data.status) throw new PreconditionError(`The account is already ${data.status}`);
    const [after] = await tx.db
      .update(accounts)
      .set({ status: data.status, version: sql`${accounts.version} + 1`, updatedAt: ctx.now() })
      .where(
        and(eq(accounts.id, data.accountId), eq(accounts.orgId, ctx.orgId), eq(accounts.version, data.expectedVersion)),
      )
      .returning({ id: accounts.id, status: accounts.status, version: accounts.version });
    await recordAudit(tx, {
      action: "account.status_changed",
      entityType: "account",
      entityId: data.accountId,
      before: { status: before.status, version: before.version },
      after: { ...after, reason: data.reason },
    });
    return after!;
  });
}
