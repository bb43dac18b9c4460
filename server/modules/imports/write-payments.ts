import { sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import type { TxContext } from "@/server/lib/context";
import type { WriteCounts, WriteRejection } from "./write-accounts";

/**
 * Posts an import's staged payments, set-based, inside the caller's transaction. A payment is posted once per
 * external transaction id (the ledger's unique key): one already in the ledger is counted unchanged, so a
 * re-sent file posts nothing. Each payment pays fees, then interest, then principal, in date order per account
 * (the allocation order becomes a creditor policy with payments); one that would take the balance below zero,
 * names an unknown account or is in another currency is refused.
 */
export async function writeStagedPayments(
  tx: TxContext,
  job: { id: string; creditorId: string; fileName: string },
): Promise<{ counts: WriteCounts; rejections: WriteRejection[] }> {
  const db = tx.db;
  const org = tx.orgId;
  await db.execute(sql`create temp table imp_payments on commit drop as
    select s.*, a.id as account_id, a.currency as account_currency,
      a.principal_minor as p0, a.interest_minor as i0, a.fees_minor as f0,
      exists (select 1 from ledger_transactions l where l.org_id = ${org} and l.external_id = s.external_transaction_id)
        as posted
    from import_staged_payments s
    left join accounts a on a.org_id = ${org} and a.creditor_id = ${job.creditorId} and a.external_ref = s.external_ref
    where s.job_id = ${job.id}`);

  const refused = rowsOf<{ line: number; column: string; value: string; message: string }>(
    await db.execute(sql`select line, 'reference' as column, external_ref as value,
        'no account of this creditor has this reference' as message
      from imp_payments where account_id is null
      union all
      select line, 'currency', currency, 'differs from the account''s currency (' || account_currency || ')'
      from imp_payments where account_id is not null and currency <> account_currency and not posted
      order by 1`),
  );
  await db.execute(
    sql`delete from imp_payments where account_id is null or (currency <> account_currency and not posted)`,
  );

  // Running totals per account, in date order: each payment's share of fees, interest and principal is the
  // difference of what the payments so far have covered, component by component.
  await db.execute(sql`create temp table imp_alloc on commit drop as
    with ordered as (
      select p.*, sum(p.amount_minor) over (partition by p.account_id order by p.paid_on, p.line) as paid_to_date
      from imp_payments p where not p.posted
    ), covered as (
      select o.*,
        least(o.paid_to_date, o.f0) as f_cov,
        least(greatest(o.paid_to_date - o.f0, 0), o.i0) as i_cov,
        least(greatest(o.paid_to_date - o.f0 - o.i0, 0), o.p0) as p_cov,
        o.paid_to_date > o.f0 + o.i0 + o.p0 as exceeds
      from ordered o
    )
    select c.*,
      c.f_cov - coalesce(lag(c.f_cov) over w, 0) as f_pay,
      c.i_cov - coalesce(lag(c.i_cov) over w, 0) as i_pay,
      c.p_cov - coalesce(lag(c.p_cov) over w, 0) as p_pay
    from covered c window w as (partition by c.account_id order by c.paid_on, c.line)`);
  const over = rowsOf<{ line: number; value: string }>(
    await db.execute(sql`select line, amount_minor::text as value from imp_alloc where exceeds order by line`),
  );
  for (const o of over) {
    refused.push({
      line: o.line,
      column: "amount",
      value: o.value,
      message: "is more than the account's balance (with the file's earlier payments to it)",
    });
  }
  // A refused payment refuses the ones after it on the same account: their shares were computed with it.
  await db.execute(sql`delete from imp_alloc a where exists (select 1 from imp_alloc b
    where b.account_id = a.account_id and b.exceeds and (b.paid_on, b.line) <= (a.paid_on, a.line))`);

  const posted = rowsOf<{ n: number }>(
    await db.execute(sql`with ledger as (
        insert into ledger_transactions (org_id, account_id, kind, principal_minor, interest_minor, fees_minor,
          currency, effective_on, description, external_id)
        select ${org}, a.account_id, 'payment', -a.p_pay, -a.i_pay, -a.f_pay, a.currency, a.paid_on,
          'Payment' || coalesce(' by ' || a.method, '') || ' (import of ' || ${job.fileName} || ', row ' || a.line || ')',
          a.external_transaction_id
        from imp_alloc a
        returning account_id, principal_minor, interest_minor, fees_minor, effective_on
      ), totals as (
        select account_id, sum(principal_minor) as p, sum(interest_minor) as i, sum(fees_minor) as f,
          max(effective_on) as last_on
        from ledger group by account_id
      ), moved as (
        update accounts a set principal_minor = a.principal_minor + t.p, interest_minor = a.interest_minor + t.i,
          fees_minor = a.fees_minor + t.f, last_payment_on = greatest(a.last_payment_on, t.last_on),
          version = a.version + 1, updated_at = ${tx.now().toISOString()}::timestamptz
        from totals t where a.id = t.account_id
      )
      select count(*)::int as n from ledger`),
  )[0]!.n;
  const alreadyPosted = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from imp_payments where posted`),
  )[0]!.n;
  refused.sort((a, b) => a.line - b.line);
  return { counts: { created: posted, updated: 0, unchanged: alreadyPosted }, rejections: refused };
}
