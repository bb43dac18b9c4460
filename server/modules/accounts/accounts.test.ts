import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { accounts } from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createAccount, createOrg, staffContext, type TestOrg } from "@/db/testing/factories";
import { ConflictError, ForbiddenError, NotFoundError } from "@/server/lib/errors";
import { getDashboard } from "@/server/modules/dashboard/get-dashboard";
import { addNote } from "./add-note";
import { addDays } from "./aging";
import { assignAccounts } from "./assign-accounts";
import { changeStatus } from "./change-status";
import { getAccount } from "./get-account";
import { listAccounts } from "./list-accounts";
import { listTimeline } from "@/server/modules/timeline/list-timeline";

const TODAY = "2026-11-24"; // FIXED_NOW's UTC date

describe.each(testDrivers())("accounts (%s)", (driver) => {
  let handle: DatabaseHandle;
  let org: TestOrg;
  let other: TestOrg;
  const dpd = (n: number | null) => (n === null ? null : addDays(TODAY, -n));

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    org = await createOrg(handle.db, "acc");
    other = await createOrg(handle.db, "acc-other");
    const specs: [string, number | null, number, string, string][] = [
      ["R-CUR", null, 5_000, "active", "AZ"],
      ["R-NOTDUE", -5, 7_500, "active", "AZ"],
      ["R-1", 1, 10_000, "active", "TX"],
      ["R-30", 30, 20_000, "promised", "TX"],
      ["R-31", 31, 30_000, "active", "CA"],
      ["R-90", 90, 40_000, "disputed", "CA"],
      ["R-181", 181, 50_000, "active", "NY"],
      ["R-PAID", null, 0, "paid", "NY"],
    ];
    for (const [ref, days, principal, status, state] of specs) {
      await createAccount(handle.db, org, {
        ref,
        dueOn: dpd(days),
        principalMinor: principal,
        status: status as never,
        state,
        lastName: ref === "R-90" ? "Okafor" : "Doe",
      });
    }
    await createAccount(handle.db, other, { ref: "R-OTHER", dueOn: dpd(45) });
  });
  afterAll(() => handle.close());

  const list = (input: Parameters<typeof listAccounts>[0]["input"]) =>
    listAccounts({ ctx: staffContext(handle.db, org, "agent"), input }).then((r) => r.rows.map((x) => x.externalRef));

  it("filters by aging bucket with the same edges as the pure definition", async () => {
    expect(await list({ bucket: ["current"], sort: "reference", dir: "asc" })).toEqual(["R-CUR", "R-NOTDUE", "R-PAID"]);
    expect(await list({ bucket: ["1-30"], sort: "reference", dir: "asc" })).toEqual(["R-1", "R-30"]);
    expect(await list({ bucket: ["31-60", "61-90"], sort: "reference", dir: "asc" })).toEqual(["R-31", "R-90"]);
    expect(await list({ bucket: ["180+"] })).toEqual(["R-181"]);
  });

  it("filters by status, state, balance and search, and sorts by days past due", async () => {
    expect(await list({ status: ["promised", "disputed"], sort: "reference", dir: "asc" })).toEqual(["R-30", "R-90"]);
    expect(await list({ state: "ca", sort: "reference", dir: "asc" })).toEqual(["R-31", "R-90"]);
    expect(await list({ minBalance: 30_000, maxBalance: 40_000, sort: "balance", dir: "desc" })).toEqual([
      "R-90",
      "R-31",
    ]);
    expect(await list({ q: "okaf" })).toEqual(["R-90"]);
    expect(await list({ q: "r-18" })).toEqual(["R-181"]);
    expect(await list({ q: "%" })).toEqual([]); // LIKE wildcards in the search are literal
    expect(await list({ q: "R_1" })).toEqual([]);
    const byDpd = await list({ sort: "dpd", dir: "desc" });
    expect(byDpd.slice(0, 5)).toEqual(["R-181", "R-90", "R-31", "R-30", "R-1"]);
    const leastOverdue = await list({ sort: "dpd", dir: "asc" });
    expect(new Set(leastOverdue.slice(0, 3))).toEqual(new Set(["R-CUR", "R-PAID", "R-NOTDUE"])); // no due date = current
    expect(leastOverdue.slice(3)).toEqual(["R-1", "R-30", "R-31", "R-90", "R-181"]);
    const page = await listAccounts({ ctx: staffContext(handle.db, org, "agent"), input: { pageSize: 10, page: 1 } });
    expect(page.total).toBe(8);
    expect(page.rows.find((r) => r.externalRef === "R-90")).toMatchObject({
      dpd: 90,
      bucket: "61-90",
      balanceMinor: 40_000,
    });
  });

  it("shows the whole account and finds nothing across organizations", async () => {
    const [r90] = await handle.db.select().from(accounts).where(eq(accounts.externalRef, "R-90"));
    const detail = await getAccount({ ctx: staffContext(handle.db, org, "auditor"), input: { accountId: r90!.id } });
    expect(detail.account).toMatchObject({ dpd: 90, bucket: "61-90", balanceMinor: 40_000 });
    expect(detail.contactPoints[0]).toMatchObject({ timeZone: "America/Phoenix" });
    expect(detail.ledger.reduce((s, t) => s + t.principalMinor + t.interestMinor + t.feesMinor, 0)).toBe(
      detail.account.balanceMinor,
    );
    await expect(
      getAccount({ ctx: staffContext(handle.db, other, "admin"), input: { accountId: r90!.id } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("changes status with optimistic concurrency and refuses statuses that follow money", async () => {
    const [acc] = await handle.db.select().from(accounts).where(eq(accounts.externalRef, "R-1"));
    const ctx = staffContext(handle.db, org, "agent");
    const changed = await changeStatus({
      ctx,
      input: { accountId: acc!.id, status: "on_hold", expectedVersion: acc!.version, reason: "customer asked" },
    });
    expect(changed).toMatchObject({ status: "on_hold", version: acc!.version + 1 });
    await expect(
      changeStatus({
        ctx,
        input: { accountId: acc!.id, status: "active", expectedVersion: acc!.version, reason: "stale" },
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      changeStatus({
        ctx,
        input: { accountId: acc!.id, status: "paid", expectedVersion: changed.version, reason: "paid?" },
      }),
    ).rejects.toThrow(/follows payments/);
  });

  it("bulk-assigns all or nothing, only to active non-auditor users, managers and admins only", async () => {
    const rows = await handle.db.select().from(accounts).where(eq(accounts.orgId, org.orgId));
    const ids = rows.map((r) => r.id);
    const manager = staffContext(handle.db, org, "manager");
    await expect(
      assignAccounts({
        ctx: staffContext(handle.db, org, "agent"),
        input: { accountIds: ids, assigneeId: org.users.agent.id },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      assignAccounts({ ctx: manager, input: { accountIds: ids, assigneeId: org.users.auditor.id } }),
    ).rejects.toThrow(/auditor/);
    const [foreign] = await handle.db.select().from(accounts).where(eq(accounts.orgId, other.orgId));
    await expect(
      assignAccounts({ ctx: manager, input: { accountIds: [...ids, foreign!.id], assigneeId: org.users.agent.id } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await handle.db.select().from(accounts).where(eq(accounts.assigneeId, org.users.agent.id))).length).toBe(0);
    expect(await assignAccounts({ ctx: manager, input: { accountIds: ids, assigneeId: org.users.agent.id } })).toEqual({
      count: ids.length,
    });
    expect(await list({ assignee: org.users.agent.id, pageSize: 50 })).toHaveLength(ids.length);
    expect(await list({ assignee: "unassigned" })).toHaveLength(0);
  });

  it("notes need a body and an account of the organization", async () => {
    const [acc] = await handle.db.select().from(accounts).where(eq(accounts.externalRef, "R-31"));
    await expect(
      addNote({ ctx: staffContext(handle.db, org, "agent"), input: { accountId: acc!.id, body: "   " } }),
    ).rejects.toThrow(/A note cannot be empty/);
    const note = await addNote({
      ctx: staffContext(handle.db, org, "agent"),
      input: { accountId: acc!.id, body: "Left voicemail" },
    });
    const timeline = await listTimeline({ ctx: staffContext(handle.db, org, "agent"), input: { accountId: acc!.id } });
    expect(timeline.items.find((e) => e.kind === "note")).toMatchObject({
      key: `n:${note.id}`,
      body: "Left voicemail",
    });
    expect(timeline.items.map((e) => e.action)).toContain("account.bulk_assigned");
    expect(note.body).toBe("Left voicemail");
  });

  it("the dashboard's figures equal the list's, bucket by bucket, open accounts only", async () => {
    const dash = await getDashboard({ ctx: staffContext(handle.db, org, "auditor") });
    const byKey = Object.fromEntries(dash.buckets.map((b) => [b.bucket, b]));
    expect(byKey["current"]).toMatchObject({ accounts: 2, balanceMinor: 12_500 }); // the paid account is excluded
    expect(byKey["1-30"]).toMatchObject({ accounts: 2, balanceMinor: 30_000 });
    expect(byKey["61-90"]).toMatchObject({ accounts: 1, balanceMinor: 40_000 });
    expect(byKey["180+"]).toMatchObject({ accounts: 1, balanceMinor: 50_000 });
    expect(dash.totals).toEqual({ openAccounts: 7, openBalanceMinor: 162_500 });
    expect(dash.creditors).toHaveLength(1);
    expect(dash.creditors[0]).toMatchObject({ accounts: 7, balanceMinor: 162_500 });
  });
});
