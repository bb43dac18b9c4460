import { and, asc, desc, eq, sql } from "drizzle-orm";
import { contactPoints } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { assertCan, can } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { findAccountInOrg } from "@/server/modules/accounts/shared";
import { listContactPointsInput, type ListContactPointsInput } from "./contacts.schemas";
import { formatPhone } from "./phone";

/** The contact points of an account's debtor: primary first within each kind, invalid ones last. */
export async function listContactPoints({ ctx, input }: { ctx: ServiceContext; input: ListContactPointsInput }) {
  assertCan(ctx, "account.read");
  const { accountId } = parseInput(listContactPointsInput, input);
  const account = await findAccountInOrg(ctx, accountId);
  const rows = await ctx.db
    .select()
    .from(contactPoints)
    .where(and(eq(contactPoints.orgId, ctx.orgId), eq(contactPoints.debtorId, account.debtorId)))
    .orderBy(
      asc(contactPoints.kind),
      desc(contactPoints.isPrimary),
      asc(sql`${contactPoints.validity} = 'invalid'`),
      asc(contactPoints.createdAt),
      asc(contactPoints.id),
    );
  return {
    debtorId: account.debtorId,
    canManage: can(ctx, "contact.manage"),
    contactPoints: rows.map(({ orgId: _org, ...row }) => ({
      ...row,
      display: row.kind === "phone" ? formatPhone(row.value) : row.value,
    })),
  };
}
