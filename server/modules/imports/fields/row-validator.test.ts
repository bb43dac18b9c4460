import { describe, expect, it } from "vitest";
import { ValidationError } from "@/server/lib/errors";
import { templateColumns, templateCsv } from "./catalogue";
import { autoMap, detectPreset, type ColumnMapping } from "./presets";
import type { AccountRecord, PaymentRecord, RowError } from "./records";
import { checkMapping, createRowValidator, type ValidatorOptions } from "./row-validator";

const options: ValidatorOptions = { defaultCurrency: "USD", sourceFormat: "csv", today: "2025-06-30" };

function accounts(header: string[], extra: Partial<ValidatorOptions> = {}, mapping?: ColumnMapping) {
  const map = mapping ?? autoMap(header, "accounts").mapping;
  const v = createRowValidator({ kind: "accounts", header, mapping: map, options: { ...options, ...extra } });
  let line = 1;
  return {
    validator: v,
    row: (...cells: string[]) => v.validate({ line: ++line, cells }),
  };
}

function record(result: { ok: true; record: AccountRecord } | { ok: false; errors: RowError[] }): AccountRecord {
  if (!result.ok) throw new Error(`expected a record, got ${JSON.stringify(result.errors, null, 2)}`);
  return result.record;
}
function errors(result: { ok: boolean; errors?: RowError[] }): RowError[] {
  if (result.ok) throw new Error("expected errors");
  return result.errors!;
}

const HEADER = ["Account Reference", "First Name", "Last Name", "Email", "Phone", "Address 1", "City", "State", "ZIP", "Balance", "Opened On", "Due Date"]; // prettier-ignore
const GOOD = ["INV-1", " Maria ", "Garcia", "Maria@Example.com", "(602) 555-0143", "1200 W Washington St", "Phoenix", "Arizona", "85007", "$1,217.50", "11/22/2023", "01/15/2024"]; // prettier-ignore

describe("account rows", () => {
  it("turn into normalised records ready to insert", () => {
    const { row } = accounts(HEADER);
    expect(record(row(...GOOD))).toEqual({
      line: 2,
      externalRef: "INV-1",
      currency: "USD",
      debtor: { externalId: null, firstName: "Maria", lastName: "Garcia", dateOfBirth: null },
      contacts: [
        { kind: "phone", value: "+16025550143", phoneType: null, country: "US", timeZone: "America/Phoenix", timeZoneSource: "area_code" }, // prettier-ignore
        { kind: "email", value: "maria@example.com" },
        {
          kind: "address",
          value: "1200 W Washington St, Phoenix, AZ 85007",
          line1: "1200 W Washington St",
          line2: null,
          city: "Phoenix",
          state: "AZ",
          postalCode: "85007",
          country: "US",
          timeZone: "America/Phoenix",
          timeZoneSource: "address_zip", // Arizona has two zones (the Navajo Nation keeps DST)
        },
      ],
      principalMinor: 121750,
      interestMinor: 0,
      feesMinor: 0,
      balanceMinor: 121750,
      originalBalanceMinor: null,
      openedOn: "2023-11-22",
      dueOn: "2024-01-15",
      chargedOffOn: null,
      lastPaymentOn: null,
      originalCreditor: null,
      productType: null,
      segment: null,
      tags: null,
      jurisdictionState: "AZ",
    });
  });

  it("report every error of a row, each with its column, value and reason", () => {
    const { row } = accounts(HEADER);
    const result = errors(row("", "Maria", "", "maria@", "555-0100", "1 Main St", "Phoenix", "Californa", "ABCDE", "12,3x.00", "2024-02-30", "03/04/2024")); // prettier-ignore
    expect(result).toEqual([
      { line: 2, column: "Account Reference", value: "", message: "Account Reference is empty" },
      { line: 2, column: "Last Name", value: "", message: "Last Name is empty: enter the debtor's last name, or a company's name" }, // prettier-ignore
      { line: 2, column: "Phone", value: "555-0100", message: 'Phone: "555-0100" is not a valid North American number: it needs a real 3-digit area code and a 7-digit number' }, // prettier-ignore
      { line: 2, column: "Email", value: "maria@", message: 'Email: "maria@" is not a valid email address: nothing comes after the @' }, // prettier-ignore
      { line: 2, column: "State", value: "Californa", message: 'State: "Californa" is not a US state: use its 2-letter code (CA, NY, DC) or its full name' }, // prettier-ignore
      { line: 2, column: "ZIP", value: "ABCDE", message: 'ZIP: "ABCDE" is not a US ZIP code: use 5 digits or ZIP+4 (85004 or 85004-1234)' }, // prettier-ignore
      { line: 2, column: "Balance", value: "12,3x.00", message: 'Balance: "12,3x.00" is not an amount' },
      { line: 2, column: "Opened On", value: "2024-02-30", message: 'Opened On: "2024-02-30" is not a real date: February 2024 has 29 days' }, // prettier-ignore
      { line: 2, column: "Due Date", value: "03/04/2024", message: 'Due Date: "03/04/2024" is ambiguous: it is 4 March 2024 if the month comes first, or 3 April 2024 if the day comes first; choose this column\'s date format' }, // prettier-ignore
    ]);
  });

  it("refuse a negative balance and a missing due date", () => {
    const { row } = accounts(HEADER);
    const cells = [...GOOD];
    cells[9] = "(250.00)";
    cells[11] = "";
    expect(errors(row(...cells)).map((e) => e.message)).toEqual([
      'Balance: "(250.00)" is negative; a debt\'s balance cannot be',
      "Due Date is empty",
    ]);
  });

  it("read dates in the column's chosen order, and catch a column that mixes orders", () => {
    const chosen = accounts(HEADER, { dateFormats: { "Due Date": "DMY" } });
    const cells = [...GOOD];
    cells[11] = "03/04/2024";
    expect(record(chosen.row(...cells)).dueOn).toBe("2024-04-03");

    const { row } = accounts(HEADER);
    const a = [...GOOD];
    a[11] = "25/03/2024";
    expect(record(row(...a)).dueOn).toBe("2024-03-25");
    const b = [...GOOD];
    b[0] = "INV-2";
    b[11] = "03/26/2024";
    expect(errors(row(...b))).toEqual([
      {
        line: 3,
        column: "Due Date",
        value: "03/26/2024",
        message:
          'Due Date: "03/26/2024" can only be read month first, but "25/03/2024" on row 2 only day first: this column mixes two date orders; choose its date format',
      },
    ]);
  });

  it("name the first row of a repeated reference, and say when the whole row repeats", () => {
    const { row } = accounts(HEADER);
    expect(row(...GOOD).ok).toBe(true);
    const again = [...GOOD];
    again[9] = "99.00";
    expect(errors(row(...again))).toEqual([
      {
        line: 3,
        column: "Account Reference",
        value: "INV-1",
        message: 'Account Reference: "INV-1" is also the account reference of row 2; it must appear once per file',
      },
    ]);
    expect(errors(row(...GOOD))[0]!.message).toBe(
      'Account Reference: "INV-1" repeats row 2 exactly: remove the duplicate row',
    );
    // A reference is remembered even from a row that had other errors.
    const bad = [...GOOD];
    bad[0] = "INV-9";
    bad[9] = "oops";
    expect(row(...bad).ok).toBe(false);
    const fixed = [...GOOD];
    fixed[0] = "INV-9";
    expect(errors(row(...fixed))[0]!.message).toMatch(/also the account reference of row 5/);
  });

  it("check that components add up to the balance, and derive what is missing", () => {
    const header = ["Account Number", "Name", "Principal", "Interest", "Fees", "Balance", "Due Date"];
    const { row } = accounts(header);
    expect(record(row("A1", "Ann Lee", "100.00", "10.00", "5.00", "115.00", "2024-01-01"))).toMatchObject({
      principalMinor: 10000,
      interestMinor: 1000,
      feesMinor: 500,
      balanceMinor: 11500,
    });
    expect(record(row("A2", "Ann Lee", "100.00", "10.00", "", "", "2024-01-01")).balanceMinor).toBe(11000);
    expect(errors(row("A3", "Ann Lee", "100.00", "10.00", "5.00", "120.00", "2024-01-01"))[0]!.message).toBe(
      "Balance: Principal + Interest + Fees come to $115.00, but Balance is $120.00",
    );
    expect(errors(row("A4", "Ann Lee", "", "", "", "", "2024-01-01"))[0]!.message).toBe("Balance is empty");
  });

  it("check dates against each other and against today", () => {
    const header = ["Account Number", "Name", "Balance", "Opened On", "Due Date", "Last Payment Date", "Charge Off Date", "DOB"]; // prettier-ignore
    const { row } = accounts(header);
    expect(
      errors(row("A1", "Ann Lee", "10", "2024-05-01", "2024-04-01", "2025-07-01", "2024-03-01", "2030-01-01")).map(
        (e) => e.message,
      ),
    ).toEqual([
      // prettier-ignore
      'DOB: "2030-01-01" is in the future',
      'Last Payment Date: "2025-07-01" is in the future',
      "Due Date: (2024-04-01) is before Opened On (2024-05-01)",
      "Charge Off Date: (2024-03-01) is before Opened On (2024-05-01)",
    ]);
  });

  it("need a complete address, and restore a dropped ZIP zero only where it is certain", () => {
    const { row } = accounts(HEADER);
    const cells = [...GOOD];
    cells[5] = "";
    cells[6] = "";
    expect(errors(row(...cells)).map((e) => e.message)).toEqual([
      "Address 1 is empty: an address needs Address 1, City, State and ZIP",
      "City is empty: an address needs Address 1, City, State and ZIP",
    ]);
    const boston = [...GOOD];
    boston.splice(5, 4, "1 Main St", "Boston", "MA", "2134");
    boston[0] = "INV-2";
    expect(record(row(...boston)).contacts[2]).toMatchObject({ postalCode: "02134", timeZone: "America/New_York" });
    // The State column alone sets the jurisdiction, without an address.
    const stateOnly = accounts(["Account Number", "Name", "State", "Balance", "Due Date"]);
    expect(record(stateOnly.row("A1", "Ann Lee", "tx", "10", "2024-01-01"))).toMatchObject({
      jurisdictionState: "TX",
      contacts: [],
    });
  });

  it("list a phone repeated in Phone 2 once", () => {
    const { row } = accounts(["Account Number", "Name", "Phone", "Phone 2", "Balance", "Due Date"]);
    const r = record(row("A1", "Ann Lee", "602-555-0143", "+1 (602) 555-0143", "10", "2024-01-01"));
    expect(r.contacts.map((c) => c.value)).toEqual(["+16025550143"]);
  });

  it("validate Recoup's template example row", () => {
    const [header, example] = templateCsv("accounts").trim().split("\r\n");
    const cells = example!.split(",");
    const { row } = accounts(header!.split(","), { dateFormats: {} }, detectPreset(header!.split(","))!.mapping);
    const r = record(row(...cells));
    expect(r).toMatchObject({
      externalRef: "INV-10042",
      debtor: { externalId: "CUST-0087", firstName: "Maria", lastName: "Garcia", dateOfBirth: "1984-07-21" },
      principalMinor: 115000,
      interestMinor: 4250,
      feesMinor: 2500,
      balanceMinor: 121750,
      tags: ["hardship", "spanish"],
    });
    expect(r.contacts.map((c) => c.kind)).toEqual(["phone", "phone", "email", "address"]);
    expect(templateColumns("accounts").length).toBe(cells.length);
  });

  it("report an empty row and cells beyond the header", () => {
    const { row } = accounts(HEADER);
    expect(errors(row("", " ", ""))).toEqual([{ line: 2, column: "", value: "", message: "The row is empty" }]);
    const extra = errors(row(...GOOD, "", "stray"));
    expect(extra).toEqual([
      { line: 3, column: "(column 14)", value: "stray", message: 'Column 14 has "stray" but the header has only 12 columns' }, // prettier-ignore
    ]);
  });
});

describe("billing-system presets", () => {
  it("QuickBooks: invoices are debts; payments, headings and totals get one clear error", () => {
    const header = ["Date", "Transaction Type", "Num", "Customer", "Due Date", "Amount", "Open Balance"];
    const { row } = accounts(header, { dateFormats: { Date: "MDY", "Due Date": "MDY" } }, detectPreset(header)!.mapping); // prettier-ignore
    expect(
      record(row("01/05/2024", "Invoice", "1042", "Smith, John:Kitchen", "02/04/2024", "1,500.00", "1,150.00")),
    ).toMatchObject({
      // prettier-ignore
      externalRef: "1042",
      debtor: { firstName: "John", lastName: "Smith" },
      originalBalanceMinor: 150000,
      balanceMinor: 115000,
      openedOn: "2024-01-05",
      dueOn: "2024-02-04",
    });
    expect(errors(row("01/20/2024", "Payment", "", "Smith, John", "", "-350.00", "-350.00"))).toEqual([
      { line: 3, column: "Transaction Type", value: "Payment", message: 'Transaction Type: "Payment" is not an Invoice: only Invoice rows are imported as debts' }, // prettier-ignore
    ]);
    expect(errors(row("Total for 1 - 30 days past due", "", "", "", "", "", "4,250.00"))[0]!.message).toBe(
      "Transaction Type is empty: this looks like a heading or total line of the report, not an invoice",
    );
  });

  it("Xero: Total − Paid − Credited must equal Due; paid and voided invoices are not debts", () => {
    const header = ["Date", "Reference", "DueDate", "Status", "Total", "Paid", "Credited", "Due", "Contact"];
    const { row } = accounts(header, { dateFormats: { Date: "DMY", DueDate: "DMY" } }, detectPreset(header)!.mapping); // prettier-ignore
    expect(
      record(
        row(
          "5 Mar 2024",
          "INV-0007",
          "4 Apr 2024",
          "AUTHORISED",
          "1000.00",
          "200.00",
          "50.00",
          "750.00",
          "Acme Roofing LLC",
        ),
      ),
    ).toMatchObject({
      // prettier-ignore
      debtor: { firstName: "", lastName: "Acme Roofing LLC" },
      originalBalanceMinor: 100000,
      balanceMinor: 75000,
    });
    expect(
      errors(
        row("5 Mar 2024", "INV-0008", "4 Apr 2024", "AUTHORISED", "1000.00", "200.00", "0.00", "750.00", "Acme"),
      )[0]!.message,
    ).toBe(
      // prettier-ignore
      "Due: Total − Paid − Credited is $800.00, but Due is $750.00",
    );
    expect(errors(row("5 Mar 2024", "INV-0009", "4 Apr 2024", "PAID", "1000.00", "1000.00", "0", "0", "Acme"))).toEqual(
      [
        // prettier-ignore
        { line: 4, column: "Status", value: "PAID", message: 'Status: "PAID": this invoice is paid, so it is not a debt to collect' }, // prettier-ignore
      ],
    );
  });

  it("Stripe: the balance is Amount Due − Amount Paid when Amount Remaining is not exported", () => {
    const header = ["Number", "Amount Due", "Amount Paid", "Currency", "Customer", "Customer Email", "Customer Name", "Date (UTC)", "Due Date (UTC)", "Status"]; // prettier-ignore
    const { row } = accounts(header, {}, detectPreset(header)!.mapping);
    expect(
      record(
        row(
          "F00D-0001",
          "120.00",
          "20.00",
          "cad",
          "cus_Pq1",
          "ann@example.com",
          "Ann Lee",
          "2024-03-01 10:12",
          "2024-03-31 10:12",
          "open",
        ),
      ),
    ).toMatchObject({
      // prettier-ignore
      externalRef: "F00D-0001",
      currency: "CAD",
      debtor: { externalId: "cus_Pq1", firstName: "Ann", lastName: "Lee" },
      originalBalanceMinor: 12000,
      balanceMinor: 10000,
      principalMinor: 10000,
      openedOn: "2024-03-01",
      dueOn: "2024-03-31",
    });
    expect(
      errors(row("F00D-0002", "120.00", "0", "usd", "cus_Pq1", "", "Ann Lee", "2024-03-01", "2024-03-31", "void"))[0]!
        .message,
    ).toBe(
      // prettier-ignore
      'Status: "void": this invoice is void, so it is not a debt to collect',
    );
    expect(
      errors(
        row("F00D-0003", "120.00", "130.00", "usd", "cus_Pq1", "", "Ann Lee", "2024-03-01", "2024-03-31", "open"),
      )[0]!.message,
    ).toBe(
      // prettier-ignore
      "Amount Paid is more than Amount Due ($120.00): the balance would be negative",
    );
  });
});

describe("mappings", () => {
  it("are refused whole, with every problem listed", () => {
    const header = ["Ref", "Ref", "Amount", "When", "Town"];
    const mapping = { Ref: "externalRef", Missing: "segment", When: "paidOn", Town: "city" } as ColumnMapping;
    const problems = checkMapping("accounts", header, mapping);
    expect(problems).toEqual([
      'Column "Ref" appears 2 times in the file: rename one so it can be mapped',
      'Column "Missing" is not in the file',
      'Column "When" is mapped to "paidOn", which accounts files do not have',
      "Nothing is mapped to Account Reference",
      "Nothing is mapped to Due Date",
      "Nothing is mapped to a debtor name (Last Name or Full Name)",
      "Nothing is mapped to a balance (Balance, or Principal, or Original Balance with Amount Paid)",
      "An address needs Address 1, City, State and ZIP: map Address 1, State, ZIP too",
    ]);
    expect(() => createRowValidator({ kind: "accounts", header, mapping: {}, options })).toThrow(ValidationError);
  });

  it("match header names ignoring case and spacing", () => {
    const v = createRowValidator({
      kind: "accounts",
      header: ["ACCOUNT NUMBER", "name", "balance", "due date"],
      mapping: { "Account Number": "externalRef", Name: "fullName", Balance: "balance", DueDate: "dueOn" },
      options,
    });
    const r = v.validate({ line: 2, cells: ["A1", "Ann Lee", "5", "2024-01-01"] });
    expect(r.ok).toBe(true);
    expect([...v.fields].sort()).toEqual(["balance", "dueOn", "externalRef", "fullName"]);
  });
});

describe("payment rows", () => {
  const header = ["Account Reference", "Amount", "Paid On", "Method", "Transaction ID"];
  const payments = () => {
    const v = createRowValidator({ kind: "payments", header, mapping: autoMap(header, "payments").mapping, options });
    let line = 1;
    return (...cells: string[]) => v.validate({ line: ++line, cells });
  };

  it("turn into payment records", () => {
    const row = payments();
    const r = row("INV-1", "$150.00", "Mar 5, 2024", "Visa", "ch_3OqK2L");
    expect(r).toEqual({
      ok: true,
      record: {
        line: 2,
        externalRef: "INV-1",
        amountMinor: 15000,
        currency: "USD",
        paidOn: "2024-03-05",
        method: "card",
        externalTransactionId: "ch_3OqK2L",
      } satisfies PaymentRecord,
    });
  });

  it("refuse zero, negative and future payments, and a repeated transaction id", () => {
    const row = payments();
    expect(errors(row("INV-1", "0.00", "2024-03-05", "", "t1"))[0]!.message).toBe(
      'Amount: "0.00" is zero; a payment must be more than zero',
    );
    expect(errors(row("INV-1", "-5", "2026-03-05", "bitcoin", "t2")).map((e) => e.message)).toEqual([
      'Amount: "-5" is negative; a payment must be more than zero (reversals are not imported)',
      'Paid On: "2026-03-05" is in the future',
      'Method: "bitcoin" is not a payment method we know: use card, ACH, check, cash or other',
    ]);
    expect(row("INV-1", "5", "2024-03-05", "", "t3").ok).toBe(true);
    expect(errors(row("INV-2", "7", "2024-03-06", "", "t3"))[0]!.message).toBe(
      'Transaction ID: "t3" is also the transaction ID of row 4; it must appear once per file',
    );
    expect(errors(row("INV-2", "", "", "", ""))).toHaveLength(3);
  });
});
