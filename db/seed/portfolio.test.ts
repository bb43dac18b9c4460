import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DatabaseHandle } from "@/db";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { AGING_BUCKET_KEYS, bucketOf, daysPastDue, utcDate } from "@/server/modules/accounts/aging";
import { copyRows, copyTargetOfTransaction, csvField, csvLine } from "./copy";
import { DEMO_USERS, seedPortfolio, type SeedResult } from "./portfolio";
import { Random } from "./random";
import { US_STATES, US_TIME_ZONES, areaCodeZone } from "./us-geo";

const NOW = new Date("2026-03-15T15:30:00Z");
const TODAY = utcDate(NOW);

type AccountRow = {
  external_ref: string;
  status: string;
  due_on: string | null;
  principal_minor: string | number;
  interest_minor: string | number;
  fees_minor: string | number;
  balance_minor: string | number;
};

async function query<T>(handle: DatabaseHandle, statement: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await handle.db.execute(statement));
}

async function accountsOf(handle: DatabaseHandle, orgId: string): Promise<AccountRow[]> {
  return query<AccountRow>(
    handle,
    sql`select external_ref, status, due_on::text as due_on, principal_minor, interest_minor, fees_minor, balance_minor
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
               where indrelid in ('debtors'::regclass, 'contact_points'::regclass, 'accounts'::regclass, 'ledger_transactions'::regclass)
              union all
              select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
               where conrelid in ('debtors'::regclass, 'contact_points'::regclass, 'accounts'::regclass, 'ledger_transactions'::regclass)
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
