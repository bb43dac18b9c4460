import type { Parsed } from "./types";

/**
 * ISO 4217 currencies a debt can be in (active national currencies; no funds, metals or test codes). A fixed list
 * rather than the runtime's, so what a file may contain does not change with the Node version.
 */
export const CURRENCY_CODES = [
  "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD", "BIF",
  "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLP", "CNY", "COP", "CRC",
  "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS",
  "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD",
  "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL",
  "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD",
  "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD",
  "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP",
  "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VES",
  "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
] as const; // prettier-ignore

export type CurrencyCode = (typeof CURRENCY_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(CURRENCY_CODES);
const exponents = new Map<string, number>();

export function isCurrencyCode(code: string): code is CurrencyCode {
  return KNOWN.has(code);
}

/**
 * Digits after the decimal mark. Taken from Intl, exactly as server/lib/money.ts formats amounts, so that an amount
 * imported as minor units is shown back as the same amount (Intl and ISO disagree for a few, e.g. HUF, IDR: 0).
 */
export function currencyExponent(code: string): number {
  let digits = exponents.get(code);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en-US", { style: "currency", currency: code }).resolvedOptions()
      .maximumFractionDigits!;
    exponents.set(code, digits);
  }
  return digits;
}

/** A currency cell: a 3-letter ISO code in any case ("usd" from Stripe). */
export function parseCurrency(raw: string): Parsed<CurrencyCode> {
  const text = raw.trim();
  if (!text) return { ok: false, message: "is empty: enter a 3-letter currency code such as USD" };
  const code = text.toUpperCase();
  if (isCurrencyCode(code)) return { ok: true, value: code };
  return /^[A-Z]{3}$/.test(code)
    ? { ok: false, message: `"${text}" is not a currency we know: use an ISO 4217 code such as USD, CAD or EUR` }
    : { ok: false, message: `"${text}" is not a currency code: use 3 letters such as USD, CAD or EUR` };
}

/** Symbols an amount may carry, and the currencies each can stand for. */
const DOLLARS = ["USD", "CAD", "AUD", "NZD", "HKD", "SGD", "MXN", "BSD", "BBD", "BZD", "BMD", "KYD", "XCD", "JMD", "TTD", "TWD", "FJD", "GYD", "LRD", "NAD", "SBD", "SRD", "BND", "CLP", "COP", "ARS", "CUP", "DOP", "UYU"]; // prettier-ignore
export const CURRENCY_SYMBOLS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["$", DOLLARS],
  ["US$", ["USD"]],
  ["C$", ["CAD"]],
  ["CA$", ["CAD"]],
  ["A$", ["AUD"]],
  ["AU$", ["AUD"]],
  ["NZ$", ["NZD"]],
  ["HK$", ["HKD"]],
  ["S$", ["SGD"]],
  ["MX$", ["MXN"]],
  ["R$", ["BRL"]],
  ["€", ["EUR"]],
  ["£", ["GBP", "GIP", "FKP", "SHP", "EGP"]],
  ["¥", ["JPY", "CNY"]],
  ["₹", ["INR"]],
  ["₩", ["KRW"]],
  ["₱", ["PHP"]],
  ["₪", ["ILS"]],
  ["₦", ["NGN"]],
  ["₽", ["RUB"]],
  ["₺", ["TRY"]],
  ["₫", ["VND"]],
  ["zł", ["PLN"]],
  ["kr", ["SEK", "NOK", "DKK", "ISK"]],
  ["Fr", ["CHF"]],
]);
