import { and, eq } from "drizzle-orm";
import { accounts } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { NotFoundError } from "@/server/lib/errors";

/** Loads an account of the caller's organization; another organization's id is simply not found. */
export async function findAccountInOrg(ctx: ServiceContext, accountId: string, lock = false) {
  const query = ctx.db
    .select()
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.orgId, ctx.orgId)));
  const [account] = await (lock ? query.for("update") : query);
  if (!account) throw new NotFoundError("Account", accountId);
  return account;
}
