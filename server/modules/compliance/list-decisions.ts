import { and, desc, eq, isNotNull, lt, or, sql, type SQL } from "drizzle-orm";
import { accounts, complianceDecisions, debtors, users } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { ValidationError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { findAccountInOrg } from "@/server/modules/accounts/shared";
import { listDecisionsInput, type ListDecisionsInput } from "./compliance.schemas";

function decodeCursor(raw: string): { at: Date; id: string } {
  const [at, id] = raw.split("|");
  const when = new Date(at ?? "");
  if (!id || Number.isNaN(when.getTime()) || !/^[0-9a-f-]{36}$/.test(id))
    throw new ValidationError("Malformed cursor", [{ path: "cursor", message: "Malformed cursor" }]);
  return { at: when, id };
}

/**
 * Gate decisions, newest first, a page at a time: for the organization (compliance view) or one account.
 * Agents see an account's; the organization-wide list is for managers, admins and auditors.
 */
export async function listDecisions({ ctx, input }: { ctx: ServiceContext; input: ListDecisionsInput }) {
  const q = parseInput(listDecisionsInput, input);
  if (q.accountId) {
    assertCan(ctx, "account.read");
    await findAccountInOrg(ctx, q.accountId);
  } else assertCan(ctx, "compliance.report");
  const d = complianceDecisions;
  const where: (SQL | undefined)[] = [eq(d.orgId, ctx.orgId)];
  if (q.accountId) where.push(sql`${d.accountIds} @> array[${q.accountId}]::uuid[]`);
  if (q.decision === "override") where.push(isNotNull(d.overrideById));
  else if (q.decision) where.push(eq(d.decision, q.decision));
  if (q.rule) where.push(sql`${q.rule} = any(${d.rules})`);
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    where.push(or(lt(d.evaluatedAt, c.at), and(eq(d.evaluatedAt, c.at), lt(d.id, c.id))));
  }
  const rows = await ctx.db
    .select({
      id: d.id,
      accountId: d.accountId,
      accountRef: accounts.externalRef,
      debtorName: sql<string>`${debtors.firstName} || ' ' || ${debtors.lastName}`,
      channel: d.channel,
      purpose: d.purpose,
      actionAt: d.actionAt,
      decision: d.decision,
      rules: d.rules,
      reasons: d.reasons,
      nextAllowedAt: d.nextAllowedAt,
      ruleSetVersion: d.ruleSetVersion,
      inputDigest: d.inputDigest,
      overrideReason: d.overrideReason,
      overrideByName: users.name,
      evaluatedAt: d.evaluatedAt,
    })
    .from(d)
    .leftJoin(accounts, eq(accounts.id, d.accountId))
    .innerJoin(debtors, eq(debtors.id, d.debtorId))
    .leftJoin(users, eq(users.id, d.overrideById))
    .where(and(...where))
    .orderBy(desc(d.evaluatedAt), desc(d.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page,
    nextCursor: rows.length > q.limit && last ? `${last.evaluatedAt.toISOString()}|${last.id}` : null,
  };
}
