import type { PhoneType } from "@/server/modules/contacts/contacts.schemas";
import type { TimeZoneSource } from "@/server/modules/contacts/time-zone";
import type { CurrencyCode } from "./currency";
import type { UsStateCode } from "./address";
import type { PaymentMethod } from "./vocab";

/** A row as the file reader yields it: `line` is the row's number in the file, the header being row 1. */
export type Row = { line: number; cells: readonly string[] };

/** One problem of one cell, as the error report lists it. `column` is the file's own header text. */
export type RowError = { line: number; column: string; value: string; message: string };

/** A phone of the debtor, as contact_points stores it. */
export type PhoneContact = {
  kind: "phone";
  /** E.164. */
  value: string;
  phoneType: PhoneType | null;
  country: string;
  timeZone: string | null;
  timeZoneSource: TimeZoneSource | null;
};

export type EmailContact = { kind: "email"; value: string };

/** A postal address; `value` is the one-line form contact_points keeps for display and de-duplication. */
export type AddressContact = {
  kind: "address";
  value: string;
  line1: string;
  line2: string | null;
  city: string;
  state: UsStateCode;
  postalCode: string;
  country: "US";
  timeZone: string | null;
  timeZoneSource: TimeZoneSource | null;
};

export type ContactRecord = PhoneContact | EmailContact | AddressContact;

/**
 * A valid account row, normalised and ready to upsert. Text is trimmed with spaces collapsed (references only
 * trimmed), dates are ISO YYYY-MM-DD, money is integer minor units of `currency`.
 *
 * `null` means "not in this row" (column not mapped, or cell empty): an update should leave the stored value alone
 * rather than erase it. Components are always numbers: when a file gives only a balance, it is all principal.
 */
export type AccountRecord = {
  line: number;
  externalRef: string;
  currency: CurrencyCode;
  debtor: {
    externalId: string | null;
    /** "" for an organization or a one-word name (see splitFullName). */
    firstName: string;
    lastName: string;
    dateOfBirth: string | null;
  };
  /** Distinct contact points in file order: phone, phone 2, email, address (a repeated phone is listed once). */
  contacts: ContactRecord[];
  principalMinor: number;
  interestMinor: number;
  feesMinor: number;
  /** principal + interest + fees, as the database generates it. */
  balanceMinor: number;
  originalBalanceMinor: number | null;
  openedOn: string | null;
  dueOn: string;
  chargedOffOn: string | null;
  lastPaymentOn: string | null;
  originalCreditor: string | null;
  productType: string | null;
  segment: string | null;
  /** Lower-case, distinct; null when the file has no tags for the row. */
  tags: string[] | null;
  /** The address's state (or the State column alone): the account's jurisdiction. */
  jurisdictionState: UsStateCode | null;
};

/** A valid payment row: a payment of `amountMinor` (> 0) on the account with reference `externalRef`. */
export type PaymentRecord = {
  line: number;
  externalRef: string;
  amountMinor: number;
  currency: CurrencyCode;
  paidOn: string;
  method: PaymentMethod | null;
  /** The idempotency key: a transaction id already posted is never posted again. */
  externalTransactionId: string;
};
