/**
 * The validation notice of Regulation F (12 CFR 1006.34): when it is owed (VAL-01, VAL-02, MA-05), the validation
 * period it opens (VAL-03), and the itemization of the debt it must show (VAL-06, VAL-07). Pure functions of
 * their inputs: the caller supplies "today" and every recorded fact.
 */
import { addBusinessDays, addDays, assertPlainDate, daysBetween, isPlainDate, type PlainDate } from "./calendar";

/** Reg F 1006.34(b)(5): receipt may be assumed at least five days (excluding weekends and holidays) after sending. */
const ASSUMED_RECEIPT_BUSINESS_DAYS = 5;
/** Reg F 1006.34(b)(5): the validation period ends 30 days after the consumer receives the information. */
const VALIDATION_PERIOD_DAYS = 30;
/** Reg F 1006.34(a)(1)(i)(B): a separate notice is due within five days of the initial communication. */
const VALIDATION_DUE_DAYS = 5;

/**
 * Reg F 1006.34(b)(5): the collector may assume the consumer received the validation information on any date that
 * is at least five days, excluding legal public holidays (5 U.S.C. 6103(a)), Saturdays and Sundays, after it was
 * provided. The earliest such date is taken (with DD-7's observed holidays also skipped).
 */
export function assumedReceiptOn(providedOn: PlainDate): PlainDate {
  return addBusinessDays(providedOn, ASSUMED_RECEIPT_BUSINESS_DAYS);
}

/**
 * Reg F 1006.34(b)(5): the validation period ends 30 days after the (assumed) receipt. The date is printed on the
 * notice as is: it is never moved back when it falls on a weekend or holiday (VAL-03), since that would shorten
 * the consumer's time to dispute.
 */
export function validationPeriodEndsOn(providedOn: PlainDate): PlainDate {
  return addDays(assumedReceiptOn(providedOn), VALIDATION_PERIOD_DAYS);
}

function isMassachusetts(state: string | undefined): boolean {
  return state?.trim().toUpperCase() === "MA";
}

/**
 * The last day on which a separate validation notice may be sent.
 * Reg F 1006.34(a)(1)(i)(B) (and FDCPA 1692g(a)): within five days of the initial communication, counted in
 * calendar days. Massachusetts, 940 CMR 7.08(1) (MA-05): within five business days, counted here on the federal
 * holiday calendar.
 */
export function validationDueOn(initialCommunicationOn: PlainDate, state?: string): PlainDate {
  return isMassachusetts(state)
    ? addBusinessDays(initialCommunicationOn, VALIDATION_DUE_DAYS)
    : addDays(initialCommunicationOn, VALIDATION_DUE_DAYS);
}

export type ValidationStatusInput = {
  /** The first communication conveying information about the debt (1006.34(b)(2)); absent when none yet. */
  initialCommunicationOn?: PlainDate;
  /** The first validation notice provided for the debt, in any language. */
  noticeProvidedOn?: PlainDate;
  paidInFullOn?: PlainDate;
  /** The first communication was a formal pleading, such as a bankruptcy proof of claim (comment 34(b)(2)-1). */
  pleadingOnly?: boolean;
  /** Two-letter state of the consumer; "MA" counts business days (940 CMR 7.08). */
  state?: string;
  today: PlainDate;
};

export type ValidationStatus = {
  /** A validation notice is still owed. */
  required: boolean;
  /** Present while the notice is owed: the last day to send it. */
  dueOn?: PlainDate;
  /** Owed and `today` is past `dueOn`: collection stops until it is sent (VAL-01). */
  overdue: boolean;
  reason: string;
};

/**
 * Whether a validation notice is owed as of `today` (VAL-01). Facts dated after `today` have not happened yet and
 * are ignored, so the answer is the same whether the caller filters them or not.
 */
export function validationStatus(input: ValidationStatusInput): ValidationStatus {
  const { today } = input;
  assertPlainDate(today);
  const happened = (date: PlainDate | undefined): date is PlainDate => {
    if (date === undefined) return false;
    assertPlainDate(date);
    return daysBetween(date, today) >= 0;
  };
  const notRequired = (reason: string): ValidationStatus => ({ required: false, overdue: false, reason });

  if (!happened(input.initialCommunicationOn))
    return notRequired("No initial communication about the debt yet, so no validation notice is owed (1006.34(a)(1))");
  // Comment 34(b)(2)-1: a proof of claim in bankruptcy is a formal pleading, which is not an initial communication.
  if (input.pleadingOnly)
    return notRequired(
      "The first communication was a formal pleading (e.g. a bankruptcy proof of claim), not an initial communication (1006.34(b)(2), comment 34(b)(2)-1)",
    );
  if (happened(input.noticeProvidedOn))
    return notRequired(`The validation notice was provided on ${input.noticeProvidedOn}`);

  const initial = input.initialCommunicationOn;
  const dueOn = validationDueOn(initial, input.state);
  // Reg F 1006.34(a)(2): no separate notice is owed if the consumer paid the debt before it would have been due.
  if (happened(input.paidInFullOn) && daysBetween(input.paidInFullOn, dueOn) >= 0)
    return notRequired(
      `The debt was paid in full on ${input.paidInFullOn}, before the notice was due on ${dueOn} (1006.34(a)(2))`,
    );

  const rule = isMassachusetts(input.state)
    ? "five business days after the initial communication (940 CMR 7.08)"
    : "five days after the initial communication (1006.34(a)(1)(i)(B))";
  const overdue = daysBetween(dueOn, today) > 0;
  return {
    required: true,
    dueOn,
    overdue,
    reason: overdue
      ? `The validation notice was due by ${dueOn}, ${rule}, and has not been provided`
      : `The validation notice is due by ${dueOn}, ${rule}`,
  };
}

/** Reg F 1006.34(b)(3)(i)–(v): the five reference dates a collector may choose as the itemization date. */
export const ITEMIZATION_DATE_TYPES = [
  "last_statement",
  "charge_off",
  "last_payment",
  "transaction",
  "judgment",
] as const;
export type ItemizationDateType = (typeof ITEMIZATION_DATE_TYPES)[number];

export type ItemizationInput = {
  itemizationDateType: ItemizationDateType;
  itemizationOn: PlainDate;
  /** ISO 4217 code, e.g. "USD". */
  currency: string;
  /** 1006.34(c)(2)(vii): the amount of the debt on the itemization date. */
  amountOnItemizationMinor: number;
  /** 1006.34(c)(2)(viii): interest, fees, payments and credits since the itemization date. */
  interestSinceMinor: number;
  feesSinceMinor: number;
  paymentsAndCreditsSinceMinor: number;
  /** 1006.34(c)(2)(ix): the current amount, when the source system states one; checked against the sum. */
  currentAmountMinor?: number;
  /** The reference date each figure was taken from; all must be the itemization date (VAL-07). */
  sources?: { accountNumber?: ItemizationDateType; creditor?: ItemizationDateType; amount?: ItemizationDateType };
};

export type ItemizationNotice = {
  itemizationDateType: ItemizationDateType;
  itemizationOn: PlainDate;
  currency: string;
  amountOnItemizationMinor: number;
  interestSinceMinor: number;
  feesSinceMinor: number;
  paymentsAndCreditsSinceMinor: number;
  currentAmountMinor: number;
};

export type ItemizationError = { rule: string; field: string; message: string };

export type ItemizationResult = { ok: true; notice: ItemizationNotice } | { ok: false; errors: ItemizationError[] };

const AMOUNT_FIELDS = [
  "amountOnItemizationMinor",
  "interestSinceMinor",
  "feesSinceMinor",
  "paymentsAndCreditsSinceMinor",
] as const;

/** Minor units as "$1,234.50" (or "1,234.50 EUR"), with integer arithmetic only: no float ever rounds a cent. */
export function formatMinorAmount(minor: number, currency = "USD"): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  const major = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+$)/g, ",");
  const cents = String(abs % 100).padStart(2, "0");
  return currency === "USD" ? `${sign}$${major}.${cents}` : `${sign}${major}.${cents} ${currency}`;
}

/**
 * The itemization figures of the validation notice (1006.34(c)(2)(vi)–(ix)), checked before they are printed:
 * every amount a whole number of minor units, the current amount equal to the amount on the itemization date plus
 * interest and fees less payments and credits (VAL-06), and every figure taken from the same reference date
 * (VAL-07). The input is checked at run time too, since it often comes from imported files.
 */
export function buildItemization(input: ItemizationInput): ItemizationResult {
  const errors: ItemizationError[] = [];
  const fail = (rule: string, field: string, message: string) => errors.push({ rule, field, message });

  const dateTypeKnown = (ITEMIZATION_DATE_TYPES as readonly unknown[]).includes(input.itemizationDateType);
  if (!dateTypeKnown)
    fail(
      "VAL-07",
      "itemizationDateType",
      `The itemization date must be one of ${ITEMIZATION_DATE_TYPES.join(", ")} (1006.34(b)(3)); got ${JSON.stringify(input.itemizationDateType)}`,
    );
  if (!isPlainDate(input.itemizationOn))
    fail(
      "VAL-06",
      "itemizationOn",
      `The itemization date must be a "YYYY-MM-DD" date (1006.34(c)(2)(vi)); got ${JSON.stringify(input.itemizationOn)}`,
    );
  const currencyValid = typeof input.currency === "string" && /^[A-Z]{3}$/.test(input.currency);
  if (!currencyValid)
    fail(
      "VAL-06",
      "currency",
      `The currency must be a three-letter ISO 4217 code; got ${JSON.stringify(input.currency)}`,
    );
  const currency = currencyValid ? input.currency : "USD";

  // Money is integer minor units: a fraction of a cent or a negative figure cannot be printed on the notice.
  const validAmount = (value: unknown): value is number =>
    typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
  for (const field of AMOUNT_FIELDS)
    if (!validAmount(input[field]))
      fail(
        "VAL-06",
        field,
        `${field} must be a whole number of minor units, zero or more; got ${String(input[field])}`,
      );
  if (input.currentAmountMinor !== undefined && !validAmount(input.currentAmountMinor))
    fail(
      "VAL-06",
      "currentAmountMinor",
      `currentAmountMinor must be a whole number of minor units, zero or more; got ${String(input.currentAmountMinor)}`,
    );

  let currentAmountMinor: number | undefined;
  if (AMOUNT_FIELDS.every((field) => validAmount(input[field]))) {
    const { amountOnItemizationMinor, interestSinceMinor, feesSinceMinor, paymentsAndCreditsSinceMinor } = input;
    const computed = amountOnItemizationMinor + interestSinceMinor + feesSinceMinor - paymentsAndCreditsSinceMinor;
    const fmt = (minor: number) => formatMinorAmount(minor, currency);
    const sum = `${fmt(amountOnItemizationMinor)} + ${fmt(interestSinceMinor)} interest + ${fmt(feesSinceMinor)} fees - ${fmt(paymentsAndCreditsSinceMinor)} payments and credits`;
    if (!Number.isSafeInteger(computed))
      fail("VAL-06", "currentAmountMinor", `The current amount (${sum}) is too large to compute exactly`);
    else if (computed < 0)
      fail(
        "VAL-06",
        "paymentsAndCreditsSinceMinor",
        `Payments and credits exceed the debt: ${sum} = ${fmt(computed)}; there is no amount to collect (1006.34(c)(2)(ix))`,
      );
    // Reg F 1006.34(c)(2)(viii)–(ix): the current amount must reconcile with the itemization the consumer sees.
    else if (validAmount(input.currentAmountMinor) && input.currentAmountMinor !== computed)
      fail(
        "VAL-06",
        "currentAmountMinor",
        `The stated current amount ${fmt(input.currentAmountMinor)} does not equal the itemization ${sum} = ${fmt(computed)} (1006.34(c)(2)(ix))`,
      );
    else currentAmountMinor = computed;
  }

  // Comment 34(b)(3)-1: once a reference date is used for a debt, every 1006.34(c) figure must use that same date;
  // e.g. an account number from the last statement date with an amount from the charge-off date is not allowed.
  for (const [field, source] of Object.entries(input.sources ?? {}))
    if (source !== undefined && source !== input.itemizationDateType)
      fail(
        "VAL-07",
        `sources.${field}`,
        `The ${field === "accountNumber" ? "account number" : field} is taken from the ${String(source).replaceAll("_", " ")} date, but the itemization date is the ${String(input.itemizationDateType).replaceAll("_", " ")} date; every figure must come from the same reference date (comment 34(b)(3)-1)`,
      );

  if (errors.length || currentAmountMinor === undefined) return { ok: false, errors };
  return {
    ok: true,
    notice: {
      itemizationDateType: input.itemizationDateType,
      itemizationOn: input.itemizationOn,
      currency,
      amountOnItemizationMinor: input.amountOnItemizationMinor,
      interestSinceMinor: input.interestSinceMinor,
      feesSinceMinor: input.feesSinceMinor,
      paymentsAndCreditsSinceMinor: input.paymentsAndCreditsSinceMinor,
      currentAmountMinor,
    },
  };
}
