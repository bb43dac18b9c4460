import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { matchingFrom } from "./account-order";
import { utcDate } from "./aging";
import { BULK_CAP, countMatchingInput, type CountMatchingInput } from "./accounts.schemas";
import { matchingLimitMessage } from "./bulk-target";
import { countCapped, withFilterSettings } from "./list-accounts";

/**
 * The exact number of accounts matching the filters (up to the bulk cap), which the user confirms before a bulk
 * action on "all matching" and which that action checks again.
 */
export async function countMatchingAccounts({ ctx, input }: { ctx: ServiceContext; input: CountMatchingInput }) {
  assertCan(ctx, "account.read");
  const filters = parseInput(countMatchingInput, input);
  const from = matchingFrom(ctx.orgId, filters, utcDate(ctx.now()));
  const n = await withFilterSettings(ctx.db, (db) => countCapped(db, from, BULK_CAP));
  return { count: Math.min(n, BULK_CAP), capped: n > BULK_CAP, cap: BULK_CAP, refusal: matchingLimitMessage(n) };
}
