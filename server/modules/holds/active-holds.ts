import { sql, type SQL } from "drizzle-orm";
import { accounts } from "@/db/schema";
import type { HoldKind } from "./holds.schemas";

/**
 * The one definition of "this account is held": an unreleased hold on the account itself, or on its debtor
 * (account_id null: cease, attorney, bankruptcy, deceased, servicemember apply to every debt of the person).
 * Usable wherever `accounts` is in the FROM clause: list filters, work queues, strategy runs.
 */
export function accountHasActiveHold(kinds?: readonly HoldKind[]): SQL {
  const kindFilter = kinds?.length
    ? sql` and h.kind in (${sql.join(
        kinds.map((k) => sql`${k}`),
        sql`, `,
      )})`
    : sql``;
  return sql`exists (
    select 1 from holds h
    where h.org_id = ${accounts.orgId} and h.released_at is null
      and (h.account_id = ${accounts.id} or (h.account_id is null and h.debtor_id = ${accounts.debtorId}))${kindFilter}
  )`;
}
