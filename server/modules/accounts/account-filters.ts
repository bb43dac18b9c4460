import { and, eq, gte, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { accounts } from "@/db/schema";
import { bucketCondition } from "./aging-sql";
import type { AccountFilters } from "./accounts.schemas";

/**
 * The one translation of account filters to SQL: the list, "all matching" bulk actions, CSV export and work
 * queues all select accounts through it, so a filter means the same thing everywhere.
 */
export function accountConditions(orgId: string, q: AccountFilters, today: string): SQL {
  const where: (SQL | undefined)[] = [eq(accounts.orgId, orgId)];
  if (q.status?.length) where.push(inArray(accounts.status, q.status));
  if (q.bucket?.length) where.push(or(...q.bucket.map((b) => bucketCondition(b, today))));
  if (q.creditorId) where.push(eq(accounts.creditorId, q.creditorId));
  if (q.state) where.push(eq(accounts.jurisdictionState, q.state));
  if (q.assignee === "unassigned") where.push(isNull(accounts.assigneeId));
  else if (q.assignee) where.push(eq(accounts.assigneeId, q.assignee));
  if (q.minBalance !== undefined) where.push(gte(accounts.balanceMinor, q.minBalance));
  if (q.maxBalance !== undefined) where.push(lte(accounts.balanceMinor, q.maxBalance));
  if (q.q) {
    // Two index-backed prefix lookups (reference, debtor last name) joined by UNION, rather than an OR the
    // planner could only answer by scanning every account.
    const pattern = `${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`${accounts.id} in (
        select r.id from accounts r where r.org_id = ${orgId} and lower(r.external_ref) like ${pattern}
        union all
        select a.id from accounts a join debtors d on d.id = a.debtor_id
        where d.org_id = ${orgId} and a.org_id = ${orgId} and lower(d.last_name) like ${pattern}
      )`,
    );
  }
  return and(...where)!;
}
