import { and, eq, sql } from "drizzle-orm";
import { accounts } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { textArray, uuidArray } from "./account-filters";
import { tagAccountsInput, type TagAccountsInput } from "./accounts.schemas";
import { lockBulkTarget } from "./bulk-target";

/**
 * Adds and removes tags on the selected or all matching accounts. Only accounts whose tags actually change are
 * written (and get a new version); one audit event names them.
 */
export async function tagAccounts({ ctx, input }: { ctx: ServiceContext; input: TagAccountsInput }) {
  assertCan(ctx, "account.tag");
  const data = parseInput(tagAccountsInput, input);
  const add = [...new Set(data.add)];
  const remove = [...new Set(data.remove)];
  return withTransaction(ctx, async (tx) => {
    const ids = await lockBulkTarget(tx, data);
    const addArr = textArray(add);
    const removeArr = textArray(remove);
    // Sorted and distinct, so the same set of tags is always the same array.
    const changed = await tx.db
      .update(accounts)
      .set({
        tags: sql`array(select distinct t from unnest(${accounts.tags} || ${addArr}) t where t <> all(${removeArr}) order by t)`,
        version: sql`${accounts.version} + 1`,
        updatedAt: ctx.now(),
      })
      .where(
        and(
          eq(accounts.orgId, ctx.orgId),
          sql`${accounts.id} = any(${uuidArray(ids)})`,
          sql`(not ${accounts.tags} @> ${addArr} or ${accounts.tags} && ${removeArr})`,
        ),
      )
      .returning({ id: accounts.id });
    const changedIds = changed.map((c) => c.id);
    await recordAudit(tx, {
      action: "account.bulk_tagged",
      entityType: "account",
      entityId: ids.length === 1 ? ids[0] : null,
      after: {
        add,
        remove,
        count: changedIds.length,
        matched: ids.length,
        accountIds: changedIds,
        ...(data.matching ? { filters: data.matching.filters } : {}),
      },
    });
    return { count: changedIds.length, unchanged: ids.length - changedIds.length };
  });
}
