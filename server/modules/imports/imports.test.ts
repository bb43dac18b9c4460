import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DatabaseHandle } from "@/db";
import {
  accounts,
  auditEvents,
  contactPoints,
  debtors,
  importErrors,
  importJobs,
  ledgerTransactions,
} from "@/db/schema";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { createOrg, FIXED_NOW, staffContext, type TestOrg } from "@/db/testing/factories";
import { ConflictError, ForbiddenError, NotFoundError, PreconditionError, ValidationError } from "@/server/lib/errors";
import type { ImportMapping } from "./imports.schemas";
import { cancelImport, createImport, getImport, listImportErrors, startImport, STALE_AFTER_MS } from "./jobs";
import { runImport } from "./run-import";

const ACCOUNT_HEADER = "Account Number,Customer Name,Date of Birth,Email,Phone,Balance,Due Date,State";
const columns = {
  "Account Number": "externalRef",
  "Customer Name": "fullName",
  "Date of Birth": "dateOfBirth",
  Email: "email",
  Phone: "phone",
  Balance: "balance",
  "Due Date": "dueOn",
  State: "state",
};
const mapping = (extra: Partial<ImportMapping> = {}): ImportMapping => ({
  columns,
  dateFormats: {},
  decimalSeparator: ".",
  defaultCurrency: "USD",
  ...extra,
});

describe.each(testDrivers())("file imports end to end (%s)", (driver) => {
  let handle: DatabaseHandle;
  let org: TestOrg;
  let other: TestOrg;
  let uploads: string;

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    org = await createOrg(handle.db, "imp");
    other = await createOrg(handle.db, "imp-other");
    uploads = mkdtempSync(path.join(tmpdir(), "recoup-uploads-"));
    process.env.UPLOAD_DIR = uploads;
  });
  afterAll(async () => {
    await handle.close();
    rmSync(uploads, { recursive: true, force: true });
  });

  const ctx = (o: TestOrg = org, role: "admin" | "manager" | "agent" | "auditor" = "manager") => ({
    ...staffContext(handle.db, o, role),
    now: () => FIXED_NOW,
  });

  async function upload(text: string | Buffer, kind: "accounts" | "payments" = "accounts", o = org) {
    const body = Readable.from([typeof text === "string" ? Buffer.from(text, "utf8") : text]);
    return (await createImport({ ctx: ctx(o), body, fileName: `${kind}.csv`, creditorId: o.creditorId, kind })).id;
  }

  async function run(id: string, m: ImportMapping = mapping(), mode: "valid_rows" | "all_or_nothing" = "valid_rows") {
    await startImport({ ctx: ctx(), input: { id, mapping: m, mode } });
    await runImport(handle, ctx(), id);
    const [job] = await handle.db.select().from(importJobs).where(eq(importJobs.id, id));
    return job!;
  }

  const countOf = async (table: typeof accounts | typeof debtors | typeof ledgerTransactions) =>
    rowsOf<{ n: number }>(
      await handle.db.execute(sql`select count(*)::int as n from ${table} where org_id = ${org.orgId}`),
    )[0]!.n;

  const file = [
    ACCOUNT_HEADER,
    'INV-1,Ada Lovelace,1980-05-17,ada@example.com,(415) 555-0123,"$1,250.00",2026-06-01,CA',
    "INV-2,Alan Turing,1975-01-02,alan@example.com,,300,2026-07-15,NY",
    // Same person as INV-1 (name and date of birth): one debtor, two accounts.
    "INV-3,Ada Lovelace,1980-05-17,,,$75.50,2026-08-01,CA",
    "INV-4,Grace Hopper,1970-02-30,grace@example,555-0000,-20,2026-13-01,ZZ",
    "INV-5,,1990-01-01,,,abc,2026-01-01,TX",
    'INV-1,Ada Lovelace,1980-05-17,ada@example.com,(415) 555-0123,"$1,250.00",2026-06-01,CA',
  ].join("\n");

  it("imports the valid rows, reports every problem of the others, and writes balances through the ledger", async () => {
    const id = await upload(file);
    const job = await run(id);
    expect(job.error).toBeNull();
    expect(job).toMatchObject({ status: "completed", rowsRead: 6, rowsCreated: 3, rowsRejected: 3 });

    const created = await handle.db
      .select()
      .from(accounts)
      .where(and(eq(accounts.orgId, org.orgId), eq(accounts.creditorId, org.creditorId)));
    const byRef = new Map(created.map((a) => [a.externalRef, a]));
    expect([...byRef.keys()].sort()).toEqual(["INV-1", "INV-2", "INV-3"]);
    expect(byRef.get("INV-1")).toMatchObject({ balanceMinor: 125_000, dueOn: "2026-06-01", jurisdictionState: "CA" });
    expect(byRef.get("INV-3")!.debtorId).toBe(byRef.get("INV-1")!.debtorId);
    expect(byRef.get("INV-2")!.debtorId).not.toBe(byRef.get("INV-1")!.debtorId);
    // Every balance is explained by a charge in the ledger.
    const charges = await handle.db
      .select()
      .from(ledgerTransactions)
      .where(eq(ledgerTransactions.accountId, byRef.get("INV-1")!.id));
    expect(charges).toMatchObject([{ kind: "charge", principalMinor: 125_000 }]);
    const points = await handle.db
      .select({ kind: contactPoints.kind, value: contactPoints.value, isPrimary: contactPoints.isPrimary })
      .from(contactPoints)
      .where(eq(contactPoints.debtorId, byRef.get("INV-1")!.debtorId));
    expect(points.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: "email", value: "ada@example.com", isPrimary: true },
      { kind: "phone", value: "+14155550123", isPrimary: true },
    ]);

    const errors = (await listImportErrors({ ctx: ctx(), input: { id, pageSize: 100 } })).rows;
    const about = (line: number, column: string) => errors.filter((e) => e.line === line && e.column === column);
    // Row 5 (INV-4): every bad cell of the row, each named.
    expect(about(5, "Date of Birth")[0]?.message).toMatch(/2026|1970-02-30|not a (real )?date|no February 30/i);
    expect(about(5, "Email")).toHaveLength(1);
    expect(about(5, "Balance")[0]?.message).toMatch(/negative/i);
    expect(about(5, "Due Date")).toHaveLength(1);
    expect(about(5, "State")).toHaveLength(1);
    expect(about(6, "Customer Name")).toHaveLength(1);
    expect(about(6, "Balance")[0]?.message).toMatch(/not an amount/i);
    // The repeated reference names the first row.
    expect(errors.find((e) => e.line === 7)?.message).toMatch(/row 2/i);

    const [audit] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.orgId), eq(auditEvents.action, "import.completed")));
    expect(audit?.after).toMatchObject({ rowsCreated: 3, rowsRejected: 3, fileSha256: job.fileSha256 });
  });

  it("changes nothing when the same file comes again, and says so", async () => {
    const before = {
      accounts: await countOf(accounts),
      debtors: await countOf(debtors),
      ledger: await countOf(ledgerTransactions),
    };
    const id = await upload(file);
    const seen = await getImport({ ctx: ctx(), input: { id } });
    expect(seen.sameFile).toHaveLength(1);
    const job = await run(id);
    expect(job).toMatchObject({ status: "completed", rowsCreated: 0, rowsUpdated: 0, rowsUnchanged: 3 });
    expect({
      accounts: await countOf(accounts),
      debtors: await countOf(debtors),
      ledger: await countOf(ledgerTransactions),
    }).toEqual(before);
  });

  it("updates a changed account with a ledger adjustment, never by overwriting, and matches people by email", async () => {
    const changed = [
      ACCOUNT_HEADER,
      'INV-1,Ada Lovelace,1980-05-17,ada@example.com,(415) 555-0123,"$1,000.00",2026-06-01,CA',
      // A new account of Alan Turing, found by his email although the name is written differently.
      "INV-9,A. M. Turing,,alan@example.com,,$10.00,2026-09-01,NY",
    ].join("\n");
    const job = await run(await upload(changed));
    expect(job).toMatchObject({ status: "completed", rowsCreated: 1, rowsUpdated: 1, rowsUnchanged: 0 });
    const [inv1] = await handle.db
      .select()
      .from(accounts)
      .where(and(eq(accounts.orgId, org.orgId), eq(accounts.externalRef, "INV-1")));
    expect(inv1!.balanceMinor).toBe(100_000);
    const ledger = await handle.db.select().from(ledgerTransactions).where(eq(ledgerTransactions.accountId, inv1!.id));
    expect(ledger.map((l) => [l.kind, l.principalMinor]).sort()).toEqual([
      ["adjustment", -25_000],
      ["charge", 125_000],
    ]);
    const [inv2] = await handle.db
      .select()
      .from(accounts)
      .where(and(eq(accounts.orgId, org.orgId), eq(accounts.externalRef, "INV-2")));
    const [inv9] = await handle.db
      .select()
      .from(accounts)
      .where(and(eq(accounts.orgId, org.orgId), eq(accounts.externalRef, "INV-9")));
    expect(inv9!.debtorId).toBe(inv2!.debtorId);
  });

  it("refuses a row whose identity points at two different people", async () => {
    // Ada's email with Alan's phone number: two debtors on file.
    await handle.db.insert(contactPoints).values({
      orgId: org.orgId,
      debtorId: (
        await handle.db
          .select()
          .from(accounts)
          .where(and(eq(accounts.orgId, org.orgId), eq(accounts.externalRef, "INV-2")))
      )[0]!.debtorId,
      kind: "phone",
      value: "+12125550199",
    });
    const id = await upload(
      [ACCOUNT_HEADER, "INV-20,Someone Else,,ada@example.com,(212) 555-0199,$5.00,2026-09-01,NY"].join("\n"),
    );
    const job = await run(id);
    expect(job).toMatchObject({ status: "completed", rowsCreated: 0, rowsRejected: 1 });
    const errors = (await listImportErrors({ ctx: ctx(), input: { id } })).rows;
    expect(errors).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringMatching(/matches 2 different debtors/) }),
    ]);
  });

  it("all or nothing: one bad row and nothing is written", async () => {
    const before = await countOf(accounts);
    const id = await upload(
      [ACCOUNT_HEADER, "NEW-1,Edsger Dijkstra,,,,$5.00,2026-09-01,TX", "NEW-2,,,,,x,2026-09-01,TX"].join("\n"),
    );
    const job = await run(id, mapping(), "all_or_nothing");
    expect(job).toMatchObject({ status: "rejected", rowsRejected: 1, rowsCreated: 0 });
    expect(await countOf(accounts)).toBe(before);
    const staged = await handle.db.execute(
      sql`select count(*)::int as n from import_staged_accounts where job_id = ${id}`,
    );
    expect(rowsOf<{ n: number }>(staged)[0]!.n).toBe(0);
  });

  it("posts a payments file once per transaction id, oldest charges first, refusing what it cannot post", async () => {
    const header = "Reference,Amount,Date,Method,Transaction ID";
    const payments = [
      header,
      "INV-2,100.00,2026-11-01,card,TX-1",
      "INV-2,50.00,2026-11-02,ach,TX-2",
      "NOPE-1,5.00,2026-11-02,card,TX-3",
      "INV-2,999.00,2026-11-03,card,TX-4",
    ].join("\n");
    const m: ImportMapping = {
      columns: {
        Reference: "externalRef",
        Amount: "amount",
        Date: "paidOn",
        Method: "method",
        "Transaction ID": "externalTransactionId",
      },
      dateFormats: {},
      decimalSeparator: ".",
      defaultCurrency: "USD",
    };
    const first = await run(await upload(payments, "payments"), m);
    expect(first).toMatchObject({ status: "completed", rowsCreated: 2, rowsRejected: 2 });
    const [inv2] = await handle.db
      .select()
      .from(accounts)
      .where(and(eq(accounts.orgId, org.orgId), eq(accounts.externalRef, "INV-2")));
    expect(inv2).toMatchObject({ balanceMinor: 30_000 - 15_000, lastPaymentOn: "2026-11-02" });
    const again = await run(await upload(payments, "payments"), m);
    expect(again).toMatchObject({ status: "completed", rowsCreated: 0, rowsUnchanged: 2 });
    const [after] = await handle.db.select().from(accounts).where(eq(accounts.id, inv2!.id));
    expect(after!.balanceMinor).toBe(15_000);
  });

  it("resumes an import whose run died half-way, and writes it exactly once", async () => {
    const id = await upload([ACCOUNT_HEADER, "RES-1,Barbara Liskov,,,,$40.00,2026-09-01,MA"].join("\n"));
    await startImport({ ctx: ctx(), input: { id, mapping: mapping(), mode: "valid_rows" } });
    // A run that staged a row (with a stale heartbeat) and then lost its process.
    await handle.db.execute(sql`insert into import_staged_accounts (job_id, line, external_ref, currency, first_name,
      last_name, principal_minor, interest_minor, fees_minor, due_on, contacts)
      values (${id}, 2, 'RES-1', 'USD', 'Barbara', 'Liskov', 4000, 0, 0, '2026-09-01', '[]')`);
    // While the run is alive, nobody else may start it.
    await expect(
      startImport({ ctx: ctx(), input: { id, mapping: mapping(), mode: "valid_rows" } }),
    ).rejects.toBeInstanceOf(ConflictError);
    await handle.db
      .update(importJobs)
      .set({ heartbeatAt: new Date(FIXED_NOW.getTime() - STALE_AFTER_MS - 1000) })
      .where(eq(importJobs.id, id));
    expect((await getImport({ ctx: ctx(), input: { id } })).job.stale).toBe(true);
    const job = await run(id);
    expect(job).toMatchObject({ status: "completed", rowsCreated: 1, attempts: 2 });
    const rows = await handle.db
      .select()
      .from(accounts)
      .where(and(eq(accounts.orgId, org.orgId), eq(accounts.externalRef, "RES-1")));
    expect(rows).toHaveLength(1);
    expect(
      await handle.db.select().from(ledgerTransactions).where(eq(ledgerTransactions.accountId, rows[0]!.id)),
    ).toHaveLength(1);
    // Completed is final.
    await expect(
      startImport({ ctx: ctx(), input: { id, mapping: mapping(), mode: "valid_rows" } }),
    ).rejects.toBeInstanceOf(PreconditionError);
  });

  it("stops a cancelled import before it writes anything", async () => {
    const before = await countOf(accounts);
    const id = await upload([ACCOUNT_HEADER, "CAN-1,Ken Thompson,,,,$1.00,2026-09-01,NJ"].join("\n"));
    await startImport({ ctx: ctx(), input: { id, mapping: mapping(), mode: "valid_rows" } });
    await cancelImport({ ctx: ctx(), input: { id } });
    await runImport(handle, ctx(), id);
    const [job] = await handle.db.select().from(importJobs).where(eq(importJobs.id, id));
    expect(job!.status).toBe("cancelled");
    expect(await countOf(accounts)).toBe(before);
  });

  it("refuses unreadable files and bad mappings with the reason, keeping nothing", async () => {
    await expect(upload("")).rejects.toThrow(/empty/i);
    await expect(upload(`${ACCOUNT_HEADER}\n`)).rejects.toThrow(/header row but no data/i);
    const id = await upload(file);
    await expect(
      startImport({
        ctx: ctx(),
        input: { id, mapping: mapping({ columns: { "Account Number": "externalRef" } }), mode: "valid_rows" },
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      startImport({
        ctx: ctx(),
        input: { id, mapping: mapping({ columns: { Nope: "externalRef" } }), mode: "valid_rows" },
      }),
    ).rejects.toThrow(/no column "Nope"/);
    const errorsOfJob = await handle.db.select().from(importErrors).where(eq(importErrors.jobId, id));
    expect(errorsOfJob).toEqual([]);
  });

  it("keeps imports to their organization and to the roles that may run them", async () => {
    const id = await upload(file);
    await expect(getImport({ ctx: ctx(other), input: { id } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      startImport({ ctx: ctx(other, "admin"), input: { id, mapping: mapping(), mode: "valid_rows" } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      startImport({ ctx: ctx(org, "agent"), input: { id, mapping: mapping(), mode: "valid_rows" } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    // Another organization's creditor cannot be the target of an upload.
    await expect(
      createImport({
        ctx: ctx(),
        body: Readable.from([Buffer.from(file)]),
        fileName: "x.csv",
        creditorId: other.creditorId,
        kind: "accounts",
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
