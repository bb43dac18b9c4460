import {
  ACCOUNT_FIELD_DEFINITIONS,
  missingRequirements,
  PAYMENT_FIELD_DEFINITIONS,
  type FieldKey,
  type ImportKind,
} from "./catalogue";

/** Which field each column of the file goes to, by the column's header text. Unlisted columns are ignored. */
export type ColumnMapping = Record<string, FieldKey>;

const ABBREVIATIONS: Record<string, string> = {
  no: "number", num: "number", nbr: "number", nr: "number", acct: "account", acc: "account", ref: "reference",
  inv: "invoice", amt: "amount", bal: "balance", addr: "address", cust: "customer", orig: "original",
  txn: "transaction", trans: "transaction", pmt: "payment", pymt: "payment", dt: "date", ph: "phone",
  tel: "telephone",
}; // prettier-ignore

/**
 * A header as compared: lower case, "#" read as "number", punctuation and spaces dropped, common abbreviations
 * expanded. "Acct #", "ACCOUNT NO." and "Account Number" all become "accountnumber".
 */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .toLowerCase()
    .replace(/#/g, " number ")
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((t) => ABBREVIATIONS[t] ?? t)
    .join("");
}

export type PresetId = "recoup-accounts" | "recoup-payments" | "quickbooks-ar-aging" | "xero-aged-receivables" | "stripe-invoices"; // prettier-ignore

/** One column of a preset: the header names it goes by (first found wins), and whether detection needs it. */
export type PresetColumn = { headers: readonly string[]; field: FieldKey; required: boolean };

export type Preset = {
  id: PresetId;
  name: string;
  kind: ImportKind;
  description: string;
  columns: readonly PresetColumn[];
};

const col = (field: FieldKey, headers: string[], required = false): PresetColumn => ({ field, headers, required });

export const PRESETS: readonly Preset[] = [
  {
    id: "recoup-accounts",
    name: "Recoup account template",
    kind: "accounts",
    description: "Recoup's own template for accounts (download it with a description of each column).",
    columns: ACCOUNT_FIELD_DEFINITIONS.filter((d) => !d.auxiliary).map((d) =>
      col(d.key, [d.label], d.key === "externalRef" || d.key === "dueOn"),
    ),
  },
  {
    id: "recoup-payments",
    name: "Recoup payment template",
    kind: "payments",
    description: "Recoup's own template for payments.",
    columns: PAYMENT_FIELD_DEFINITIONS.map((d) => col(d.key, [d.label], d.required === true)),
  },
  {
    id: "quickbooks-ar-aging",
    name: 'QuickBooks "A/R Aging Detail"',
    kind: "accounts",
    description:
      "QuickBooks Online's A/R Aging Detail report. Only Invoice rows are debts; payments, credit memos and the " +
      "report's headings and totals are reported as rows that are not debts. Customer is split into first and last name.",
    columns: [
      col("openedOn", ["Date", "Transaction Date"]),
      col("transactionType", ["Transaction Type", "Type"], true),
      col("externalRef", ["Num", "Number"], true),
      col("fullName", ["Customer", "Customer Full Name", "Name"], true),
      col("dueOn", ["Due Date"], true),
      col("originalBalance", ["Amount"]),
      col("balance", ["Open Balance"], true),
      col("currency", ["Currency"]),
    ],
  },
  {
    id: "xero-aged-receivables",
    name: 'Xero "Aged Receivables"',
    kind: "accounts",
    description:
      "Xero's Aged Receivables Detail report. Due is the balance; Total − Paid − Credited must equal it. " +
      "Paid, voided, deleted and draft invoices are not debts. The Invoice Number is the reference when the " +
      "report has one, else Reference.",
    columns: [
      col("openedOn", ["Date", "Invoice Date"]),
      col("externalRef", ["Invoice Number", "Reference"], true),
      col("dueOn", ["Due Date"], true),
      col("documentStatus", ["Status"]),
      col("originalBalance", ["Total"], true),
      col("amountPaid", ["Paid"]),
      col("amountCredited", ["Credited"]),
      col("balance", ["Due"], true),
      col("fullName", ["Contact", "Contact Name"]),
      col("currency", ["Currency", "Currency Code"]),
    ],
  },
  {
    id: "stripe-invoices",
    name: "Stripe invoices export",
    kind: "accounts",
    description:
      "Stripe's invoice export (Dashboard → Invoices → Export). Open, past-due and uncollectible invoices are " +
      "debts; paid, void and draft ones are not. The balance is Amount Remaining, or Amount Due − Amount Paid " +
      "when that column is not exported. The Customer id becomes the debtor id.",
    columns: [
      col("externalRef", ["Number"], true),
      col("originalBalance", ["Amount Due"], true),
      col("amountPaid", ["Amount Paid"], true),
      col("balance", ["Amount Remaining"]),
      col("dueOn", ["Due Date (UTC)"], true),
      col("email", ["Customer Email"]),
      col("fullName", ["Customer Name"]),
      col("phone", ["Customer Phone"]),
      col("debtorExternalId", ["Customer", "Customer ID"]),
      col("currency", ["Currency"]),
      col("openedOn", ["Date (UTC)", "Created (UTC)"]),
      col("documentStatus", ["Status"], true),
    ],
  },
];

export function presetById(id: PresetId): Preset {
  return PRESETS.find((p) => p.id === id)!;
}

/** The mapping a preset gives a header, or null when a column it requires is missing. */
export function applyPreset(preset: Preset, header: readonly string[]): ColumnMapping | null {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const key = normaliseHeader(h);
    if (!index.has(key)) index.set(key, i);
  });
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const column of preset.columns) {
    const at = column.headers.map((h) => index.get(normaliseHeader(h))).find((i) => i !== undefined && !taken.has(i));
    if (at === undefined) {
      if (column.required) return null;
      continue;
    }
    taken.add(at);
    mapping[header[at]!] = column.field;
  }
  return mapping;
}

export type DetectedPreset = { preset: Preset; mapping: ColumnMapping };

/**
 * The preset whose required columns are all in the header (case, spaces and punctuation ignored). When several
 * fit, the one that maps the most columns wins. `kind` restricts the choice.
 */
export function detectPreset(header: readonly string[], kind?: ImportKind): DetectedPreset | null {
  let best: DetectedPreset | null = null;
  let bestSize = 0;
  for (const preset of PRESETS) {
    if (kind && preset.kind !== kind) continue;
    const mapping = applyPreset(preset, header);
    if (!mapping) continue;
    const size = Object.keys(mapping).length;
    if (size > bestSize) {
      best = { preset, mapping };
      bestSize = size;
    }
  }
  return best;
}

/** Header spellings of each field, beyond its template label. Compared after normaliseHeader. */
const ACCOUNT_SYNONYMS: Partial<Record<FieldKey, string[]>> = {
  externalRef: ["Account Ref", "Account Number", "Account #", "Account ID", "Account", "Acct", "Acct #", "Invoice", "Invoice Number", "Invoice #", "Invoice No", "Reference", "Reference Number", "Ref", "Num", "Number", "Loan Number", "Loan ID", "External Ref", "External Reference", "Document Number", "Bill Number", "Claim Number"], // prettier-ignore
  debtorExternalId: ["Customer ID", "Customer Number", "Customer #", "Customer Ref", "Client ID", "Client Number", "Debtor Number", "Debtor Ref", "Borrower ID", "Member ID", "Patient ID", "Contact ID", "Guarantor ID"], // prettier-ignore
  firstName: ["First", "Firstname", "Given Name", "Forename", "FName", "Debtor First Name", "Customer First Name"],
  lastName: ["Last", "Lastname", "Surname", "Family Name", "LName", "Debtor Last Name", "Customer Last Name", "Company", "Company Name", "Business Name"], // prettier-ignore
  fullName: ["Name", "Customer", "Customer Name", "Debtor", "Debtor Name", "Client", "Client Name", "Contact", "Contact Name", "Borrower", "Borrower Name", "Account Name", "Bill To", "Patient Name", "Guarantor Name"], // prettier-ignore
  dateOfBirth: ["DOB", "Birth Date", "Birthdate", "Birthday", "Date Of Birth"],
  email: ["E-mail", "Email Address", "E-mail Address", "Customer Email", "Contact Email", "Debtor Email", "Mail"],
  phone: ["Phone Number", "Telephone", "Tel", "Mobile", "Mobile Phone", "Cell", "Cell Phone", "Primary Phone", "Home Phone", "Phone 1", "Customer Phone", "Contact Phone"], // prettier-ignore
  phone2: ["Phone2", "Secondary Phone", "Alternate Phone", "Alt Phone", "Work Phone", "Other Phone", "Phone Number 2"], // prettier-ignore
  address1: ["Address", "Address Line 1", "Street", "Street Address", "Addr1", "Address1", "Billing Address", "Mailing Address", "Billing Address Line 1"], // prettier-ignore
  address2: ["Address Line 2", "Addr2", "Address2", "Apt", "Suite", "Unit", "Billing Address Line 2"],
  city: ["Town", "Billing City", "Mailing City"],
  state: ["State Code", "Province", "Billing State", "Mailing State", "ST"],
  zip: ["Zip Code", "Zipcode", "Postal Code", "Postcode", "Post Code", "Billing Zip", "Mailing Zip", "Billing Postal Code"], // prettier-ignore
  currency: ["Currency Code", "CCY"],
  principal: ["Principal Balance", "Principal Amount", "Principal Due"],
  interest: ["Interest Balance", "Accrued Interest", "Interest Due"],
  fees: ["Fee", "Fees Balance", "Late Fees", "Fees Due", "Charges"],
  balance: ["Current Balance", "Balance Due", "Amount Due", "Open Balance", "Outstanding", "Outstanding Balance", "Amount Outstanding", "Total Due", "Total Balance", "Amount Owed", "Remaining Balance", "Balance Remaining", "Amount Remaining"], // prettier-ignore
  originalBalance: ["Original Amount", "Invoice Amount", "Invoice Total", "Amount", "Total", "Original Principal", "Placed Balance", "Placement Balance"], // prettier-ignore
  openedOn: ["Opened", "Open Date", "Date Opened", "Account Opened", "Invoice Date", "Date", "Origination Date", "Service Date", "Transaction Date", "Issue Date", "Issued"], // prettier-ignore
  dueOn: ["Due Date", "Payment Due Date", "Due On", "Oldest Due Date", "First Delinquency Date", "Delinquency Date"],
  chargedOffOn: ["Charge Off Date", "Charged Off", "Chargeoff Date", "Charged Off Date", "Charge-Off Date", "Write Off Date"], // prettier-ignore
  lastPaymentOn: ["Last Payment Date", "Last Paid", "Last Payment", "Date Of Last Payment", "Last Pay Date", "LPD"],
  originalCreditor: ["Creditor", "Orig Creditor", "Original Lender", "Lender", "Merchant"],
  productType: ["Product", "Account Type", "Loan Type", "Debt Type", "Service Type"],
  segment: ["Portfolio", "Category", "Class", "Tier", "Batch"],
  tags: ["Tag", "Labels", "Label"],
  amountPaid: ["Paid", "Paid Amount", "Total Paid", "Payments"],
  amountCredited: ["Credited", "Credits", "Credit Amount"],
  documentStatus: ["Status", "Invoice Status"],
  transactionType: ["Transaction Type", "Txn Type"],
};

const PAYMENT_SYNONYMS: Partial<Record<FieldKey, string[]>> = {
  externalRef: ["Account Ref", "Account Number", "Account #", "Account ID", "Account", "Acct", "Acct #", "Invoice", "Invoice Number", "Invoice #", "Reference", "Loan Number"], // prettier-ignore
  amount: ["Payment Amount", "Amount Paid", "Paid Amount", "Paid", "Payment"],
  paidOn: ["Payment Date", "Date Paid", "Paid Date", "Date", "Transaction Date", "Posted Date", "Posting Date", "Received Date", "Effective Date"], // prettier-ignore
  method: ["Payment Method", "Payment Type", "Tender", "Tender Type", "Type", "Channel"],
  externalTransactionId: ["Transaction ID", "Transaction Number", "Transaction Reference", "Txn ID", "Payment ID", "Payment Reference", "Confirmation Number", "Receipt Number", "ID", "External ID", "Charge ID"], // prettier-ignore
  currency: ["Currency Code", "CCY"],
};

function synonymIndex(kind: ImportKind): Map<string, FieldKey> {
  const index = new Map<string, FieldKey>();
  const definitions = kind === "accounts" ? ACCOUNT_FIELD_DEFINITIONS : PAYMENT_FIELD_DEFINITIONS;
  const synonyms = kind === "accounts" ? ACCOUNT_SYNONYMS : PAYMENT_SYNONYMS;
  for (const d of definitions) index.set(normaliseHeader(d.label), d.key);
  for (const [field, names] of Object.entries(synonyms) as [FieldKey, string[]][]) {
    for (const name of names) {
      const key = normaliseHeader(name);
      if (!index.has(key)) index.set(key, field);
    }
  }
  return index;
}

const SYNONYMS: Record<ImportKind, Map<string, FieldKey>> = {
  accounts: synonymIndex("accounts"),
  payments: synonymIndex("payments"),
};

/** The field a header names, by its normalised spelling, or undefined. */
export function fieldForHeader(kind: ImportKind, header: string): FieldKey | undefined {
  return SYNONYMS[kind].get(normaliseHeader(header));
}

export type AutoMapResult = {
  /** The preset recognised, whose mapping was taken as the starting point. */
  preset: PresetId | null;
  mapping: ColumnMapping;
  /** Columns left unmapped (the user may map them by hand). */
  unmapped: string[];
  /** Columns that name a field another column already took. */
  conflicts: { column: string; field: FieldKey; takenBy: string }[];
  /** Requirements the mapping does not meet, in words ("Due Date"). */
  missing: string[];
};

/**
 * A mapping for a header: a recognised preset's, completed by known spellings of each field ("Acct #",
 * "Invoice No" → Account Reference; "Zip Code", "Postal Code" → ZIP…). Says what it left out.
 */
export function autoMap(header: readonly string[], kind: ImportKind): AutoMapResult {
  const detected = detectPreset(header, kind);
  const mapping: ColumnMapping = { ...(detected?.mapping ?? {}) };
  const takenBy = new Map<FieldKey, string>(Object.entries(mapping).map(([column, field]) => [field, column]));
  const unmapped: string[] = [];
  const conflicts: AutoMapResult["conflicts"] = [];
  const seen = new Set<string>();
  for (const column of header) {
    if (seen.has(column)) {
      // A repeated header name cannot be told apart by name: only its first column is mapped.
      unmapped.push(column);
      continue;
    }
    seen.add(column);
    if (column in mapping) continue;
    const field = fieldForHeader(kind, column);
    if (!field) {
      unmapped.push(column);
      continue;
    }
    const other = takenBy.get(field);
    if (other !== undefined) {
      conflicts.push({ column, field, takenBy: other });
      unmapped.push(column);
      continue;
    }
    mapping[column] = field;
    takenBy.set(field, column);
  }
  return {
    preset: detected?.preset.id ?? null,
    mapping,
    unmapped,
    conflicts,
    missing: missingRequirements(kind, Object.values(mapping)).map((r) => r.description),
  };
}
