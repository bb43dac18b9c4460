import { sql, type SQL } from "drizzle-orm";
import { accounts } from "@/db/schema";
import type { HoldKind } from "./holds.schemas";

/**
 * The one definition of "this account is held": an unreleased hold on the account itself, or on its debtor
 * (account_id null: cease, attorney, bankruptcy, deceased, servicemember apply to every debt of the person).
 * Usable wherever `accounts` is in the FROM clause: list filters, work queues, strategy runs.
 *
 * Two EXISTS, each with its own key (account_id, debtor_id), rather than one with an OR inside: negated over a
 * large scan, the OR form let the planner hash holds on org_id alone and compare every account with every hold
 * (14 s instead of 0.2 s for a capped count at 1M accounts).
 */
export function accountHasActiveHold(kinds?: readonly HoldKind[]): SQL {
  const kindFilter = kinds?.length
    ? sql` and h.kind in (${sql.join(
        kinds.map((k) => sql`${k}`),
        sql`, `,
      )})`
    : sql``;
  return sql`(exists (
    select 1 from holds h
    where h.account_id = ${accounts.id} and h.org_id = ${accounts.orgId} and h.released_at is null${kindFilter}
  ) or exists (
    select 1 from holds h
    where h.debtor_id = ${accounts.debtorId} and h.account_id is null and h.org_id = ${accounts.orgId}
      and h.released_at is null${kindFilter}
  ))`;
}

/**
 * The negation, spelled as two top-level NOT EXISTS: PostgreSQL turns those into anti-joins on the holds
 * indexes, which it does not do for NOT (EXISTS OR EXISTS).
 */
export function accountHasNoActiveHold(): SQL {
  return sql`not exists (
    select 1 from holds h
    where h.account_id = ${accounts.id} and h.org_id = ${accounts.orgId} and h.released_at is null
  ) and not exists (
    select 1 from holds h
    where h.debtor_id = ${accounts.debtorId} and h.account_id is null and h.org_id = ${accounts.orgId}
      and h.released_at is null
  )`;
}

/**
 * "This account has an active hold (of these kinds)": the rule of `accountHasActiveHold` above —
 * an unreleased hold on the account, or on its debtor with no account —
 * written as two uncorrelated sets that PostgreSQL hashes once per query. The correlated EXISTS probes the holds
 * table for every account it looks at, which over a million accounts (a count, "no hold", a bulk action) takes
 * seconds; these sets read only the organization's active holds. list-filters.test.ts holds the two forms equal.
 */
export function heldAccountCondition(orgId: string, kinds?: readonly HoldKind[]): SQL {
  const kindFilter = kinds?.length ? sql` and h.kind = any(${`{${kinds.join(",")}}`}::hold_kind[])` : sql``;
  return sql`(${accounts.id} in (select h.account_id from holds h
      where h.org_id = ${orgId} and h.released_at is null and h.account_id is not null${kindFilter})
    or ${accounts.debtorId} in (select h.debtor_id from holds h
      where h.org_id = ${orgId} and h.released_at is null and h.account_id is null${kindFilter}))`;
}
