import { CURRENCY_SYMBOLS, currencyExponent, isCurrencyCode } from "./currency";
import type { Failure, Parsed } from "./types";

/** The decimal mark of a file's amounts; unknown means "US style, but flag what only a comma-decimal file means". */
export type DecimalSeparator = "." | ",";

export type AmountOptions = {
  /** The row's currency: sets how many decimals are allowed, and must agree with a symbol or code in the cell. */
  currency: string;
  decimalSeparator?: DecimalSeparator;
};

const fail = (text: string, why: string): Failure => ({ ok: false, message: `"${text}" ${why}` });

const COMMA_HINT = "if this file writes amounts with a decimal comma (1.234,56), set its decimal separator to comma";

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Spaces, no-break spaces and apostrophes group thousands in many locales ("1 234,56", "1'234.56"). */
function isSpaceGroup(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 39 || c === 0x2019;
}

type Markers = { sign: -1 | 0 | 1; currency: string | undefined } | null;
const DOLLAR: Markers = { sign: 0, currency: "$" };
const MINUS: Markers = { sign: -1, currency: undefined };
const NONE = { sign: 0, currency: undefined } as const;

/** The text around the number: at most one sign and at most one currency symbol or code, in either order. */
function readMarkers(part: string): Markers {
  if (part === "$") return DOLLAR;
  if (part === "-") return MINUS;
  let p = part.replace(/\s+/g, "");
  let sign: -1 | 0 | 1 = 0;
  const first = p[0];
  if (first === "-" || first === "−" || first === "+") {
    sign = first === "+" ? 1 : -1;
    p = p.slice(1);
  }
  const last = p[p.length - 1];
  if (last === "-" || last === "−" || last === "+") {
    if (sign !== 0) return null;
    sign = last === "+" ? 1 : -1;
    p = p.slice(0, -1);
  }
  if (!p) return { sign, currency: undefined };
  return CURRENCY_SYMBOLS.has(p) || isCurrencyCode(p.toUpperCase()) ? { sign, currency: p } : null;
}

/**
 * The value of the integer part, checking thousands groups (1–3 digits, then groups of exactly 3; a grouped
 * number does not start with 0): -1 when the grouping is wrong. Digits are accumulated as an integer, which is
 * exact while it stays below 2^53 (larger values are refused by the caller).
 */
function integerValue(text: string, from: number, to: number, group: number | null): number {
  let value = 0;
  let run = 0;
  let groups = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      value = value * 10 + (c - 48);
      run++;
      continue;
    }
    if (group === null || (c !== group && !(isSpaceGroup(c) && isSpaceGroup(group)))) return -1;
    if (groups === 0 ? run < 1 || run > 3 : run !== 3) return -1;
    run = 0;
    groups++;
  }
  if (groups > 0 && (run !== 3 || text.charCodeAt(from) === 48)) return -1;
  return value;
}

/**
 * An amount cell → signed integer minor units of `currency`. The digits are read as text, never through floats:
 * "$1,234.56" → 123456, "(12.00)" and "12.00-" → -1200, "USD 10" → 1000, "1.234,56 €" → 123456 only when the
 * file's decimal separator is a comma. What cannot be read one way only is refused, saying why.
 */
export function parseAmount(raw: string, options: AmountOptions): Parsed<number> {
  const r = amountOr(raw, options);
  return typeof r === "number" ? { ok: true, value: r } : r;
}

/** parseAmount without the result object: the minor units, or a Failure. */
export function amountOr(raw: string, options: AmountOptions): number | Failure {
  const text = raw.trim();
  if (!text) return { ok: false, message: "is empty" };
  let s = text;
  let parens = false;
  if (s.charCodeAt(0) === 40 /* ( */ && s.charCodeAt(s.length - 1) === 41 /* ) */) {
    parens = true;
    s = s.slice(1, -1).trim();
  }
  // Split "<markers><number><markers>": the number starts at the first digit or mark, ends at the last digit.
  let start = 0;
  while (start < s.length) {
    const c = s.charCodeAt(start);
    if (isDigit(c) || ((c === 46 || c === 44) && isDigit(s.charCodeAt(start + 1)))) break;
    start++;
  }
  let end = s.length;
  while (end > start && !isDigit(s.charCodeAt(end - 1))) end--;
  if (start >= end) return fail(text, "is not an amount");
  const before = start > 0 ? readMarkers(s.slice(0, start)) : NONE;
  const after = end < s.length ? readMarkers(s.slice(end)) : NONE;
  if (!before || !after) return fail(text, "is not an amount");
  if (before.sign && after.sign) return fail(text, "is not an amount: it has two signs");
  if (before.currency && after.currency) return fail(text, "is not an amount: it names a currency twice");
  const sign = before.sign || after.sign;
  if (parens && sign) return fail(text, "is not an amount: it has both parentheses and a sign");
  const negative = parens || sign === -1;

  // The number s[start, end): digits, "." and ",", and space-like group separators (read in place, no copies).
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  let spaces = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) continue;
    if (c === 46) {
      dots++;
      lastDot = i;
    } else if (c === 44) {
      commas++;
      lastComma = i;
    } else if (isSpaceGroup(c)) spaces++;
    else {
      if (/^[\d.]+E[+-]?\d+$/i.test(s.slice(start, end))) {
        return fail(
          text,
          "is in scientific notation (a spreadsheet's display of a long number): export the exact amount",
        );
      }
      return fail(text, "is not an amount");
    }
  }

  let decimalAt = -1;
  let group: number | null = null;
  const known = options.decimalSeparator;
  if (known === ".") {
    if (dots > 1) return fail(text, "is not an amount: it has more than one decimal point");
    decimalAt = lastDot;
    if (commas) group = 44;
  } else if (known === ",") {
    if (commas > 1) return fail(text, "is not an amount: it has more than one decimal comma");
    decimalAt = lastComma;
    if (dots) group = 46;
  } else if (dots && commas) {
    if (lastComma > lastDot) return fail(text, `is not an amount in this file's format: ${COMMA_HINT}`);
    if (dots > 1) return fail(text, "is not an amount: it has more than one decimal point");
    decimalAt = lastDot;
    group = 44;
  } else if (dots > 1) {
    return fail(text, `is not an amount in this file's format: ${COMMA_HINT}`);
  } else if (dots === 1) {
    // "12.345": three digits after a single dot read as a decimal fraction or as thousands: never guessed.
    const integerLength = lastDot - start;
    if (end - lastDot - 1 === 3 && !spaces && integerLength >= 1 && integerLength <= 3 && s.charCodeAt(start) !== 48) {
      const whole = `${s.slice(start, lastDot)},${s.slice(lastDot + 1, end)}`;
      return fail(
        text,
        `is ambiguous: it is ${whole} if the dot groups thousands, or ${s.slice(start, end)} if it is a decimal ` +
          "point; set this file's decimal separator",
      );
    }
    decimalAt = lastDot;
  } else if (commas) {
    // US convention by default: a comma groups thousands, so it must be followed by exactly 3 digits.
    group = 44;
  }
  if (spaces) {
    if (group !== null) return fail(text, "is not an amount: it mixes two kinds of thousands separators");
    group = 32;
  }

  const integerEnd = decimalAt < 0 ? end : decimalAt;
  const integer = integerEnd === start ? 0 : integerValue(s, start, integerEnd, group);
  if (integer < 0) {
    return known === undefined && commas && !dots
      ? fail(text, `is not an amount in this file's format: ${COMMA_HINT}`)
      : fail(text, "is not an amount: its thousands separators are misplaced");
  }
  const fractionStart = decimalAt < 0 ? end : decimalAt + 1;
  if (decimalAt >= 0 && fractionStart === end) {
    return fail(text, "is not an amount: nothing follows the decimal mark");
  }

  const currency = before.currency ?? after.currency;
  if (currency) {
    const upper = currency.toUpperCase();
    const means = CURRENCY_SYMBOLS.get(currency) ?? (isCurrencyCode(upper) ? [upper] : []);
    if (!means.includes(options.currency)) {
      return fail(
        text,
        `is in ${means.length === 1 ? means[0] : `"${currency}"`}, but this row's currency is ${options.currency}`,
      );
    }
  }

  const exponent = currencyExponent(options.currency);
  const places = end - fractionStart;
  let cents = 0;
  for (let i = 0; i < places; i++) {
    const c = s.charCodeAt(fractionStart + i);
    if (!isDigit(c)) return fail(text, "is not an amount");
    if (i < exponent) cents = cents * 10 + (c - 48);
    else if (c !== 48) {
      // Extra zeros lose nothing ("12.500" is 12.50); an extra significant digit would be rounding.
      const count = places === 1 ? "1 decimal place" : `${places} decimal places`;
      return fail(text, `has ${count}; ${options.currency} amounts have ${exponent === 0 ? "none" : exponent}`);
    }
  }
  for (let i = places; i < exponent; i++) cents *= 10;
  const scale = POWERS[exponent]!;
  if (integer > (Number.MAX_SAFE_INTEGER - cents) / scale) return fail(text, "is too large to be an amount");
  const minor = integer * scale + cents;
  return negative && minor !== 0 ? -minor : minor;
}

const POWERS = [1, 10, 100, 1000, 10000];
