import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { accounts, auditEvents, debtors, ledgerTransactions } from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createAccount, createOrg, FIXED_NOW, type TestOrg } from "@/db/testing/factories";
import type { Role } from "@/server/lib/permissions";
import { exportAccountsResponse } from "./accounts-export";

describe.each(testDrivers())("GET /api/accounts/export (%s)", (driver) => {
  let handle: DatabaseHandle;
  let org: TestOrg;
  let other: TestOrg;

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    org = await createOrg(handle.db, "csv");
    other = await createOrg(handle.db, "csv-other");
    await createAccount(handle.db, org, { ref: "C-1", state: "CA", principalMinor: 12_345 });
    await createAccount(handle.db, org, { ref: "C-2", state: "CA", principalMinor: 99 });
    await createAccount(handle.db, org, { ref: "C-3", state: "TX" });
    await createAccount(handle.db, other, { ref: "C-X", state: "CA" });
    // A debtor name a spreadsheet would run as a formula.
    const [c2] = await handle.db.select().from(accounts).where(eq(accounts.externalRef, "C-2"));
    await handle.db
      .update(debtors)
      .set({ firstName: '=HYPERLINK("http://evil","x")' })
      .where(eq(debtors.id, c2!.debtorId));
  });
  afterAll(() => handle.close());

  const call = (query: string, role: Role | null, o: TestOrg = org) =>
    exportAccountsResponse(new Request(`http://localhost/api/accounts/export${query}`), {
      db: handle.db,
      staff: role ? { userId: o.users[role].id, orgId: o.orgId, role, name: role, email: o.users[role].email } : null,
      requestId: `req-${role}`,
      now: () => FIXED_NOW,
    });

  it("is closed without a session and without the export permission", async () => {
    const anonymous = call("", null);
    expect(anonymous.status).toBe(401);
    const agent = call("", "agent");
    expect(agent.status).toBe(403);
    expect(await agent.json()).toEqual({ error: "Your role may not export accounts" });
  });

  it("streams the view's rows as CSV with a dated file name, neutralised, quoted, and audited once", async () => {
    const response = call("?state=ca&sort=reference&dir=asc&page=3&minDpd=abc", "manager");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="accounts-2026-11-24.csv"');
    const lines = (await response.text()).split("\r\n");
    expect(lines[0]).toMatch(/^Reference,Debtor,Creditor,/);
    expect(lines.slice(1, -1).map((l) => l.split(",")[0])).toEqual(["C-1", "C-2"]);
    expect(lines[1]).toContain(",123.45,USD,");
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil"",""x"") Doe"`);
    expect(lines.at(-1)).toBe("");

    const events = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.orgId), eq(auditEvents.action, "account.exported")));
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toMatchObject({ filters: { state: "CA" }, rowCount: 2, completed: true });
    expect(events[0]!.actorId).toBe(org.users.manager.id);
  });

  it("lets the auditor export (read-only) and never includes another organization's accounts", async () => {
    const text = await call("", "auditor").text();
    expect(text).toContain("C-3");
    expect(text).not.toContain("C-X");
    const theirs = await call("", "admin", other).text();
    expect(theirs).toContain("C-X");
    expect(theirs).not.toContain("C-1");
  });

  it("exports the view's accounts with their ledger, entry by entry, signed, neutralised, and audited as such", async () => {
    const [c1] = await handle.db.select().from(accounts).where(eq(accounts.externalRef, "C-1"));
    await handle.db.insert(ledgerTransactions).values([
      {
        orgId: org.orgId,
        accountId: c1!.id,
        kind: "payment",
        principalMinor: -2_345,
        currency: "USD",
        effectiveOn: "2026-11-20",
        description: "=cmd|' /C calc'!A0",
        externalId: "TX-9",
      },
    ]);
    const response = call("?state=ca&sort=reference&dir=asc&content=ledger", "manager");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="ledger-2026-11-24.csv"');
    const lines = (await response.text()).split("\r\n").slice(0, -1);
    expect(lines[0]).toBe(
      "Reference,Debtor,Creditor,Date,Kind,Principal,Interest,Fees,Total,Currency,Description,Transaction ID,Posted at",
    );
    const payment = lines.find((l) => l.includes(",payment,"));
    expect(payment).toMatch(/^C-1,.*,2026-11-20,payment,-23\.45,0\.00,0\.00,-23\.45,USD,'=cmd\|' \/C calc'!A0,TX-9,/);
    // Only the view's accounts (C-1, C-2 in California), never another's entries.
    expect(new Set(lines.slice(1).map((l) => l.split(",")[0]))).toEqual(new Set(["C-1", "C-2"]));
    const [event] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.orgId), eq(auditEvents.action, "account.exported")))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    expect(event!.after).toMatchObject({ content: "ledger", rowCount: 2, completed: true });
  });
});
