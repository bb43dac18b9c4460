import { sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import type { TxContext } from "@/server/lib/context";

export type WriteCounts = { created: number; updated: number; unchanged: number };
export type WriteRejection = { line: number; column: string; value: string; message: string };

/**
 * Writes an import's staged account rows into the portfolio, set-based, inside the caller's transaction:
 *
 * - an account is the creditor's `external_ref`: new references become accounts, known ones are updated where
 *   the file says something different (a value the row leaves empty keeps what is stored);
 * - balances are never overwritten: a new account opens with a charge in the ledger, a changed balance gets an
 *   adjustment of the difference per component, and the account's components move with it;
 * - a new account's debtor is found by the file's customer id, else by exact identity (name and date of birth,
 *   email, or phone) among the organization's debtors; a row matching two people is refused and reported;
 *   rows of the file with the same identity share one new debtor. A known account keeps its debtor;
 * - contact points are added to the debtor unless it already has the same one (kind and value).
 *
 * Returns the counts and the rows refused here (ambiguous identity); the caller decides what a refusal means.
 */
export async function writeStagedAccounts(
  tx: TxContext,
  job: { id: string; creditorId: string; fileName: string },
): Promise<{ counts: WriteCounts; rejections: WriteRejection[] }> {
  const db = tx.db;
  const org = tx.orgId;
  const today = tx.now().toISOString().slice(0, 10);
  const run = (query: ReturnType<typeof sql>) => db.execute(query);

  // GIN indexes (names, tags) take new entries into their pending list; a larger one is merged less often.
  await run(sql`set local gin_pending_list_limit = '32MB'`);

  // Each staged row with the account it names, if any.
  await run(sql`create temp table imp_rows on commit drop as
    select s.*, a.id as account_id, a.debtor_id as known_debtor_id
    from import_staged_accounts s
    left join accounts a on a.org_id = ${org} and a.creditor_id = ${job.creditorId} and a.external_ref = s.external_ref
    where s.job_id = ${job.id}`);
  await run(sql`analyze imp_rows`);

  // Who a new account belongs to: every existing debtor its identity points at, and how.
  await run(sql`create temp table imp_candidates on commit drop as
    select r.line, d.id as debtor_id, 'customer id' as how
      from imp_rows r join debtors d on d.org_id = ${org} and d.external_id = r.debtor_external_id
      where r.account_id is null and r.debtor_external_id is not null
    union
    select r.line, d.id, 'name and date of birth'
      from imp_rows r join debtors d on d.org_id = ${org} and lower(d.last_name) = lower(r.last_name)
        and lower(d.first_name) = lower(r.first_name) and d.date_of_birth = r.date_of_birth
      where r.account_id is null and r.debtor_external_id is null and r.date_of_birth is not null
    union
    select r.line, c.debtor_id, 'email'
      from imp_rows r join contact_points c on c.org_id = ${org} and c.kind = 'email' and c.value = r.email
      where r.account_id is null and r.debtor_external_id is null and r.email is not null
    union
    select r.line, c.debtor_id, 'phone'
      from imp_rows r join contact_points c on c.org_id = ${org} and c.kind = 'phone' and c.value = r.phone
      where r.account_id is null and r.debtor_external_id is null and r.phone is not null`);

  const ambiguous = rowsOf<{ line: number; hows: string; n: number; value: string }>(
    await run(sql`select c.line, count(distinct c.debtor_id)::int as n,
        string_agg(distinct c.how, ', ') as hows, min(r.first_name || ' ' || r.last_name) as value
      from imp_candidates c join imp_rows r on r.line = c.line
      group by c.line having count(distinct c.debtor_id) > 1 order by c.line`),
  );
  const rejections: WriteRejection[] = ambiguous.map((a) => ({
    line: a.line,
    column: "debtor",
    value: a.value,
    message: `matches ${a.n} different debtors already on file (by ${a.hows}); add a customer id column to say which one`,
  }));
  if (ambiguous.length) {
    await run(sql`delete from imp_rows where line = any(${`{${ambiguous.map((a) => a.line).join(",")}}`}::int[])`);
  }

  // Rows of new accounts whose person is new too, grouped by identity: a customer id, else name and date of
  // birth, else email, else phone, else the name alone (a billing system's customer name is its key).
  await run(sql`create temp table imp_new_rows on commit drop as
    select r.line, case
      when r.debtor_external_id is not null then 'x:' || r.debtor_external_id
      when r.date_of_birth is not null then 'b:' || lower(r.first_name) || '|' || lower(r.last_name) || '|' || r.date_of_birth
      when r.email is not null then 'e:' || r.email
      when r.phone is not null then 'p:' || r.phone
      else 'n:' || lower(r.first_name) || '|' || lower(r.last_name) end as key
    from imp_rows r
    where r.account_id is null and not exists (select 1 from imp_candidates c where c.line = r.line)`);
  await run(sql`create temp table imp_new_debtors on commit drop as
    select key, gen_random_uuid() as id, min(line) as first_line from imp_new_rows group by key`);
  await run(sql`create temp table imp_row_debtor on commit drop as
    select r.line, coalesce(r.known_debtor_id, c.debtor_id, n.id) as debtor_id, n.id is not null as new_debtor
    from imp_rows r
    left join (select distinct on (line) line, debtor_id from imp_candidates order by line) c on c.line = r.line
    left join imp_new_rows k on k.line = r.line
    left join imp_new_debtors n on n.key = k.key`);

  await run(sql`insert into debtors (id, org_id, external_id, first_name, last_name, date_of_birth)
    select n.id, ${org}, r.debtor_external_id, r.first_name, r.last_name, r.date_of_birth
    from imp_new_debtors n join imp_rows r on r.line = n.first_line`);

  // New accounts, each opening with a charge of its components.
  const created = rowsOf<{ n: number }>(
    await run(sql`with fresh as (
        select gen_random_uuid() as id, r.*, d.debtor_id
        from imp_rows r join imp_row_debtor d on d.line = r.line
        where r.account_id is null
      ), inserted as (
        insert into accounts (id, org_id, creditor_id, debtor_id, external_ref, currency, original_balance_minor,
          principal_minor, interest_minor, fees_minor, opened_on, due_on, charged_off_on, last_payment_on,
          original_creditor, product_type, segment, tags, jurisdiction_state, placed_at)
        select f.id, ${org}, ${job.creditorId}, f.debtor_id, f.external_ref, f.currency,
          coalesce(f.original_balance_minor, f.principal_minor + f.interest_minor + f.fees_minor),
          f.principal_minor, f.interest_minor, f.fees_minor, f.opened_on, f.due_on, f.charged_off_on,
          f.last_payment_on, f.original_creditor, f.product_type, f.segment, coalesce(f.tags, '{}'),
          f.jurisdiction_state, ${tx.now().toISOString()}::timestamptz
        from fresh f
        returning id, currency, principal_minor, interest_minor, fees_minor, coalesce(opened_on, ${today}::date) as effective_on
      ), charged as (
        insert into ledger_transactions (org_id, account_id, kind, principal_minor, interest_minor, fees_minor,
          currency, effective_on, description)
        select ${org}, i.id, 'charge', i.principal_minor, i.interest_minor, i.fees_minor, i.currency, i.effective_on,
          ${`Balance at placement (import of ${job.fileName})`}
        from inserted i
        returning 1
      )
      select count(*)::int as n from charged`),
  )[0]!.n;

  // Known accounts: what the file changes. Empty cells keep the stored value.
  await run(sql`create temp table imp_changes on commit drop as
    select r.line, a.id, a.principal_minor as old_p, a.interest_minor as old_i, a.fees_minor as old_f,
      r.principal_minor as p, r.interest_minor as i, r.fees_minor as f, r.currency,
      (a.principal_minor, a.interest_minor, a.fees_minor) is distinct from (r.principal_minor, r.interest_minor, r.fees_minor) as money_changed,
      (a.due_on, a.opened_on, a.charged_off_on, a.last_payment_on, a.original_balance_minor, a.original_creditor,
        a.product_type, a.segment, a.tags, a.jurisdiction_state)
      is distinct from
      (r.due_on, coalesce(r.opened_on, a.opened_on), coalesce(r.charged_off_on, a.charged_off_on),
        coalesce(r.last_payment_on, a.last_payment_on), coalesce(r.original_balance_minor, a.original_balance_minor),
        coalesce(r.original_creditor, a.original_creditor), coalesce(r.product_type, a.product_type),
        coalesce(r.segment, a.segment), coalesce(r.tags, a.tags), coalesce(r.jurisdiction_state, a.jurisdiction_state))
      as fields_changed,
      a.currency <> r.currency as currency_differs
    from imp_rows r join accounts a on a.id = r.account_id`);
  const currencyClash = rowsOf<{ line: number; currency: string }>(
    await run(sql`select line, currency from imp_changes where currency_differs order by line`),
  );
  if (currencyClash.length) {
    for (const c of currencyClash) {
      rejections.push({
        line: c.line,
        column: "currency",
        value: c.currency,
        message: `differs from the account's currency; an account's currency cannot change`,
      });
    }
    await run(sql`delete from imp_rows where line in (select line from imp_changes where currency_differs)`);
    await run(sql`delete from imp_changes where currency_differs`);
  }
  await run(sql`insert into ledger_transactions (org_id, account_id, kind, principal_minor, interest_minor,
      fees_minor, currency, effective_on, description)
    select ${org}, c.id, 'adjustment', c.p - c.old_p, c.i - c.old_i, c.f - c.old_f, c.currency, ${today}::date,
      'Balance adjusted by import of ' || ${job.fileName} || ', row ' || c.line
    from imp_changes c where c.money_changed`);
  await run(sql`create temp table imp_updated (id uuid primary key) on commit drop`);
  await run(sql`with updated as (
      update accounts a set
        principal_minor = c.p, interest_minor = c.i, fees_minor = c.f,
        due_on = r.due_on, opened_on = coalesce(r.opened_on, a.opened_on),
        charged_off_on = coalesce(r.charged_off_on, a.charged_off_on),
        last_payment_on = coalesce(r.last_payment_on, a.last_payment_on),
        original_balance_minor = coalesce(r.original_balance_minor, a.original_balance_minor),
        original_creditor = coalesce(r.original_creditor, a.original_creditor),
        product_type = coalesce(r.product_type, a.product_type), segment = coalesce(r.segment, a.segment),
        tags = coalesce(r.tags, a.tags), jurisdiction_state = coalesce(r.jurisdiction_state, a.jurisdiction_state),
        version = a.version + 1, updated_at = ${tx.now().toISOString()}::timestamptz
      from imp_changes c join imp_rows r on r.line = c.line
      where a.id = c.id and (c.money_changed or c.fields_changed)
      returning a.id
    )
    insert into imp_updated select id from updated`);

  // Contact points the debtors do not have yet (kind and value), once each; the first of a kind a debtor gets
  // is its primary. A debtor created by this import has none yet, so its contacts skip the lookups.
  await run(sql`create temp table imp_touched (debtor_id uuid primary key) on commit drop`);
  await run(sql`with wanted as (
      select distinct on (d.debtor_id, c.kind, c.value) d.debtor_id, d.new_debtor, r.line, c.*
      from imp_rows r
      join imp_row_debtor d on d.line = r.line
      cross join lateral rows from (jsonb_to_recordset(r.contacts) as (kind text, value text, "phoneType" text,
        line1 text, line2 text, city text, state text, "postalCode" text, "timeZone" text, "timeZoneSource" text))
        with ordinality as c(kind, value, "phoneType", line1, line2, city, state, "postalCode", "timeZone",
          "timeZoneSource", position)
      order by d.debtor_id, c.kind, c.value, r.line, c.position
    ), missing as (
      select w.* from wanted w
      where case when w.new_debtor then true else not exists (select 1 from contact_points p
        where p.debtor_id = w.debtor_id and p.kind = w.kind::contact_kind and p.value = w.value) end
    ), ranked as (
      select m.*, row_number() over (partition by m.debtor_id, m.kind order by m.line, m.position) as nth,
        case when m.new_debtor then false else exists (select 1 from contact_points p
          where p.debtor_id = m.debtor_id and p.kind = m.kind::contact_kind) end as has_kind
      from missing m
    ), inserted as (
      insert into contact_points (org_id, debtor_id, kind, phone_type, value, line1, line2, city, state, postal_code,
        time_zone, time_zone_source, source, is_primary)
      select ${org}, r.debtor_id, r.kind::contact_kind, r."phoneType"::phone_type, r.value, r.line1, r.line2, r.city,
        r.state, r."postalCode", r."timeZone", r."timeZoneSource", 'import', r.nth = 1 and not r.has_kind
      from ranked r
      returning debtor_id
    )
    insert into imp_touched select distinct debtor_id from inserted on conflict do nothing`);

  // A known account is unchanged when neither it nor its debtor's contact points moved.
  const [tally] = rowsOf<{ updated: number; unchanged: number }>(
    await run(sql`select count(*) filter (where u.id is not null or t.debtor_id is not null)::int as updated,
        count(*) filter (where u.id is null and t.debtor_id is null)::int as unchanged
      from imp_rows r join imp_row_debtor d on d.line = r.line
      left join imp_updated u on u.id = r.account_id
      left join imp_touched t on t.debtor_id = d.debtor_id
      where r.account_id is not null`),
  );
  const { updated, unchanged } = tally!;
  return { counts: { created, updated, unchanged }, rejections };
}
