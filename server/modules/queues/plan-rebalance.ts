import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { accounts, users } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { NotFoundError, PreconditionError, ValidationError } from "@/server/lib/errors";
import { accountConditions, applyFilterSettings } from "@/server/modules/accounts/account-filters";
import { utcDate } from "@/server/modules/accounts/aging";
import { distribute, type Share } from "./distribute";
import { ASSIGNMENT_CAP, type rebalanceInput } from "./queues.schemas";
import type { z } from "zod";

export type RebalanceData = z.output<typeof rebalanceInput>;
export type RebalancePlan = {
  /** Who the accounts belong to now: null for auto-assign (unassigned), the source user for a reassignment. */
  fromUserId: string | null;
  total: number;
  shares: (Share & { name: string })[];
};

const fmt = (n: number) => n.toLocaleString("en-US");

/**
 * Works out who gets which accounts, for the preview and again inside the apply transaction (same data, same
 * answer: the selection and the dealing are both fully ordered). Everything is scoped to the organization: a
 * user or account of another organization is simply not found.
 */
export async function planRebalance(ctx: ServiceContext, data: RebalanceData): Promise<RebalancePlan> {
  const targetIds = [...new Set(data.targetIds)];
  const fromUserId = data.kind === "reassign" ? data.fromUserId : null;
  if (fromUserId && targetIds.includes(fromUserId))
    throw new ValidationError("Accounts cannot be reassigned to the person they are taken from", [
      { path: "targetIds", message: "Leave out the person whose accounts are moving" },
    ]);

  const people = await ctx.db
    .select({ id: users.id, name: users.name, role: users.role, active: users.active })
    .from(users)
    .where(and(eq(users.orgId, ctx.orgId), inArray(users.id, fromUserId ? [...targetIds, fromUserId] : targetIds)));
  const byId = new Map(people.map((p) => [p.id, p]));
  for (const id of targetIds) {
    const person = byId.get(id);
    if (!person) throw new NotFoundError("User", id);
    if (!person.active)
      throw new PreconditionError(`${person.name} is deactivated; accounts cannot be assigned to them`);
    if (person.role === "auditor")
      throw new PreconditionError(`${person.name} is an auditor; auditors cannot be assigned accounts`);
  }
  if (fromUserId && !byId.has(fromUserId)) throw new NotFoundError("User", fromUserId);

  const condition = accountConditions(
    ctx.orgId,
    { ...data.filters, assignee: fromUserId ?? "unassigned" },
    utcDate(ctx.now()),
  );
  // Round-robin deals the most important accounts first; by balance, the largest first (distribute re-sorts).
  const order =
    data.method === "round_robin"
      ? [desc(accounts.priority), asc(accounts.id)]
      : [desc(accounts.balanceMinor), asc(accounts.id)];
  const take = data.limit ?? ASSIGNMENT_CAP;
  // Local to the caller's transaction (preview and apply both run in one).
  await applyFilterSettings(ctx.db);
  const rows = await ctx.db
    .select({ accountId: accounts.id, balanceMinor: accounts.balanceMinor })
    .from(accounts)
    .where(condition)
    .orderBy(...order)
    .limit(data.limit ?? ASSIGNMENT_CAP + 1);
  if (rows.length > take)
    throw new PreconditionError(
      `More than ${fmt(ASSIGNMENT_CAP)} accounts match; one operation moves at most ${fmt(ASSIGNMENT_CAP)}. ` +
        `Narrow the filters or set a limit, and run it again for the rest.`,
    );

  const shares = distribute(rows, targetIds, data.method).map((s) => ({ ...s, name: byId.get(s.userId)!.name }));
  return { fromUserId, total: rows.length, shares };
}

export function summarise(plan: RebalancePlan) {
  return {
    total: plan.total,
    perAgent: plan.shares.map((s) => ({
      userId: s.userId,
      name: s.name,
      count: s.accountIds.length,
      balanceMinor: s.balanceMinor,
    })),
  };
}
