import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DatabaseHandle } from "@/db";
import { accounts, auditEvents, contactPoints, debtorNames, debtors, holds } from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createAccount, createOrg, FIXED_NOW, staffContext, type TestOrg } from "@/db/testing/factories";
import { ValidationError } from "@/server/lib/errors";
import {
  accountHasActiveHold,
  accountHasNoActiveHold,
  heldAccountCondition,
} from "@/server/modules/holds/active-holds";
import { HOLD_KINDS } from "@/server/modules/holds/holds.schemas";
import { accountConditions } from "./account-filters";
import { matchingFrom, pageIdsQuery } from "./account-order";
import { addDays } from "./aging";
import { LIST_SORTS, type ListAccountsInput } from "./accounts.schemas";
import { exportAccounts } from "./export-accounts";
import { listAccounts } from "./list-accounts";

const TODAY = "2026-11-24"; // FIXED_NOW's UTC date
const daysAgo = (n: number) => new Date(`${addDays(TODAY, -n)}T00:00:00Z`);

describe.each(testDrivers())("accounts list filters, search and sorts (%s)", (driver) => {
  let handle: DatabaseHandle;
  let org: TestOrg;
  let other: TestOrg;

  type Spec = {
    ref: string;
    dpd: number | null;
    lastName: string;
    balance: number;
    status?: "active" | "promised" | "disputed" | "legal";
    tags?: string[];
    lastContactAt?: Date | null;
    promise?: ["pending" | "kept" | "broken", string] | null;
  };
  const specs: Spec[] = [
    // Contacted at the first instant of its day, two days ago: the day boundary belongs to day 2.
    {
      ref: "F-1",
      dpd: 10,
      lastName: "Johnson",
      balance: 30_000,
      tags: ["hardship"],
      lastContactAt: daysAgo(2),
      promise: ["pending", "2026-11-30"],
    },
    {
      ref: "F-2",
      dpd: 45,
      lastName: "Smith",
      balance: 35_000,
      status: "promised",
      tags: ["high-value", "skip-trace"],
      lastContactAt: null,
      promise: ["pending", "2026-11-20"], // past due and still pending: broken
    },
    {
      ref: "F-3",
      dpd: 100,
      lastName: "Garcia",
      balance: 50_000,
      status: "disputed",
      lastContactAt: new Date(daysAgo(39).getTime() - 1), // 23:59:59.999 forty days ago
      promise: ["broken", "2026-10-01"],
    },
    {
      ref: "F-4",
      dpd: null,
      lastName: "Okafor",
      balance: 10_000,
      lastContactAt: FIXED_NOW,
      promise: ["kept", "2026-11-01"],
    },
    { ref: "F-5", dpd: 200, lastName: "Lee", balance: 20_000, status: "legal", lastContactAt: daysAgo(200) },
  ];
  const byRef = new Map<string, typeof accounts.$inferSelect>();

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    org = await createOrg(handle.db, "flt");
    other = await createOrg(handle.db, "flt-other");
    for (const s of specs) {
      const account = await createAccount(handle.db, org, {
        ref: s.ref,
        dueOn: s.dpd === null ? null : addDays(TODAY, -s.dpd),
        principalMinor: s.balance,
        status: s.status ?? "active",
        lastName: s.lastName,
      });
      const [updated] = await handle.db
        .update(accounts)
        .set({
          tags: s.tags ?? [],
          lastContactAt: s.lastContactAt ?? null,
          promiseStatus: s.promise?.[0] ?? null,
          promiseDueOn: s.promise?.[1] ?? null,
        })
        .where(eq(accounts.id, account.id))
        .returning();
      byRef.set(s.ref, updated!);
    }
    const hold = (ref: string, values: Partial<typeof holds.$inferInsert>) =>
      handle.db.insert(holds).values({
        orgId: org.orgId,
        debtorId: byRef.get(ref)!.debtorId,
        kind: "dispute",
        reason: "test",
        placedAt: FIXED_NOW,
        ...values,
      });
    await hold("F-3", { accountId: byRef.get("F-3")!.id, kind: "dispute" });
    await hold("F-4", { accountId: null, kind: "cease" }); // on the debtor: holds every account of theirs
    await hold("F-5", { accountId: byRef.get("F-5")!.id, kind: "manual", releasedAt: FIXED_NOW }); // released

    await handle.db
      .update(contactPoints)
      .set({ value: "+14155550123" })
      .where(eq(contactPoints.debtorId, byRef.get("F-2")!.debtorId));
    await handle.db.insert(contactPoints).values({
      orgId: org.orgId,
      debtorId: byRef.get("F-2")!.debtorId,
      kind: "email",
      value: "dana.smith@example.com",
    });

    // Another organization with look-alikes of everything: never listed.
    const foreign = await createAccount(handle.db, other, {
      ref: "F-1X",
      lastName: "Johnson",
      dueOn: addDays(TODAY, -45),
    });
    await handle.db
      .update(accounts)
      .set({ tags: ["hardship"], promiseStatus: "broken", promiseDueOn: "2026-10-01" })
      .where(eq(accounts.id, foreign.id));
    await handle.db.insert(holds).values({
      orgId: other.orgId,
      debtorId: foreign.debtorId,
      accountId: foreign.id,
      kind: "dispute",
      reason: "x",
      placedAt: FIXED_NOW,
    });
    await handle.db.insert(contactPoints).values({
      orgId: other.orgId,
      debtorId: foreign.debtorId,
      kind: "email",
      value: "dana.smith@example.com",
    });
  });
  afterAll(() => handle.close());

  const ctx = () => staffContext(handle.db, org, "agent");
  const list = (input: ListAccountsInput) =>
    listAccounts({ ctx: ctx(), input: { sort: "reference", dir: "asc", ...input } }).then((r) =>
      r.rows.map((x) => x.externalRef),
    );

  it("filters by a days-past-due range, with no due date counting as 0", async () => {
    expect(await list({ minDpd: 30, maxDpd: 120 })).toEqual(["F-2", "F-3"]);
    expect(await list({ minDpd: 45, maxDpd: 45 })).toEqual(["F-2"]);
    expect(await list({ maxDpd: 0 })).toEqual(["F-4"]);
    expect(await list({ minDpd: 150 })).toEqual(["F-5"]);
    expect(await list({ minDpd: 0, maxDpd: 10 })).toEqual(["F-1", "F-4"]);
  });

  it("filters by tags (any of them)", async () => {
    expect(await list({ tags: ["hardship"] })).toEqual(["F-1"]);
    expect(await list({ tags: ["High-Value", "hardship"] })).toEqual(["F-1", "F-2"]);
    expect(await list({ tags: ["nothing-has-this"] })).toEqual([]);
  });

  it("filters by active holds on the account or its debtor, by kind, and by none", async () => {
    expect(await list({ hasHold: "any" })).toEqual(["F-3", "F-4"]);
    expect(await list({ hasHold: ["cease"] })).toEqual(["F-4"]);
    expect(await list({ hasHold: ["dispute", "bankruptcy"] })).toEqual(["F-3"]);
    expect(await list({ hasHold: ["manual"] })).toEqual([]); // released holds do not count
    expect(await list({ hasHold: "none" })).toEqual(["F-1", "F-2", "F-5"]);
  });

  it("decides 'held' exactly as accountHasActiveHold does, for every kind and for none", async () => {
    const eq2 = await createOrg(handle.db, "flt-holds");
    const make = (ref: string) => createAccount(handle.db, eq2, { ref });
    const [onAccount, debtorHeld, released, plain, twoKinds] = [
      await make("H-1"),
      await make("H-2"),
      await make("H-3"),
      await make("H-4"),
      await make("H-5"),
    ];
    // A second account of H-2's debtor: held through the debtor.
    const sibling = await make("H-2B");
    await handle.db.update(accounts).set({ debtorId: debtorHeld.debtorId }).where(eq(accounts.id, sibling.id));
    const hold = (a: typeof onAccount, values: Partial<typeof holds.$inferInsert>) => ({
      orgId: eq2.orgId,
      debtorId: a.debtorId,
      accountId: a.id,
      kind: "dispute" as const,
      reason: "r",
      placedAt: FIXED_NOW,
      ...values,
    });
    await handle.db
      .insert(holds)
      .values([
        hold(onAccount, {}),
        hold(debtorHeld, { accountId: null, kind: "cease" }),
        hold(released, { accountId: null, kind: "bankruptcy", releasedAt: FIXED_NOW }),
        hold(twoKinds, { kind: "attorney" }),
        hold(twoKinds, { kind: "manual" }),
      ]);
    const refs = async (condition: ReturnType<typeof heldAccountCondition>) =>
      (
        await handle.db
          .select({ ref: accounts.externalRef })
          .from(accounts)
          .where(and(eq(accounts.orgId, eq2.orgId), condition))
      )
        .map((r) => r.ref)
        .sort();
    for (const kinds of [undefined, ...HOLD_KINDS.map((k) => [k]), ["dispute", "cease"] as const]) {
      expect(await refs(heldAccountCondition(eq2.orgId, kinds)), String(kinds)).toEqual(
        await refs(accountHasActiveHold(kinds)),
      );
    }
    expect(await refs(heldAccountCondition(eq2.orgId))).toEqual(["H-1", "H-2", "H-2B", "H-5"]);
    expect(await refs(sql`not ${heldAccountCondition(eq2.orgId)}`)).toEqual(["H-3", "H-4"]);
    expect(await refs(accountHasNoActiveHold())).toEqual(["H-3", "H-4"]);
    expect(plain).toBeDefined();
  });

  it("filters by days since last contact in UTC calendar days, never contacted included on request", async () => {
    expect(await list({ maxDaysSinceContact: 7 })).toEqual(["F-1", "F-4"]);
    expect(await list({ minDaysSinceContact: 2, maxDaysSinceContact: 2 })).toEqual(["F-1"]);
    expect(await list({ minDaysSinceContact: 40, maxDaysSinceContact: 40 })).toEqual(["F-3"]);
    expect(await list({ minDaysSinceContact: 30 })).toEqual(["F-3", "F-5"]);
    expect(await list({ minDaysSinceContact: 30, neverContacted: true })).toEqual(["F-2", "F-3", "F-5"]);
    expect(await list({ neverContacted: true })).toEqual(["F-2"]);
  });

  it("treats a pending promise past its date as broken, in the filter and on the row", async () => {
    expect(await list({ promise: ["broken"] })).toEqual(["F-2", "F-3"]);
    expect(await list({ promise: ["pending"] })).toEqual(["F-1"]);
    expect(await list({ promise: ["kept"] })).toEqual(["F-4"]);
    expect(await list({ promise: ["none"] })).toEqual(["F-5"]);
    expect(await list({ promise: ["none", "kept"] })).toEqual(["F-4", "F-5"]);
    const rows = (await listAccounts({ ctx: ctx(), input: { sort: "reference", dir: "asc" } })).rows;
    expect(rows.map((r) => r.promiseStatus)).toEqual(["pending", "broken", "broken", "kept", null]);
    expect(rows[0]).toMatchObject({ lastContactAt: daysAgo(2), tags: ["hardship"] });
  });

  it("combines filters with AND", async () => {
    expect(await list({ hasHold: "none", promise: ["broken", "pending"], minDpd: 20 })).toEqual(["F-2"]);
    expect(await list({ status: ["active"], maxDaysSinceContact: 7, tags: ["hardship"] })).toEqual(["F-1"]);
  });

  it("refuses a range whose minimum is above its maximum, naming it", async () => {
    await expect(list({ minDpd: 10, maxDpd: 5 })).rejects.toThrow(/Days past due: the minimum \(10\) is above/);
    await expect(list({ minBalance: 500, maxBalance: 100 })).rejects.toBeInstanceOf(ValidationError);
    await expect(list({ minDaysSinceContact: 9, maxDaysSinceContact: 1 })).rejects.toThrow(/Days since last contact/);
    // Callers that skip the schema (work queues) are held to it by the SQL translation itself.
    expect(() => accountConditions(org.orgId, { minDpd: 3, maxDpd: 1 }, TODAY)).toThrow(ValidationError);
  });

  it("finds a debtor by a misspelt name, by last-name prefix, by reference, phone in any format and email", async () => {
    expect(await list({ q: "Jonhson" })).toEqual(["F-1"]);
    expect(await list({ q: "johns" })).toEqual(["F-1"]);
    // Two letters swapped across the middle of the word: neither half is intact, the swap itself is looked up.
    expect(await list({ q: "Simth" })).toEqual(["F-2"]);
    // A wrong first letter (a different soundex code): the second half of the word is intact.
    expect(await list({ q: "Kohnson" })).toEqual(["F-1"]);
    // A letter missing, one extra, one wrong at the end; and a name that only sounds the same.
    expect(await list({ q: "Garca" })).toEqual(["F-3"]);
    expect(await list({ q: "Okaffor" })).toEqual(["F-4"]);
    expect(await list({ q: "Okafot" })).toEqual(["F-4"]);
    expect(await list({ q: "Smyth" })).toEqual(["F-2"]);
    // Two typos in a short name are not a match.
    expect(await list({ q: "Lxx" })).toEqual([]);
    // A full name with a typo: everyone sharing the first name is similar too, the right person ranks first.
    const fullName = await listAccounts({ ctx: ctx(), input: { q: "Dana Jonson" } });
    expect(fullName.rows[0]!.externalRef).toBe("F-1");
    // The typo in the first name; and a first name that is not close excludes the person.
    expect((await listAccounts({ ctx: ctx(), input: { q: "Dnaa Johnson" } })).rows[0]!.externalRef).toBe("F-1");
    expect(await list({ q: "Robert Jonhson" })).toEqual([]);
    expect(await list({ q: "f-3" })).toEqual(["F-3"]);
    expect(await list({ q: "(415) 555-0123" })).toEqual(["F-2"]);
    expect(await list({ q: "415.555.0123" })).toEqual(["F-2"]);
    expect(await list({ q: "+1 415 555 0123" })).toEqual(["F-2"]);
    expect(await list({ q: "Dana.Smith@Example.com" })).toEqual(["F-2"]);
    expect(await list({ q: "nobody@example.com" })).toEqual([]);
    expect(await list({ q: "zzzzqqq" })).toEqual([]);
  });

  it("orders a search by relevance unless a sort was chosen", async () => {
    const relevance = await listAccounts({ ctx: ctx(), input: { q: "f-" } });
    expect(relevance.order).toBe("relevance");
    expect(relevance.total).toBe(5);
    const sorted = await listAccounts({ ctx: ctx(), input: { q: "f-", sort: "balance", dir: "desc" } });
    expect(sorted.rows.map((r) => r.externalRef)).toEqual(["F-3", "F-2", "F-1", "F-5", "F-4"]);
    // The exact reference outranks its prefix matches.
    await handle.db
      .update(accounts)
      .set({ externalRef: "F-10" })
      .where(eq(accounts.id, byRef.get("F-5")!.id));
    try {
      const exact = await listAccounts({ ctx: ctx(), input: { q: "F-1" } });
      expect(exact.rows.map((r) => r.externalRef)).toEqual(["F-1", "F-10"]);
      // Past the last page of a search the count is still right.
      const beyond = await listAccounts({ ctx: ctx(), input: { q: "F-1", page: 3, pageSize: 10 } });
      expect(beyond).toMatchObject({ rows: [], total: 2 });
    } finally {
      await handle.db
        .update(accounts)
        .set({ externalRef: "F-5" })
        .where(eq(accounts.id, byRef.get("F-5")!.id));
    }
  });

  it("sorts by last contact (never contacted last either way) and by debtor name", async () => {
    expect(await list({ sort: "lastContact", dir: "asc" })).toEqual(["F-5", "F-3", "F-1", "F-4", "F-2"]);
    expect(await list({ sort: "lastContact", dir: "desc" })).toEqual(["F-4", "F-1", "F-3", "F-5", "F-2"]);
    // The second branch (never contacted) is reached across a page boundary.
    const page2 = await listAccounts({
      ctx: ctx(),
      input: { sort: "lastContact", dir: "desc", pageSize: 10, page: 1 },
    });
    expect(page2.rows.at(-1)!.lastContactAt).toBeNull();
    expect(await list({ sort: "debtor", dir: "asc" })).toEqual(["F-3", "F-1", "F-5", "F-4", "F-2"]);
    expect(await list({ sort: "debtor", dir: "desc" })).toEqual(["F-2", "F-4", "F-5", "F-1", "F-3"]);
    // The list picks the plan by the count (few matches here, so filter-first); the other plan must give the same
    // page, filters applied, for both directions.
    for (const dir of ["asc", "desc"] as const) {
      const filters = { minDpd: 1, maxBalance: 1_000_000 };
      const page = (filterFirst: boolean) =>
        handle.db
          .execute(
            pageIdsQuery(matchingFrom(org.orgId, filters, TODAY, "debtor", { filterFirst }), "debtor", dir, 10, 0),
          )
          .then((r) => rowsOf<{ id: string }>(r).map((row) => [...byRef].find(([, a]) => a.id === row.id)?.[0]));
      const expected = await list({ ...filters, sort: "debtor", dir });
      expect(expected.length).toBeGreaterThan(1);
      expect(await page(true)).toEqual(expected);
      expect(await page(false)).toEqual(expected);
    }
  });

  it("adds every new or changed spelling of a name to the organization's dictionary, so typos find it", async () => {
    const f5 = byRef.get("F-5")!;
    const [before] = await handle.db.select().from(debtors).where(eq(debtors.id, f5.debtorId));
    await handle.db.update(debtors).set({ lastName: "Nakamura" }).where(eq(debtors.id, f5.debtorId));
    try {
      const names = await handle.db
        .select({ name: debtorNames.name })
        .from(debtorNames)
        .where(and(eq(debtorNames.orgId, org.orgId), eq(debtorNames.part, "last")));
      expect(names.map((n) => n.name)).toContain("nakamura");
      expect(await list({ q: "Nakamrua" })).toEqual(["F-5"]);
      // Another organization's spellings are its own.
      const foreign = await handle.db
        .select({ name: debtorNames.name })
        .from(debtorNames)
        .where(and(eq(debtorNames.orgId, other.orgId), eq(debtorNames.name, "nakamura")));
      expect(foreign).toEqual([]);
    } finally {
      await handle.db.update(debtors).set({ lastName: before!.lastName }).where(eq(debtors.id, f5.debtorId));
    }
  });

  it("exports every matching row in exactly the list's order, batch after batch, and audits it once", async () => {
    // Ties on every sort column so the id tie-breaker and the null stretches are crossed between batches.
    const extra = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        createAccount(handle.db, org, {
          ref: `E-${i}`,
          dueOn: i % 3 === 0 ? null : addDays(TODAY, -45),
          principalMinor: 30_000,
          status: i % 2 ? "active" : "promised",
          lastName: i % 2 ? "Smith" : "Johnson",
        }),
      ),
    );
    {
      for (const sort of LIST_SORTS) {
        for (const dir of ["asc", "desc"] as const) {
          const listed = (await listAccounts({ ctx: ctx(), input: { sort, dir, pageSize: 200 } })).rows.map(
            (r) => r.externalRef,
          );
          const result = exportAccounts({
            ctx: staffContext(handle.db, org, "manager"),
            input: { sort, dir },
            batchSize: 2,
          });
          const exported: string[] = [];
          for await (const batch of result.batches) {
            expect(batch.length).toBeLessThanOrEqual(2);
            exported.push(...batch.map((r) => r.externalRef));
          }
          expect(exported, `${sort} ${dir}`).toEqual(listed);
          expect(exported).toHaveLength(12);
        }
      }
      const search = exportAccounts({
        ctx: staffContext(handle.db, org, "manager"),
        input: { q: "e-" },
        batchSize: 3,
      });
      const found: string[] = [];
      for await (const batch of search.batches) found.push(...batch.map((r) => r.externalRef));
      expect(found.sort()).toEqual(extra.map((e) => e.externalRef).sort());
      expect(search.filename).toBe("accounts-2026-11-24.csv");

      const events = await handle.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, org.orgId), eq(auditEvents.action, "account.exported")));
      expect(events).toHaveLength(LIST_SORTS.length * 2 + 1);
      expect(events.at(-1)!.after).toMatchObject({ filters: { q: "e-" }, rowCount: 7, completed: true });
    }
  });

  it("refuses an export to a role without the permission, before any row is read", () => {
    expect(() => exportAccounts({ ctx: staffContext(handle.db, org, "agent"), input: {} })).toThrow(/account: export/);
    expect(() =>
      exportAccounts({ ctx: staffContext(handle.db, org, "manager"), input: { minDpd: 9, maxDpd: 1 } }),
    ).toThrow(ValidationError);
  });

  it("never lists another organization's accounts, whatever the filter", async () => {
    const all = await list({ pageSize: 200 });
    expect(all).not.toContain("F-1X");
    expect(await list({ q: "dana.smith@example.com" })).toEqual(["F-2"]);
    const [foreignDebtor] = await handle.db.select().from(debtors).where(eq(debtors.orgId, other.orgId));
    expect(foreignDebtor).toBeDefined();
  });
});
