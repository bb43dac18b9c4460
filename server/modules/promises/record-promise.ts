import { and, eq, sql } from "drizzle-orm";
import { accounts, promises } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { ConflictError, PreconditionError, ValidationError } from "@/server/lib/errors";
import { formatMoney } from "@/server/lib/money";
import { addDays, utcDate } from "@/server/modules/accounts/aging";
import { PROMISE_MAX_DAYS_AHEAD } from "./promises.schemas";

type LockedAccount = typeof accounts.$inferSelect;

/** Accounts on which nothing is owed any more, or that are no longer ours to collect. */
const CLOSED_STATUSES = new Set(["paid", "settled", "closed", "recalled"]);

/**
 * Records a promise on an account the caller has locked (FOR UPDATE), inside the caller's transaction. At most
 * one promise is pending per account: a new one supersedes the previous (cancelled), so the account's
 * promise_status/promise_due_on always mirror the latest promise. An active account becomes "promised".
 */
export async function recordPromise(
  ctx: ServiceContext,
  account: LockedAccount,
  terms: { amountMinor: number; dueOn: string; currency?: string | undefined },
  options: { interactionId?: string | null; expectedVersion?: number | undefined; path?: string },
) {
  const at = (field: string) => (options.path ? `${options.path}.${field}` : field);
  const refuse = (field: string, message: string): never => {
    throw new ValidationError(message, [{ path: at(field), message }]);
  };
  if (options.expectedVersion !== undefined && options.expectedVersion !== account.version) {
    throw new ConflictError("This account changed since you opened it; reload and try again");
  }
  if (CLOSED_STATUSES.has(account.status)) {
    throw new PreconditionError(`A promise cannot be taken on a ${account.status} account`);
  }
  const currency = terms.currency ?? account.currency;
  if (currency !== account.currency) {
    refuse("currency", `This account is in ${account.currency}; a promise on it must be in ${account.currency} too`);
  }
  if (account.balanceMinor <= 0) throw new PreconditionError("This account has no balance to promise");
  if (terms.amountMinor > account.balanceMinor) {
    refuse(
      "amountMinor",
      `The promised ${formatMoney(terms.amountMinor, currency)} is more than the balance of ${formatMoney(account.balanceMinor, currency)}`,
    );
  }
  const today = utcDate(ctx.now());
  const latest = addDays(today, PROMISE_MAX_DAYS_AHEAD);
  if (
    Number.isNaN(Date.parse(`${terms.dueOn}T00:00:00Z`)) ||
    utcDate(new Date(`${terms.dueOn}T00:00:00Z`)) !== terms.dueOn
  ) {
    refuse("dueOn", `"${terms.dueOn}" is not a date`);
  }
  if (terms.dueOn < today) refuse("dueOn", "A promise cannot be due in the past");
  if (terms.dueOn > latest) {
    refuse("dueOn", `A promise can be due at most ${PROMISE_MAX_DAYS_AHEAD} days ahead (by ${latest})`);
  }

  const now = ctx.now();
  const superseded = await ctx.db
    .update(promises)
    .set({ status: "cancelled", resolvedAt: now })
    .where(and(eq(promises.orgId, ctx.orgId), eq(promises.accountId, account.id), eq(promises.status, "pending")))
    .returning({ id: promises.id });
  const [promise] = await ctx.db
    .insert(promises)
    .values({
      orgId: ctx.orgId,
      accountId: account.id,
      amountMinor: terms.amountMinor,
      currency,
      dueOn: terms.dueOn,
      interactionId: options.interactionId ?? null,
      createdById: ctx.actor.type === "staff" ? ctx.actor.userId : null,
      createdAt: now,
    })
    .returning();
  const newStatus = account.status === "active" ? "promised" : account.status;
  const [updated] = await ctx.db
    .update(accounts)
    .set({
      promiseStatus: "pending",
      promiseDueOn: terms.dueOn,
      status: newStatus,
      version: sql`${accounts.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(accounts.id, account.id), eq(accounts.orgId, ctx.orgId), eq(accounts.version, account.version)))
    .returning({ version: accounts.version, status: accounts.status });
  // The row is locked, so this only fails if the caller did not lock it: never overwrite silently.
  if (!updated) throw new ConflictError("This account changed since you opened it; reload and try again");
  return {
    promise: promise!,
    supersededIds: superseded.map((s) => s.id),
    statusChange: newStatus !== account.status ? { from: account.status, to: newStatus } : null,
    version: updated.version,
  };
}
