import { describe, expect, it } from "vitest";
import { missingRequirements, templateColumns, templateCsv, templateLegendCsv } from "./catalogue";
import { autoMap, detectPreset, fieldForHeader, normaliseHeader } from "./presets";

// Headers as the systems export them.
const QUICKBOOKS = ["Date", "Transaction Type", "Num", "Customer", "Due Date", "Amount", "Open Balance"];
const XERO = ["Date", "Reference", "DueDate", "Status", "Total", "Paid", "Credited", "Due", "Contact"];
const STRIPE = [
  "id", "Amount Due", "Amount Paid", "Amount Remaining", "Attempt Count", "Attempted", "Auto Advance", "Billing",
  "Closed", "Currency", "Customer", "Customer Email", "Customer Name", "Date (UTC)", "Description",
  "Due Date (UTC)", "Number", "Paid", "Status", "Subscription", "Subtotal", "Tax", "Total",
]; // prettier-ignore
const RECOUP = templateColumns("accounts").map((c) => c.column);

describe("normaliseHeader", () => {
  it("ignores case, spaces and punctuation, and expands abbreviations", () => {
    expect(normaliseHeader("Acct #")).toBe("accountnumber");
    expect(normaliseHeader("ACCOUNT NO.")).toBe("accountnumber");
    expect(normaliseHeader("account_number")).toBe("accountnumber");
    expect(normaliseHeader("\uFEFFDue Date")).toBe("duedate");
    expect(normaliseHeader("DueDate")).toBe("duedate");
  });
});

describe("detectPreset", () => {
  it("recognises QuickBooks' A/R Aging Detail", () => {
    const detected = detectPreset(QUICKBOOKS);
    expect(detected?.preset.id).toBe("quickbooks-ar-aging");
    expect(detected?.mapping).toEqual({
      Date: "openedOn",
      "Transaction Type": "transactionType",
      Num: "externalRef",
      Customer: "fullName",
      "Due Date": "dueOn",
      Amount: "originalBalance",
      "Open Balance": "balance",
    });
  });

  it("recognises Xero's Aged Receivables, in any case and spacing", () => {
    const detected = detectPreset(XERO.map((h) => h.toUpperCase()));
    expect(detected?.preset.id).toBe("xero-aged-receivables");
    expect(detected?.mapping).toMatchObject({
      REFERENCE: "externalRef",
      DUEDATE: "dueOn",
      STATUS: "documentStatus",
      TOTAL: "originalBalance",
      PAID: "amountPaid",
      CREDITED: "amountCredited",
      DUE: "balance",
      CONTACT: "fullName",
    });
    // The invoice number is the reference when the report has one.
    expect(detectPreset([...XERO, "Invoice Number"])?.mapping["Invoice Number"]).toBe("externalRef");
  });

  it("recognises Stripe's invoice export", () => {
    const detected = detectPreset(STRIPE);
    expect(detected?.preset.id).toBe("stripe-invoices");
    expect(detected?.mapping).toMatchObject({
      Number: "externalRef",
      "Amount Due": "originalBalance",
      "Amount Paid": "amountPaid",
      "Amount Remaining": "balance",
      "Due Date (UTC)": "dueOn",
      "Customer Email": "email",
      "Customer Name": "fullName",
      Customer: "debtorExternalId",
      Currency: "currency",
      "Date (UTC)": "openedOn",
      Status: "documentStatus",
    });
    expect(detected?.mapping.Total).toBeUndefined();
  });

  it("recognises Recoup's own templates", () => {
    expect(detectPreset(RECOUP)?.preset.id).toBe("recoup-accounts");
    const payments = templateColumns("payments").map((c) => c.column);
    expect(detectPreset(payments)?.preset.id).toBe("recoup-payments");
    expect(detectPreset(payments, "accounts")).toBeNull();
  });

  it("finds nothing when a required column is missing", () => {
    expect(detectPreset(QUICKBOOKS.filter((h) => h !== "Open Balance"))).toBeNull();
    expect(detectPreset(["Foo", "Bar"])).toBeNull();
  });
});

describe("autoMap", () => {
  it("maps common spellings of each field and says what it left out", () => {
    const header = ["Acct #", "Customer No", "First Name", "Surname", "E-mail", "Cell Phone", "Street Address", "City", "ST", "Postal Code", "Balance Due", "DOB", "Invoice Date", "Due Date", "Notes"]; // prettier-ignore
    const result = autoMap(header, "accounts");
    expect(result.preset).toBeNull();
    expect(result.mapping).toEqual({
      "Acct #": "externalRef",
      "Customer No": "debtorExternalId",
      "First Name": "firstName",
      Surname: "lastName",
      "E-mail": "email",
      "Cell Phone": "phone",
      "Street Address": "address1",
      City: "city",
      ST: "state",
      "Postal Code": "zip",
      "Balance Due": "balance",
      DOB: "dateOfBirth",
      "Invoice Date": "openedOn",
      "Due Date": "dueOn",
    });
    expect(result.unmapped).toEqual(["Notes"]);
    expect(result.missing).toEqual([]);
  });

  it("recognises reference spellings", () => {
    for (const h of [
      "Acct #",
      "Account Number",
      "Invoice No",
      "Invoice #",
      "Account No.",
      "Loan Number",
      "Reference",
    ]) {
      expect(fieldForHeader("accounts", h), h).toBe("externalRef");
    }
    for (const h of ["Zip Code", "ZIP", "Postal Code", "zipcode", "Post Code"]) {
      expect(fieldForHeader("accounts", h), h).toBe("zip");
    }
    expect(fieldForHeader("payments", "Payment Date")).toBe("paidOn");
    expect(fieldForHeader("payments", "Txn ID")).toBe("externalTransactionId");
  });

  it("starts from a detected preset and reports missing requirements and conflicts", () => {
    const result = autoMap([...XERO.filter((h) => h !== "Contact"), "Phone", "Amount Outstanding"], "accounts");
    expect(result.preset).toBe("xero-aged-receivables");
    expect(result.mapping.Phone).toBe("phone");
    expect(result.conflicts).toEqual([{ column: "Amount Outstanding", field: "balance", takenBy: "Due" }]);
    expect(result.missing).toEqual(["a debtor name (Last Name or Full Name)"]);
  });

  it("maps only the first of two columns with the same name", () => {
    const result = autoMap(["Account Number", "Phone", "Phone", "Due Date", "Name", "Balance"], "accounts");
    expect(result.mapping.Phone).toBe("phone");
    expect(result.unmapped).toEqual(["Phone"]);
  });
});

describe("catalogue", () => {
  it("states what an account file needs", () => {
    expect(missingRequirements("accounts", ["externalRef"]).map((r) => r.description)).toEqual([
      "Due Date",
      "a debtor name (Last Name or Full Name)",
      "a balance (Balance, or Principal, or Original Balance with Amount Paid)",
    ]);
    expect(missingRequirements("accounts", ["externalRef", "dueOn", "fullName", "originalBalance", "amountPaid"])).toEqual([]); // prettier-ignore
    expect(missingRequirements("payments", ["externalRef", "amount", "paidOn"]).map((r) => r.description)).toEqual([
      "Transaction ID",
    ]);
  });

  it("builds a template whose columns are all described, with a valid example row", () => {
    const columns = templateColumns("accounts");
    expect(columns.every((c) => c.description.length > 10 && c.example)).toBe(true);
    expect(columns.map((c) => c.column)).not.toContain("Status"); // export-only fields stay out
    const [header, example] = templateCsv("accounts").split("\r\n");
    expect(header!.split(",")).toEqual(columns.map((c) => c.column));
    expect(example!.split(",").length).toBe(columns.length);
    expect(templateLegendCsv("payments").split("\r\n")[0]).toBe("Column,Required,Description,Example");
  });
});
