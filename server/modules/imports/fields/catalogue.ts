/**
 * The target fields of an import: what each means, whether it is required, an example, and the column name in
 * Recoup's own template. The template file and its column descriptions are generated from this, so they cannot
 * drift from what validation does.
 */

export type ImportKind = "accounts" | "payments";

export const ACCOUNT_FIELDS = [
  "externalRef", "debtorExternalId", "firstName", "lastName", "fullName", "dateOfBirth", "email", "phone", "phone2",
  "address1", "address2", "city", "state", "zip", "currency", "principal", "interest", "fees", "balance",
  "originalBalance", "openedOn", "dueOn", "chargedOffOn", "lastPaymentOn", "originalCreditor", "productType",
  "segment", "tags",
  // Columns of billing-system exports that decide or derive the above; not in Recoup's template.
  "amountPaid", "amountCredited", "documentStatus", "transactionType",
] as const; // prettier-ignore
export type AccountField = (typeof ACCOUNT_FIELDS)[number];

export const PAYMENT_FIELDS = [
  "externalRef",
  "amount",
  "paidOn",
  "method",
  "externalTransactionId",
  "currency",
] as const;
export type PaymentField = (typeof PAYMENT_FIELDS)[number];

export type FieldKey = AccountField | PaymentField;

export type FieldDefinition = {
  key: FieldKey;
  /** The column name in Recoup's template; also how messages name the field when the file lacks it. */
  label: string;
  description: string;
  /** "required", "optional", or the condition under which it is required. */
  required: string | true | false;
  example: string;
  /** Only derived from billing-system exports: not offered in Recoup's template. */
  auxiliary?: true;
};

const f = (
  key: FieldKey,
  label: string,
  required: FieldDefinition["required"],
  example: string,
  description: string,
  auxiliary?: true,
): FieldDefinition => ({ key, label, required, example, description, ...(auxiliary ? { auxiliary } : {}) });

export const ACCOUNT_FIELD_DEFINITIONS: readonly FieldDefinition[] = [
  f("externalRef", "Account Reference", true, "INV-10042",
    "Your unique reference for the debt (account or invoice number). Re-importing a file updates the account with the same reference; it must appear once per file."), // prettier-ignore
  f("debtorExternalId", "Debtor ID", false, "CUST-0087",
    "Your identifier for the person or company that owes. Accounts with the same Debtor ID belong to one debtor; without it debtors are matched by name and date of birth, email or phone."), // prettier-ignore
  f("firstName", "First Name", false, "Maria", "The debtor's first (given) name. Leave empty for a company."),
  f("lastName", "Last Name", "required unless Full Name is given", "Garcia",
    "The debtor's last name (family name), or a company's full name."), // prettier-ignore
  f("fullName", "Full Name", "required unless Last Name is given", "Maria Garcia",
    'Use instead of First and Last Name when your system has one name column. "Last, First" and "First Last" are split; a company name (LLC, Inc, &…) is kept whole as the last name; a single word is a last name; in "Customer:Job" only the customer counts.'), // prettier-ignore
  f(
    "dateOfBirth",
    "Date of Birth",
    false,
    "1984-07-21",
    "The debtor's date of birth; helps match the same person across files.",
  ),
  f("email", "Email", false, "maria.garcia@example.com", "The debtor's email address. One address per cell."),
  f("phone", "Phone", false, "(602) 555-0143",
    "The debtor's main phone number. US numbers may be written in any usual way; others need + and the country code."), // prettier-ignore
  f("phone2", "Phone 2", false, "+1 480 555 0199", "A second phone number."),
  f("address1", "Address 1", "required when any address field is given", "1200 W Washington St",
    "Street address. An address needs Address 1, City, State and ZIP."), // prettier-ignore
  f("address2", "Address 2", false, "Apt 4B", "Apartment, suite or unit."),
  f("city", "City", "required with an address", "Phoenix", "City of the address."),
  f("state", "State", "required with an address", "AZ",
    "US state: 2-letter code or full name. Also sets the account's jurisdiction."), // prettier-ignore
  f("zip", "ZIP", "required with an address", "85007",
    "5-digit ZIP or ZIP+4. Keep leading zeros (02134): format the column as text in your spreadsheet."), // prettier-ignore
  f("currency", "Currency", false, "USD",
    "ISO 4217 code of the amounts. Empty: the currency chosen for the import."), // prettier-ignore
  f("principal", "Principal", false, "1150.00", "Principal part of the balance. Not negative."),
  f("interest", "Interest", false, "42.50", "Interest part of the balance. Not negative."),
  f("fees", "Fees", false, "25.00", "Fees part of the balance. Not negative."),
  f("balance", "Balance", "required unless Principal is given", "1217.50",
    "Total amount owed now. If Principal, Interest and Fees are given they must add up to it; if none is given, the whole balance is principal. Amounts may have $ and thousands separators; (12.00) is negative and refused."), // prettier-ignore
  f("originalBalance", "Original Balance", false, "1500.00", "The amount originally owed (invoice total)."),
  f("openedOn", "Opened On", false, "2023-11-02", "Date the account was opened or the invoice issued."),
  f("dueOn", "Due Date", true, "2024-01-15",
    "Oldest unpaid due date: days past due and the aging bucket are counted from it. Dates may be 2024-01-15, 01/15/2024, 15/01/2024 (choose the order when the file is ambiguous), Jan 15, 2024…"), // prettier-ignore
  f("chargedOffOn", "Charged Off On", false, "2024-07-15", "Date the creditor charged the debt off, if it did."),
  f("lastPaymentOn", "Last Payment On", false, "2024-02-01", "Date of the debtor's last payment."),
  f("originalCreditor", "Original Creditor", false, "Desert Health Partners", "Who the debt was first owed to."),
  f("productType", "Product Type", false, "medical", "Kind of debt (medical, utility, credit card…)."),
  f("segment", "Segment", false, "Q1-2024", "Your own grouping of accounts (portfolio, batch)."),
  f("tags", "Tags", false, "hardship; spanish",
    "Tags separated by ; or |: letters, digits, - and _ only."), // prettier-ignore
  f("amountPaid", "Amount Paid", false, "350.00",
    "Paid so far: with Original Balance it gives the balance when no Balance column exists (Stripe).", true), // prettier-ignore
  f("amountCredited", "Amount Credited", false, "0.00",
    "Credited so far (Xero): Original Balance − Paid − Credited must equal Balance.", true), // prettier-ignore
  f("documentStatus", "Status", false, "open",
    "Invoice status: open, overdue or uncollectible invoices are debts; paid, void and draft ones are refused.", true), // prettier-ignore
  f("transactionType", "Transaction Type", false, "Invoice",
    "QuickBooks transaction type: only Invoice rows are debts.", true), // prettier-ignore
];

export const PAYMENT_FIELD_DEFINITIONS: readonly FieldDefinition[] = [
  f("externalRef", "Account Reference", true, "INV-10042", "Reference of the account the payment is for."),
  f("amount", "Amount", true, "150.00", "Amount paid; more than zero."),
  f("paidOn", "Paid On", true, "2024-03-05", "Date the payment was made."),
  f("method", "Method", false, "card", "card, ACH, check, cash or other (common spellings such as Visa or cheque are understood)."), // prettier-ignore
  f("externalTransactionId", "Transaction ID", true, "ch_3OqK2L",
    "Your system's unique id of the payment: a payment with an id already imported is never posted twice."), // prettier-ignore
  f("currency", "Currency", false, "USD", "ISO 4217 code. Empty: the currency chosen for the import."),
];

/** Fields valid for an import kind. */
export function fieldsOf(kind: ImportKind): readonly FieldKey[] {
  return kind === "accounts" ? ACCOUNT_FIELDS : PAYMENT_FIELDS;
}

export function fieldDefinitions(kind: ImportKind): readonly FieldDefinition[] {
  return kind === "accounts" ? ACCOUNT_FIELD_DEFINITIONS : PAYMENT_FIELD_DEFINITIONS;
}

export function fieldDefinition(kind: ImportKind, key: FieldKey): FieldDefinition | undefined {
  return fieldDefinitions(kind).find((d) => d.key === key);
}

/** A requirement on the mapping: one of the alternatives (each a set of fields) must be mapped entirely. */
export type Requirement = { description: string; anyOf: readonly (readonly FieldKey[])[] };

export const REQUIREMENTS: Record<ImportKind, readonly Requirement[]> = {
  accounts: [
    { description: "Account Reference", anyOf: [["externalRef"]] },
    { description: "Due Date", anyOf: [["dueOn"]] },
    { description: "a debtor name (Last Name or Full Name)", anyOf: [["lastName"], ["fullName"]] },
    {
      description: "a balance (Balance, or Principal, or Original Balance with Amount Paid)",
      anyOf: [["balance"], ["principal"], ["originalBalance", "amountPaid"]],
    },
  ],
  payments: [
    { description: "Account Reference", anyOf: [["externalRef"]] },
    { description: "Amount", anyOf: [["amount"]] },
    { description: "Paid On", anyOf: [["paidOn"]] },
    { description: "Transaction ID", anyOf: [["externalTransactionId"]] },
  ],
};

/** The requirements a set of mapped fields does not meet. */
export function missingRequirements(kind: ImportKind, mapped: Iterable<FieldKey>): Requirement[] {
  const have = new Set(mapped);
  return REQUIREMENTS[kind].filter((r) => !r.anyOf.some((group) => group.every((k) => have.has(k))));
}

export type TemplateColumn = { column: string; required: string; description: string; example: string };

/** Recoup's template: its columns with what each means, for the downloadable template and its legend. */
export function templateColumns(kind: ImportKind): TemplateColumn[] {
  return fieldDefinitions(kind)
    .filter((d) => !d.auxiliary)
    .map((d) => ({
      column: d.label,
      required: d.required === true ? "required" : d.required === false ? "optional" : d.required,
      description: d.description,
      example: d.example,
    }));
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The template as CSV text: the header and one example row (Full Name left empty: First/Last are filled). */
export function templateCsv(kind: ImportKind): string {
  const columns = templateColumns(kind);
  const example = columns.map((c) => (c.column === "Full Name" ? "" : csvCell(c.example)));
  return `${columns.map((c) => csvCell(c.column)).join(",")}\r\n${example.join(",")}\r\n`;
}

/** The legend that goes with the template: one row per column. */
export function templateLegendCsv(kind: ImportKind): string {
  const rows = [["Column", "Required", "Description", "Example"]];
  for (const c of templateColumns(kind)) rows.push([c.column, c.required, c.description, c.example]);
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** Fields holding dates: their columns need a known order of day and month when values are numeric. */
export const DATE_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>([
  "dateOfBirth",
  "openedOn",
  "dueOn",
  "chargedOffOn",
  "lastPaymentOn",
  "paidOn",
]);

/** The parts of a postal address a file must map together once it maps any of them. */
export const ADDRESS_PARTS: readonly FieldKey[] = ["address1", "city", "state", "zip"];
