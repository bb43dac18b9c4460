import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DatabaseHandle } from "@/db";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { AGING_BUCKET_KEYS, bucketOf, daysPastDue, utcDate } from "@/server/modules/accounts/aging";
import { copyRows, copyTargetOfTransaction, csvField, csvLine } from "./copy";
import { DEMO_USERS, seedPortfolio, type SeedResult } from "./portfolio";
import { OrderedUuids, Random } from "./random";
import { US_STATES, US_TIME_ZONES, areaCodeZone } from "./us-geo";

const NOW = new Date("2026-03-15T15:30:00Z");
const TODAY = utcDate(NOW);
/** As text: postgres.js does not serialise a Date bound into raw sql``. */
const NOW_TS = NOW.toISOString();
const BULK_TABLES = sql.raw(
  ["debtors", "contact_points", "accounts", "ledger_transactions", "interactions", "promises", "holds", "tasks"]
    .map((t) => `'${t}'::regclass`)
    .join(", "),
);

type AccountRow = {
  external_ref: string;
  status: string;
  due_on: string | null;
  principal_minor: string | number;
  interest_minor: string | number;
  fees_minor: string | number;
  balance_minor: string | number;
  last_contact_at: string | null;
  promise_status: string | null;
  promise_due_on: string | null;
};

async function query<T>(handle: DatabaseHandle, statement: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await handle.db.execute(statement));
}

async function accountsOf(handle: DatabaseHandle, orgId: string): Promise<AccountRow[]> {
  return query<AccountRow>(
    handle,
    sql`select external_ref, status, due_on::text as due_on, principal_minor, interest_minor, fees_minor, balance_minor,
               to_char(last_contact_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') as last_contact_at,
               promise_status::text as promise_status, promise_due_on::text as promise_due_on
        from accounts where org_id = ${orgId} order by external_ref`,
  );
}

describe("csv and random helpers", () => {
  it("escapes CSV fields the way COPY (FORMAT csv) reads them", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField("")).toBe('""');
    expect(csvField('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvField(-1250)).toBe("-1250");
    expect(csvField(true)).toBe("t");
    expect(csvField(new Date("2026-01-02T03:04:05Z"))).toBe("2026-01-02T03:04:05.000Z");
    expect(csvField(["a", 'b"c', null])).toBe('"{""a"",""b\\""c"",NULL}"');
    expect(csvLine(["x", null, 3])).toBe('"x",,3');
  });

  it("replays the same stream for the same seed and formats v4 UUIDs", () => {
    const a = new Random(42);
    const b = new Random(42);
    const drawn = Array.from({ length: 5 }, () => a.uuid());
    expect(Array.from({ length: 5 }, () => b.uuid())).toEqual(drawn);
    for (const id of drawn) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Random(43).uuid()).not.toBe(drawn[0]);
  });

  it("makes ascending, replayable UUIDv7-layout ids for bulk rows", () => {
    const a = new OrderedUuids(new Random(9));
    const ids = Array.from({ length: 1000 }, () => a.next());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Byte order is what a uuid index sorts by; for lowercase hex that is string order.
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const b = new OrderedUuids(new Random(9));
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(ids);
  });

  it("knows every state and DC, with valid IANA zones", () => {
    expect(US_STATES).toHaveLength(51);
    for (const zone of US_TIME_ZONES) expect(() => new Intl.DateTimeFormat("en-US", { timeZone: zone })).not.toThrow();
    expect(areaCodeZone(915)).toBe("America/Denver"); // El Paso
    expect(areaCodeZone(208)).toBeNull(); // Idaho spans Mountain and Pacific
  });
});

for (const driver of testDrivers()) {
  describe(`seedPortfolio (${driver})`, () => {
    let handle: DatabaseHandle;
    let result: SeedResult;

    beforeAll(async () => {
      handle = await createTestDatabase(driver);
      result = await seedPortfolio(handle, { accounts: 300, seed: 7, now: NOW });
    });
    afterAll(async () => {
      await handle?.close();
    });

    it("creates the organization, one login per role and the counted rows", async () => {
      expect(result.counts.accounts).toBe(300);
      expect(result.counts.creditors).toBe(6);
      expect(result.users.map((u) => u.email)).toEqual(DEMO_USERS.map((u) => u.email));
      const [row] = await query<{ debtors: number; contacts: number; ledger: number; users: number; agents: number }>(
        handle,
        sql`select (select count(*)::int from debtors where org_id = ${result.orgId}) as debtors,
                   (select count(*)::int from contact_points where org_id = ${result.orgId}) as contacts,
                   (select count(*)::int from ledger_transactions where org_id = ${result.orgId}) as ledger,
                   (select count(*)::int from users where org_id = ${result.orgId}) as users,
                   (select count(*)::int from users where org_id = ${result.orgId} and role = 'agent') as agents`,
      );
      expect(row).toEqual({
        debtors: result.counts.debtors,
        contacts: result.counts.contactPoints,
        ledger: result.counts.ledgerTransactions,
        users: 6,
        agents: 3,
      });
      expect(result.counts.debtors).toBeGreaterThan(200);
      expect(result.counts.debtors).toBeLessThan(300);
    });

    it("puts debtors in every state and DC, and in the awkward time zones", async () => {
      const states = await query<{ state: string }>(
        handle,
        sql`select distinct state from contact_points where org_id = ${result.orgId} and kind = 'address'`,
      );
      expect(states.map((s) => s.state).sort()).toEqual(US_STATES.map((s) => s.code).sort());
      const zones = (
        await query<{ time_zone: string }>(
          handle,
          sql`select distinct time_zone from contact_points where org_id = ${result.orgId} and kind = 'address'`,
        )
      ).map((z) => z.time_zone);
      for (const zone of ["America/Phoenix", "Pacific/Honolulu", "America/Anchorage", ...US_TIME_ZONES])
        expect(zones).toContain(zone);
    });

    it("fills every aging bucket, and zero-balance statuses are at zero without a due date", async () => {
      const accounts = await accountsOf(handle, result.orgId);
      const buckets = new Set(accounts.map((a) => bucketOf(daysPastDue(a.due_on, TODAY))));
      expect([...buckets].sort()).toEqual([...AGING_BUCKET_KEYS].sort());
      for (const a of accounts) {
        expect(Number(a.balance_minor)).toBeGreaterThanOrEqual(0);
        if (["paid", "settled", "closed"].includes(a.status)) {
          expect(Number(a.balance_minor), a.external_ref).toBe(0);
          expect(a.due_on).toBeNull();
        } else {
          expect(Number(a.balance_minor), a.external_ref).toBeGreaterThan(0);
        }
      }
    });

    it("keeps every account's components equal to the sum of its ledger", async () => {
      const [row] = await query<{ accounts: number; mismatched: number }>(
        handle,
        sql`select count(*)::int as accounts,
                   count(*) filter (where l.account_id is null
                                       or l.principal <> a.principal_minor
                                       or l.interest <> a.interest_minor
                                       or l.fees <> a.fees_minor)::int as mismatched
            from accounts a
            left join (select account_id, sum(principal_minor) as principal, sum(interest_minor) as interest,
                              sum(fees_minor) as fees
                       from ledger_transactions group by account_id) l on l.account_id = a.id
            where a.org_id = ${result.orgId}`,
      );
      expect(row).toEqual({ accounts: 300, mismatched: 0 });
    });

    it("gives each account its latest interaction as last contact, within the last 90 days and never after now", async () => {
      const [row] = await query<{
        accounts: number;
        contacted: number;
        mismatched: number;
        future: number;
        tooOld: number;
        tooMany: number;
      }>(
        handle,
        sql`select count(*)::int as accounts,
                   count(*) filter (where a.last_contact_at is not null)::int as contacted,
                   count(*) filter (where a.last_contact_at is distinct from i.latest)::int as mismatched,
                   (select count(*)::int from interactions where org_id = ${result.orgId} and occurred_at > ${NOW_TS}::timestamptz) as future,
                   (select count(*)::int from interactions where org_id = ${result.orgId}
                      and occurred_at < ${NOW_TS}::timestamptz - interval '91 days') as "tooOld",
                   (select count(*)::int from (select account_id from interactions where org_id = ${result.orgId}
                      group by account_id having count(*) > 8) x) as "tooMany"
            from accounts a
            left join (select x.id, max(n.occurred_at) as latest
                       from interactions n cross join lateral unnest(n.account_ids) as x(id) group by x.id) i on i.id = a.id
            where a.org_id = ${result.orgId}`,
      );
      expect(row).toMatchObject({ accounts: 300, mismatched: 0, future: 0, tooOld: 0, tooMany: 0 });
      expect(row!.contacted / 300).toBeGreaterThan(0.35);
      expect(row!.contacted / 300).toBeLessThan(0.7);
    });

    it("records calls the way agents log them: outcomes, conversations, numbers and debts of the same debtor", async () => {
      const outcomes = await query<{ outcome: string | null; n: number }>(
        handle,
        sql`select outcome::text, count(*)::int as n from interactions where org_id = ${result.orgId} group by 1`,
      );
      const total = outcomes.reduce((sum, o) => sum + o.n, 0);
      const share = (name: string) => (outcomes.find((o) => o.outcome === name)?.n ?? 0) / total;
      expect(total).toBe(result.counts.interactions);
      expect(share("no_answer")).toBeGreaterThan(0.2);
      expect(share("voicemail_left")).toBeGreaterThan(0.1);
      expect(share("right_party_contact")).toBeGreaterThan(0.06);
      expect(share("right_party_contact")).toBeLessThan(0.25);
      const [row] = await query<{
        badConversation: number;
        wrongDebtor: number;
        foreignAccount: number;
        missingOwnAccount: number;
        badPhone: number;
        inbound: number;
        multi: number;
        noAgent: number;
      }>(
        handle,
        sql`select count(*) filter (where n.conversation <> (n.person_reached = 'debtor'))::int as "badConversation",
                   count(*) filter (where n.debtor_id <> a.debtor_id)::int as "wrongDebtor",
                   count(*) filter (where exists (select 1 from unnest(n.account_ids) x(id) join accounts o on o.id = x.id
                                                  where o.debtor_id <> n.debtor_id or o.org_id <> n.org_id))::int as "foreignAccount",
                   count(*) filter (where not n.account_id = any(n.account_ids))::int as "missingOwnAccount",
                   count(*) filter (where n.channel = 'call' and (c.kind <> 'phone' or c.value <> n.address
                                                                  or c.debtor_id <> n.debtor_id))::int as "badPhone",
                   count(*) filter (where n.direction = 'inbound')::int as inbound,
                   count(*) filter (where cardinality(n.account_ids) > 1)::int as multi,
                   count(*) filter (where n.agent_id is null)::int as "noAgent"
            from interactions n
            join accounts a on a.id = n.account_id and a.org_id = n.org_id
            left join contact_points c on c.id = n.contact_point_id
            where n.org_id = ${result.orgId}`,
      );
      expect(row).toMatchObject({
        badConversation: 0,
        wrongDebtor: 0,
        foreignAccount: 0,
        missingOwnAccount: 0,
        badPhone: 0,
        noAgent: 0,
      });
      expect(row!.inbound).toBeGreaterThan(0);
      expect(row!.multi).toBeGreaterThan(0);
    });

    it("keeps each account's promise columns equal to its latest promise, with a pending one when promised", async () => {
      const [row] = await query<{ mismatched: number; promised: number; promisedWithoutPending: number }>(
        handle,
        sql`select count(*) filter (where a.promise_status is distinct from p.status
                                      or a.promise_due_on is distinct from p.due_on)::int as mismatched,
                   count(*) filter (where a.status = 'promised')::int as promised,
                   count(*) filter (where a.status = 'promised' and a.promise_status is distinct from 'pending')::int
                     as "promisedWithoutPending"
            from accounts a
            left join lateral (select status, due_on from promises p
                               where p.account_id = a.id order by p.created_at desc limit 1) p on true
            where a.org_id = ${result.orgId}`,
      );
      expect(row).toMatchObject({ mismatched: 0, promisedWithoutPending: 0 });
      expect(row!.promised).toBeGreaterThan(0);
      const statuses = await query<{ status: string; past: number; linked: number; n: number }>(
        handle,
        sql`select p.status::text, count(*)::int as n, count(*) filter (where p.due_on < ${TODAY})::int as past,
                   count(*) filter (where i.outcome = 'promise_taken' and i.account_id = p.account_id)::int as linked
            from promises p left join interactions i on i.id = p.interaction_id
            where p.org_id = ${result.orgId} and p.created_at <= ${NOW_TS}::timestamptz group by 1`,
      );
      expect(statuses.reduce((sum, s) => sum + s.n, 0)).toBe(result.counts.promises);
      const pending = statuses.find((s) => s.status === "pending")!;
      // Pending promises past their due date (broken, not yet marked) and still to come, both.
      expect(pending.past).toBeGreaterThan(0);
      expect(pending.past).toBeLessThan(pending.n);
      // Each pending promise comes with the call that took it, unless a hold had already stopped calls.
      const [unlinked] = await query<{ n: number }>(
        handle,
        sql`select count(*)::int as n from promises p join accounts a on a.id = p.account_id
            where p.org_id = ${result.orgId} and p.status = 'pending'
              and (p.interaction_id is null) <> exists (
                select 1 from holds h where h.org_id = p.org_id and h.released_at is null and h.placed_at < p.created_at
                  and (h.account_id = a.id or (h.account_id is null and h.debtor_id = a.debtor_id)))`,
      );
      expect(unlinked!.n).toBe(0);
      expect(pending.linked).toBeGreaterThan(0);
      expect(statuses.map((s) => s.status).sort()).toEqual(expect.arrayContaining(["broken", "kept", "pending"]));
    });

    it("holds every flagged debtor and disputed account, and no call follows an active hold", async () => {
      const [row] = await query<{
        flags: number;
        flagsWithoutHold: number;
        disputedWithoutHold: number;
        callsAfterHold: number;
        released: number;
        releasedWithoutReason: number;
        withoutEvidence: number;
        future: number;
      }>(
        handle,
        sql`with flags(debtor_id, kind) as (
              select id, 'attorney'::hold_kind from debtors where org_id = ${result.orgId} and attorney_represented
              union all select id, 'bankruptcy' from debtors where org_id = ${result.orgId} and bankruptcy
              union all select id, 'deceased' from debtors where org_id = ${result.orgId} and deceased
              union all select id, 'servicemember' from debtors where org_id = ${result.orgId} and servicemember)
            select (select count(*)::int from flags) as flags,
                   (select count(*)::int from flags f where not exists (
                      select 1 from holds h where h.org_id = ${result.orgId} and h.debtor_id = f.debtor_id
                        and h.account_id is null and h.kind = f.kind and h.released_at is null)) as "flagsWithoutHold",
                   (select count(*)::int from accounts a where a.org_id = ${result.orgId} and a.status = 'disputed'
                      and not exists (select 1 from holds h where h.account_id = a.id and h.kind = 'dispute'
                                        and h.released_at is null)) as "disputedWithoutHold",
                   (select count(*)::int from interactions n join holds h on h.org_id = n.org_id
                      and h.released_at is null
                      and (h.account_id = any(n.account_ids) or (h.account_id is null and h.debtor_id = n.debtor_id))
                      where n.org_id = ${result.orgId} and n.occurred_at > h.placed_at) as "callsAfterHold",
                   (select count(*)::int from holds where org_id = ${result.orgId} and released_at is not null) as released,
                   (select count(*)::int from holds where org_id = ${result.orgId} and released_at is not null
                      and (release_reason is null or released_by_id is null or released_at < placed_at))
                      as "releasedWithoutReason",
                   (select count(*)::int from holds where org_id = ${result.orgId}
                      and (reason = '' or evidence is null)) as "withoutEvidence",
                   (select count(*)::int from holds where org_id = ${result.orgId}
                      and (placed_at > ${NOW_TS}::timestamptz or released_at > ${NOW_TS}::timestamptz)) as future`,
      );
      expect(row).toMatchObject({
        flagsWithoutHold: 0,
        disputedWithoutHold: 0,
        callsAfterHold: 0,
        releasedWithoutReason: 0,
        withoutEvidence: 0,
        future: 0,
      });
      expect(row!.flags).toBeGreaterThan(0);
      expect(row!.released).toBeGreaterThan(0);
      expect(row!.flags).toBeLessThanOrEqual(result.counts.holds);
    });

    it("gives agents callbacks overdue, due today and upcoming, in the org, and staff their own time zones", async () => {
      const tasks = await query<{ kind: string; status: string; when: string; n: number }>(
        handle,
        sql`select t.kind::text, t.status::text,
                   case when t.due_at < ${NOW_TS}::timestamptz then 'overdue'
                        when t.due_at < ${NOW_TS}::timestamptz + interval '12 hours' then 'today' else 'upcoming' end as when,
                   count(*)::int as n
            from tasks t join accounts a on a.id = t.account_id and a.org_id = t.org_id
            join users u on u.id = t.assignee_id and u.org_id = t.org_id
            where t.org_id = ${result.orgId} group by 1, 2, 3`,
      );
      expect(tasks.reduce((sum, t) => sum + t.n, 0)).toBe(result.counts.tasks);
      const open = (when: string) =>
        tasks
          .filter((t) => t.kind === "callback" && t.status === "open" && t.when === when)
          .reduce((sum, t) => sum + t.n, 0);
      expect(open("overdue")).toBeGreaterThan(0);
      expect(open("today") + open("upcoming")).toBeGreaterThan(0);
      expect(tasks.some((t) => t.status === "done")).toBe(true);
      const [bad] = await query<{ doneWithoutTime: number; future: number }>(
        handle,
        sql`select count(*) filter (where status = 'done' and (completed_at is null or completed_by_id is null))::int
                     as "doneWithoutTime",
                   count(*) filter (where created_at > ${NOW_TS}::timestamptz or completed_at > ${NOW_TS}::timestamptz)::int as future
            from tasks where org_id = ${result.orgId}`,
      );
      expect(bad).toEqual({ doneWithoutTime: 0, future: 0 });
      const zones = await query<{ time_zone: string }>(
        handle,
        sql`select distinct time_zone from users where org_id = ${result.orgId} and role = 'agent'`,
      );
      expect(zones).toHaveLength(3);
    });

    it("keeps every work row in the organization of its account", async () => {
      const [row] = await query<{ n: number }>(
        handle,
        sql`select (select count(*) from interactions n join accounts a on a.id = n.account_id where a.org_id <> n.org_id)
                 + (select count(*) from promises p join accounts a on a.id = p.account_id where a.org_id <> p.org_id)
                 + (select count(*) from tasks t join accounts a on a.id = t.account_id where a.org_id <> t.org_id)
                 + (select count(*) from holds h join debtors d on d.id = h.debtor_id where d.org_id <> h.org_id)
                 + (select count(*) from holds h join accounts a on a.id = h.account_id
                      where a.org_id <> h.org_id or a.debtor_id <> h.debtor_id)
                 + (select count(*) from interactions n join users u on u.id = n.agent_id where u.org_id <> n.org_id)
                 + (select count(*) from tasks t join users u on u.id = t.assignee_id where u.org_id <> t.org_id)
                 as n`,
      );
      expect(Number(row!.n)).toBe(0);
    });

    it("ranks the queue: priorities computed for the organization", async () => {
      const [row] = await query<{ distinct: number }>(
        handle,
        sql`select count(distinct priority)::int as distinct from accounts where org_id = ${result.orgId}`,
      );
      expect(row!.distinct).toBeGreaterThan(1);
    });

    it("gives identical accounts for the same seed in a fresh database", async () => {
      const other = await createTestDatabase(driver);
      try {
        const again = await seedPortfolio(other, { accounts: 300, seed: 7, now: NOW });
        expect(again.orgId).toBe(result.orgId);
        expect(again.counts).toEqual(result.counts);
        expect(await accountsOf(other, again.orgId)).toEqual(await accountsOf(handle, result.orgId));
      } finally {
        await other.close();
      }
    });

    it("refuses to seed an existing slug, leaving exactly one seed audit event", async () => {
      await expect(seedPortfolio(handle, { accounts: 60, seed: 8, now: NOW })).rejects.toThrow(
        /slug "demo" already exists/,
      );
      const events = await query<{ action: string; entity_id: string; after: { seed: number; accounts: number } }>(
        handle,
        sql`select action, entity_id, after from audit_events where action = 'portfolio.seeded'`,
      );
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ entity_id: result.orgId, after: { seed: 7, accounts: 300 } });
      const runs = rowsOf<{ job: string; status: string; accounts: number }>(
        await handle.db.execute(
          sql`select job, status, (stats->>'accounts')::int as accounts from job_runs where org_id = ${result.orgId}`,
        ),
      );
      expect(runs).toEqual([{ job: "seed", status: "succeeded", accounts: 300 }]);
    });

    it("surfaces a bad row's COPY error inside a transaction (no hang) and rolls the rows back", async () => {
      const countDebtors = async () =>
        (await query<{ n: number }>(handle, sql`select count(*)::int as n from debtors`))[0]!.n;
      const before = await countDebtors();
      const load = handle.db.transaction(async (tx) => {
        const target = copyTargetOfTransaction(handle.driver, tx);
        await copyRows(
          target,
          "debtors",
          ["id", "org_id", "first_name", "last_name"],
          [
            `00000000-0000-4000-8000-000000000001,${result.orgId},"Good","Row"`,
            `not-a-uuid,${result.orgId},"Bad","Row"`,
          ],
        );
      });
      await expect(load).rejects.toThrow(/uuid/);
      expect(await countDebtors()).toBe(before);
    });

    it("rebuilds exactly the indexes and foreign keys it drops for a bulk load", async () => {
      const other = await createTestDatabase(driver);
      const catalog = () =>
        query<{ def: string }>(
          other,
          sql`select pg_get_indexdef(indexrelid) as def from pg_index
               where indrelid in (${BULK_TABLES})
              union all
              select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
               where conrelid in (${BULK_TABLES})
              order by 1`,
        );
      try {
        const before = await catalog();
        expect(before.length).toBeGreaterThan(20);
        const bulk = await seedPortfolio(other, { accounts: 300, seed: 7, now: NOW, indexes: "rebuild" });
        expect(bulk.timings.rebuildSeconds).not.toBeNull();
        expect(await catalog()).toEqual(before);
        expect(await accountsOf(other, bulk.orgId)).toEqual(await accountsOf(handle, result.orgId));
      } finally {
        await other.close();
      }
    });

    it("covers every state and zone even at 60 accounts", async () => {
      const small = await seedPortfolio(handle, {
        accounts: 60,
        seed: 3,
        now: NOW,
        orgSlug: "small",
        orgName: "Small",
      });
      expect(small.counts.accounts).toBe(60);
      const [row] = await query<{ states: number; zones: number }>(
        handle,
        sql`select count(distinct state)::int as states, count(distinct time_zone)::int as zones
            from contact_points where org_id = ${small.orgId} and kind = 'address'`,
      );
      expect(row).toEqual({ states: 51, zones: US_TIME_ZONES.length });
    });
  });
}
