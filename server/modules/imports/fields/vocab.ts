import type { Parsed } from "./types";

const key = (raw: string) =>
  raw
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");

/**
 * Invoice statuses of billing systems (Xero, Stripe, generic): which ones are debts to collect. An unknown status
 * is refused rather than assumed to be owed.
 */
const DEBT_STATUSES = new Set([
  "open", "overdue", "past due", "uncollectible", "authorised", "authorized", "awaiting payment", "unpaid",
  "outstanding", "partially paid", "partial", "due", "delinquent", "sent", "written off", "charged off", "in collections",
]); // prettier-ignore
const NOT_DEBTS = new Map<string, string>([
  ["paid", "is paid"],
  ["paid in full", "is paid"],
  ["void", "is void"],
  ["voided", "is void"],
  ["draft", "is a draft, not yet sent"],
  ["deleted", "is deleted"],
  ["cancelled", "is cancelled"],
  ["canceled", "is cancelled"],
  ["submitted", "is still awaiting approval"],
  ["refunded", "is refunded"],
  ["credited", "is credited"],
]);

/** A status cell: debts pass (value true); paid, void and draft invoices are refused as not debts. */
export function parseDocumentStatus(raw: string): Parsed<true> {
  const text = raw.trim();
  if (!text) return { ok: false, message: "is empty: only open, overdue or uncollectible invoices are debts" };
  const k = key(text);
  if (DEBT_STATUSES.has(k)) return { ok: true, value: true };
  const why = NOT_DEBTS.get(k);
  if (why) return { ok: false, message: `"${text}": this invoice ${why}, so it is not a debt to collect` };
  return {
    ok: false,
    message: `"${text}" is not a status we know: open, overdue and uncollectible invoices are debts; paid, void and draft ones are not`,
  };
}

/** QuickBooks' Transaction Type: only invoices are debts (payments, credit memos… are other lines of the report). */
export function parseTransactionType(raw: string): Parsed<true> {
  const text = raw.trim();
  if (key(text) === "invoice") return { ok: true, value: true };
  if (!text) return { ok: false, message: "is empty: only Invoice rows are debts" };
  return { ok: false, message: `"${text}" is not an Invoice: only Invoice rows are imported as debts` };
}

export const PAYMENT_METHODS = ["card", "ach", "check", "cash", "other"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

const METHOD_WORDS: [PaymentMethod, string[]][] = [
  ["card", ["card", "credit card", "debit card", "cc", "credit", "debit", "visa", "mastercard", "master card", "mc", "amex", "american express", "discover", "card payment"]], // prettier-ignore
  ["ach", ["ach", "bank transfer", "eft", "direct debit", "echeck", "e check", "electronic check", "bank", "bank draft", "ach debit", "ach credit"]], // prettier-ignore
  ["check", ["check", "cheque", "chk", "ck", "paper check", "cashiers check", "cashier's check", "personal check"]], // prettier-ignore
  ["cash", ["cash"]],
  // Known ways to pay that are none of the four: "other" says exactly that, it is not a guess.
  ["other", ["other", "wire", "wire transfer", "money order", "paypal", "venmo", "zelle", "cash app", "western union"]], // prettier-ignore
];
const METHODS = new Map<string, PaymentMethod>(
  METHOD_WORDS.flatMap(([method, words]) => words.map((w) => [w, method])),
);

/** A payment method cell → card, ach, check, cash or other; unknown spellings are refused. */
export function parsePaymentMethod(raw: string): Parsed<PaymentMethod> {
  const text = raw.trim();
  if (!text) return { ok: false, message: "is empty" };
  const method = METHODS.get(key(text).replace(/\./g, ""));
  if (method) return { ok: true, value: method };
  return {
    ok: false,
    message: `"${text}" is not a payment method we know: use card, ACH, check, cash or other`,
  };
}
