import type { Parsed } from "./types";

/** How a column writes numeric dates whose year comes last: month first (US) or day first. */
export type DateFormat = "MDY" | "DMY";

export type DateOptions = {
  /** The column's known order; without it a value that reads two ways is refused. */
  format?: DateFormat;
  /** The file is a spreadsheet (XLSX): a bare number is a date serial. Never assumed for CSV. */
  excelSerial?: boolean;
};

/** A parsed date, and which order a numeric day/month value proved (when only one reading was possible). */
export type DateReading = { iso: string; proves: DateFormat | undefined };

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;
/**
 * Two-digit years follow spreadsheets' rule: 00–29 are 2000–2029 and 30–99 are 1930–1999, so a file shows the
 * same dates here as in the program that wrote it. A date of birth read as being in the future is refused later.
 */
export const TWO_DIGIT_YEAR_PIVOT = 30;

const MONTH_NAMES = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const; // prettier-ignore

const MONTHS = new Map<string, number>();
MONTH_NAMES.forEach((name, i) => {
  MONTHS.set(name.toLowerCase(), i + 1);
  MONTHS.set(name.slice(0, 3).toLowerCase(), i + 1);
});
MONTHS.set("sept", 9);

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const WEEKDAY_INDEX = new Map<string, number>();
WEEKDAYS.forEach((day, i) => {
  WEEKDAY_INDEX.set(day, i);
  WEEKDAY_INDEX.set(day.slice(0, 3), i);
});
WEEKDAY_INDEX.set("tues", 2);
WEEKDAY_INDEX.set("thur", 4);
WEEKDAY_INDEX.set("thurs", 4);

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function toIso(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** "5 March 2024": how messages name a date, so no reader has to guess their order either. */
export function describeDate(year: number, month: number, day: number): string {
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** The number written by text[from..to) if it is all digits, else -1. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function expandYear(text: string): number {
  const n = Number(text);
  if (text.length !== 2) return n;
  return n < TWO_DIGIT_YEAR_PIVOT ? 2000 + n : 1900 + n;
}

type Ymd = { y: number; m: number; d: number };

const fail = (text: string, why: string): Parsed<DateReading> => ({ ok: false, message: `"${text}" ${why}` });

/** Checks a calendar date; `order` names the order in messages when it is not obvious from the text. */
function checked(text: string, { y, m, d }: Ymd, proves?: DateFormat, order?: string): Parsed<DateReading> {
  if (m < 1 || m > 12)
    return fail(text, `is not a real date${order ? ` in ${order} order` : ""}: there is no month ${m}`);
  if (d < 1 || d > daysInMonth(y, m)) {
    return d < 1
      ? fail(text, `is not a real date: there is no day ${d}`)
      : fail(text, `is not a real date: ${MONTH_NAMES[m - 1]} ${y} has ${daysInMonth(y, m)} days`);
  }
  if (y < MIN_YEAR || y > MAX_YEAR) {
    return fail(text, `is out of range: dates must fall between ${MIN_YEAR} and ${MAX_YEAR}`);
  }
  return { ok: true, value: { iso: toIso(y, m, d), proves } };
}

function validYmd(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** The UTC calendar date of `ymd` at a time with an offset from UTC (minutes). */
function shiftDays({ y, m, d }: Ymd, days: number): Ymd {
  if (days === 0) return { y, m, d };
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

// A time of day after the date: "14:22", "2:22 PM", "14:22:11.5Z", "T14:22:00+02:00", "14:22 UTC".
const TIME = /^(.*?)(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp][Mm])?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/;
const YMD = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const NUMERIC = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/;
const SERIAL = /^\d{1,6}(?:\.\d+)?$/;

function excelSerial(text: string): Parsed<DateReading> {
  const serial = Math.floor(Number(text));
  // Excel's day 60 is 29 February 1900, a day that never was (kept for Lotus 1-2-3 compatibility).
  if (serial === 60) return fail(text, "is Excel's 29 February 1900, a date that does not exist");
  if (serial < 1) return fail(text, "is not a date serial Excel uses");
  const days = serial < 60 ? serial - 1 : serial - 2;
  const date = new Date(Date.UTC(1900, 0, 1 + days));
  return checked(text, { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() });
}

function numericDayMonth(text: string, a: number, b: number, year: number, format: DateFormat | undefined) {
  if (format) {
    const ymd = format === "MDY" ? { y: year, m: a, d: b } : { y: year, m: b, d: a };
    return checked(text, ymd, undefined, format === "MDY" ? "month/day/year" : "day/month/year");
  }
  const monthFirst = validYmd(year, a, b);
  const dayFirst = validYmd(year, b, a);
  if (monthFirst && dayFirst) {
    if (a === b) return checked(text, { y: year, m: a, d: b });
    return fail(
      text,
      `is ambiguous: it is ${describeDate(year, a, b)} if the month comes first, or ${describeDate(year, b, a)} ` +
        "if the day comes first; choose this column's date format",
    );
  }
  if (monthFirst) return checked(text, { y: year, m: a, d: b }, "MDY");
  if (dayFirst) return checked(text, { y: year, m: b, d: a }, "DMY");
  if (a > 12 && b > 12) return fail(text, `is not a real date: neither ${a} nor ${b} can be a month`);
  // One reading has a real month: explain with it ("31/02/2024": February has 29 days).
  return a <= 12 && a >= 1 ? checked(text, { y: year, m: a, d: b }) : checked(text, { y: year, m: b, d: a });
}

function namedMonth(text: string, datePart: string): Parsed<DateReading> | null {
  const tokens = datePart
    .toLowerCase()
    .split(/[\s,./-]+/)
    .filter(Boolean);
  let weekday: number | undefined;
  if (tokens.length === 4 && WEEKDAY_INDEX.has(tokens[0]!)) weekday = WEEKDAY_INDEX.get(tokens.shift()!);
  if (tokens.length !== 3) return null;
  const strip = (t: string) => t.replace(/^(\d{1,2})(?:st|nd|rd|th)$/, "$1");
  const [t0, t1, t2] = tokens.map(strip) as [string, string, string];
  let ymd: Ymd | null = null;
  const num = (t: string, max: number) => (/^\d+$/.test(t) && t.length <= max ? t : null);
  if (MONTHS.has(t0) && num(t1, 2) && num(t2, 4)) {
    ymd = { y: expandYear(t2), m: MONTHS.get(t0)!, d: Number(t1) }; // Mar 5, 2024
  } else if (MONTHS.has(t1) && num(t0, 2) && num(t2, 4)) {
    ymd = { y: expandYear(t2), m: MONTHS.get(t1)!, d: Number(t0) }; // 5 Mar 2024, 05-Mar-24
  } else if (MONTHS.has(t1) && /^\d{4}$/.test(t0) && num(t2, 2)) {
    ymd = { y: Number(t0), m: MONTHS.get(t1)!, d: Number(t2) }; // 2024-Mar-05
  }
  if (!ymd || (t2.length !== 2 && t2.length !== 4 && t0.length !== 4)) return null;
  const result = checked(text, ymd);
  if (result.ok && weekday !== undefined) {
    const actual = new Date(Date.UTC(ymd.y, ymd.m - 1, ymd.d)).getUTCDay();
    if (actual !== weekday) {
      const name = (i: number) => WEEKDAYS[i]![0]!.toUpperCase() + WEEKDAYS[i]!.slice(1);
      return fail(text, `says ${name(weekday)}, but ${describeDate(ymd.y, ymd.m, ymd.d)} is a ${name(actual)}`);
    }
  }
  return result;
}

/**
 * A date cell → ISO YYYY-MM-DD, with which order it proved, if any. Reads ISO (2024-03-05, also with a time and
 * offset, converted to the UTC date), numeric day/month/year with / - or . (order from `format`, or from the
 * value itself when only one reading is a real date), month names ("Mar 5, 2024", "5 March 2024"), YYYYMMDD, and
 * spreadsheet serials when the file is XLSX.
 */
export function readDate(raw: string, options: DateOptions = {}): Parsed<DateReading> {
  const text = raw.trim();
  if (!text) return { ok: false, message: "is empty" };
  // Fast path: plain ISO, read from character codes; a valid one is its own ISO form.
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    const y = digits(text, 0, 4);
    const m = digits(text, 5, 7);
    const d = digits(text, 8, 10);
    if (y >= 0 && m >= 0 && d >= 0) {
      if (m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) && y >= MIN_YEAR && y <= MAX_YEAR) {
        return { ok: true, value: { iso: text, proves: undefined } };
      }
      return checked(text, { y, m, d });
    }
  }
  let datePart = text;
  let offsetDays = 0;
  if (text.includes(":")) {
    const t = TIME.exec(text);
    if (!t) return fail(text, "is not a date: use a date such as 2024-03-05");
    datePart = t[1]!.replace(/,$/, "").trim();
    let hours = Number(t[2]);
    const minutes = Number(t[3]);
    const meridiem = t[5]?.toLowerCase();
    if (meridiem) {
      if (hours < 1 || hours > 12) return fail(text, "has a time that is not a real time of day");
      hours = (hours % 12) + (meridiem === "pm" ? 12 : 0);
    }
    if (hours > 23 || minutes > 59) return fail(text, "has a time that is not a real time of day");
    const zone = t[6];
    if (zone && zone !== "Z" && zone !== "UTC" && zone !== "GMT") {
      const sign = zone[0] === "-" ? -1 : 1;
      const digits = zone.slice(1).replace(":", "");
      const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
      offsetDays = Math.floor((hours * 60 + minutes - offset) / 1440);
    }
  }
  const shift = (result: Parsed<DateReading>): Parsed<DateReading> => {
    if (!result.ok || offsetDays === 0) return result;
    const [y, m, d] = result.value.iso.split("-").map(Number) as [number, number, number];
    const s = shiftDays({ y, m, d }, offsetDays);
    return checked(text, s, result.value.proves);
  };

  let m = YMD.exec(datePart);
  if (m) return shift(checked(text, { y: Number(m[1]), m: Number(m[3]), d: Number(m[4]) }));
  m = NUMERIC.exec(datePart);
  if (m) return shift(numericDayMonth(text, Number(m[1]), Number(m[3]), expandYear(m[4]!), options.format));
  if (/^\d{8}$/.test(datePart)) {
    const y = Number(datePart.slice(0, 4));
    if (y >= MIN_YEAR && y <= MAX_YEAR) {
      return shift(checked(text, { y, m: Number(datePart.slice(4, 6)), d: Number(datePart.slice(6)) }));
    }
    return fail(text, "is not a date: an 8-digit date must be year, month, day (20240305)");
  }
  if (SERIAL.test(datePart)) {
    if (options.excelSerial) return excelSerial(datePart === text ? text : datePart);
    return fail(text, "is a number, not a date: use a date such as 2024-03-05");
  }
  const named = namedMonth(text, datePart);
  if (named) return shift(named);
  return fail(text, "is not a date: use a date such as 2024-03-05");
}

let proved: DateFormat | undefined;

/**
 * readDate for hot loops: the ISO date, or the failure, without allocating for the common ISO case;
 * provedOrder() then tells which order the value proved, if any.
 */
export function readDateFast(text: string, options: DateOptions): string | { ok: false; message: string } {
  proved = undefined;
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    const y = digits(text, 0, 4);
    const m = digits(text, 5, 7);
    const d = digits(text, 8, 10);
    if (m >= 1 && m <= 12 && d >= 1 && y >= MIN_YEAR && y <= MAX_YEAR && d <= daysInMonth(y, m)) return text;
  }
  const r = readDate(text, options);
  if (!r.ok) return r;
  proved = r.value.proves;
  return r.value.iso;
}

export function provedOrder(): DateFormat | undefined {
  return proved;
}

/** A date cell → ISO YYYY-MM-DD, or why not (see readDate). */
export function parseDate(raw: string, options: DateOptions = {}): Parsed<string> {
  const result = readDate(raw, options);
  return result.ok ? { ok: true, value: result.value.iso } : result;
}

export type DateFormatInference = {
  /** The order the values prove; null when none proves one or they contradict each other. */
  format: DateFormat | null;
  inconsistent: boolean;
  /** A value only readable day first (first part > 12), and one only readable month first. */
  dayFirstExample: string | null;
  monthFirstExample: string | null;
  /** Values with two different readings (03/04/2024): the user must choose when `format` is null. */
  ambiguousCount: number;
  ambiguousExample: string | null;
};

/**
 * A column's date order from its values: a first part above 12 means day first, a second part above 12 means
 * month first, both in one column means the column is inconsistent. Values of other shapes say nothing.
 */
export function inferDateFormat(values: Iterable<string>): DateFormatInference {
  let dayFirstExample: string | null = null;
  let monthFirstExample: string | null = null;
  let ambiguousCount = 0;
  let ambiguousExample: string | null = null;
  for (const raw of values) {
    const text = raw.trim();
    const datePart = text.includes(":") ? (TIME.exec(text)?.[1]?.trim() ?? text) : text;
    const m = NUMERIC.exec(datePart);
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b <= 12) dayFirstExample ??= text;
    else if (b > 12 && a <= 12) monthFirstExample ??= text;
    else if (a <= 12 && b <= 12 && a !== b && a > 0 && b > 0) {
      ambiguousCount++;
      ambiguousExample ??= text;
    }
  }
  const inconsistent = dayFirstExample !== null && monthFirstExample !== null;
  return {
    format: inconsistent ? null : dayFirstExample ? "DMY" : monthFirstExample ? "MDY" : null,
    inconsistent,
    dayFirstExample,
    monthFirstExample,
    ambiguousCount,
    ambiguousExample,
  };
}
