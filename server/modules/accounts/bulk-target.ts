import { and, eq, sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { accounts } from "@/db/schema";
import type { TxContext } from "@/server/lib/context";
import { ConflictError, NotFoundError, PreconditionError } from "@/server/lib/errors";
import { applyFilterSettings, uuidArray } from "./account-filters";
import { matchingFrom } from "./account-order";
import { utcDate } from "./aging";
import { BULK_CAP, type AccountFilters } from "./accounts.schemas";

export type BulkTarget = {
  accountIds?: string[];
  matching?: { filters: AccountFilters; expectedCount: number };
};

const fmt = (n: number) => n.toLocaleString("en-US");

/** Whether an "all matching" selection may go ahead, for the count the user is asked to confirm. */
export function matchingLimitMessage(count: number): string | null {
  return count > BULK_CAP
    ? `More than ${fmt(BULK_CAP)} accounts match; narrow the filters to act on at most ${fmt(BULK_CAP)} at once`
    : null;
}

/**
 * The accounts a bulk action changes, locked (in id order, so two bulk actions never deadlock) until the
 * transaction ends. Selected ids must all be the organization's; "all matching" must still be exactly the
 * number of accounts the user confirmed, or nothing is done.
 */
export async function lockBulkTarget(tx: TxContext, target: BulkTarget): Promise<string[]> {
  if (target.accountIds) {
    const ids = [...new Set(target.accountIds)];
    const found = await tx.db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.orgId, tx.orgId), sql`${accounts.id} = any(${uuidArray(ids)})`))
      .orderBy(accounts.id)
      .for("update");
    if (found.length !== ids.length) {
      const have = new Set(found.map((f) => f.id));
      const missing = ids.filter((id) => !have.has(id));
      // Throwing rolls the whole batch back: either every selected account changes or none does.
      throw new NotFoundError(`${missing.length} of the selected accounts (first: ${missing[0]})`);
    }
    return ids;
  }
  const { filters, expectedCount } = target.matching!;
  await applyFilterSettings(tx.db);
  const from = matchingFrom(tx.orgId, filters, utcDate(tx.now()));
  const result = await tx.db.execute(
    sql`select accounts.id from ${from} order by accounts.id limit ${BULK_CAP + 1} for update of accounts`,
  );
  const ids = rowsOf<{ id: string }>(result).map((r) => r.id);
  const tooMany = matchingLimitMessage(ids.length);
  if (tooMany) throw new PreconditionError(tooMany);
  if (ids.length !== expectedCount) {
    throw new ConflictError(
      `${fmt(ids.length)} accounts match these filters now, not the ${fmt(expectedCount)} you confirmed; ` +
        `nothing was changed — review the list and try again`,
    );
  }
  return ids;
}
