/**
 * Print formatting for letters. Both helpers are pure integer/string work: a letter must print the same amount
 * and the same date whatever the machine's locale, ICU data or time zone (a notice's validation end date moving
 * by a day because the renderer ran in UTC would misstate the consumer's deadline, Reg F 1006.34(c)(3)).
 */
import type { MoneyValue, PostalAddress } from "./types";

export type LetterLanguage = "en" | "es";

const MONTHS: Record<LetterLanguage, readonly string[]> = {
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  es: [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
  ],
};

export type CalendarDate = { year: number; month: number; day: number };

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Reads "YYYY-MM-DD" by its digits (never `new Date(...)`, which applies a time zone). */
export function parseCalendarDate(value: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new Error(`Expected a "YYYY-MM-DD" date, got ${JSON.stringify(value)}`);
  const [, y, m, d] = match;
  const date = { year: Number(y), month: Number(m), day: Number(d) };
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date.year, date.month)) {
    throw new Error(`Not a calendar date: ${JSON.stringify(value)}`);
  }
  return date;
}

/** "April 8, 2026" in English, "8 de abril de 2026" in Spanish. */
export function formatLetterDate(value: string, language: LetterLanguage): string {
  const { year, month, day } = parseCalendarDate(value);
  const name = MONTHS[language][month - 1] ?? "";
  return language === "es" ? `${day} de ${name} de ${year}` : `${name} ${day}, ${year}`;
}

/**
 * The currencies a letter may print, with their minor-unit exponent (ISO 4217) and printed prefix. An unknown
 * currency is an error rather than a guess: printing 1,000 yen as "10.00" would misstate the debt.
 */
const CURRENCIES: Record<string, { exponent: number; prefix: string }> = {
  USD: { exponent: 2, prefix: "$" },
  CAD: { exponent: 2, prefix: "CA$" },
  MXN: { exponent: 2, prefix: "MX$" },
  EUR: { exponent: 2, prefix: "€" },
  GBP: { exponent: 2, prefix: "£" },
};

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * "$2,234.50" from 223450 USD minor units, with integer arithmetic only. US letters print US number style in
 * both languages: the CFPB's Spanish model notice keeps "$" amounts as the English one writes them.
 */
export function formatMoney(value: MoneyValue): string {
  const currency = CURRENCIES[value.currency];
  if (!currency) throw new Error(`Letters cannot print amounts in ${JSON.stringify(value.currency)}`);
  if (!Number.isSafeInteger(value.minor)) {
    throw new Error(`Money must be a whole number of minor units, got ${value.minor}`);
  }
  const digits = String(Math.abs(value.minor)).padStart(currency.exponent + 1, "0");
  const major = digits.slice(0, digits.length - currency.exponent);
  const minor = digits.slice(digits.length - currency.exponent);
  const sign = value.minor < 0 ? "-" : "";
  return `${sign}${currency.prefix}${groupThousands(major)}${minor ? `.${minor}` : ""}`;
}

/** Sums amounts of one currency (mixing currencies in one figure would print a meaningless total). */
export function sumMoney(values: readonly MoneyValue[], currency: string): MoneyValue {
  let minor = 0;
  for (const value of values) {
    if (value.currency !== currency) {
      throw new Error(`Cannot add ${value.currency} to ${currency} on one letter`);
    }
    minor += value.minor;
  }
  if (!Number.isSafeInteger(minor)) throw new Error("Amount too large to print exactly");
  return { minor, currency };
}

/** The lines of a postal address as printed: name, street lines, "City, ST 12345". */
export function addressLines(address: PostalAddress): string[] {
  const lines = [address.name, address.line1];
  if (address.line2?.trim()) lines.push(address.line2);
  lines.push(`${address.city}, ${address.state} ${address.postalCode}`);
  return lines;
}
