import { ValidationError, type FieldIssue } from "@/server/lib/errors";
import { formatMoney } from "@/server/lib/money";
import type { ParsedPhone } from "@/server/modules/contacts/phone";
import { addressTimeZone, phoneTimeZone, type DerivedZone } from "@/server/modules/contacts/time-zone";
import { stateOr, zipOr } from "./address";
import { amountOr, type DecimalSeparator } from "./amount";
import {
  ADDRESS_PARTS,
  fieldDefinition,
  fieldsOf,
  missingRequirements,
  type FieldKey,
  type ImportKind,
} from "./catalogue";
import { parseCurrency, type CurrencyCode } from "./currency";
import { provedOrder, readDateFast, type DateFormat } from "./date";
import { emailOr } from "./email";
import { createPhoneParser } from "./phone-field";
import { normaliseHeader, type ColumnMapping } from "./presets";
import type { AccountRecord, PaymentRecord, Row, RowError } from "./records";
import { RefTracker, rowFingerprint } from "./ref-tracker";
import { nameOr, parseTags, referenceOr, splitFullName, textOr, NAME_MAX_LENGTH } from "./text";
import type { Failure, Parsed } from "./types";
import { parseDocumentStatus, parsePaymentMethod, parseTransactionType } from "./vocab";

export type SourceFormat = "csv" | "xlsx";

export type ValidatorOptions = {
  /** Currency of rows whose Currency cell is empty or absent. */
  defaultCurrency: string;
  /** Order of numeric dates per date column, keyed by the file's header text (see inferDateFormat). */
  dateFormats?: Record<string, DateFormat>;
  /** The file's decimal mark, when known ("1.234,56" is read only with ","). */
  decimalSeparator?: DecimalSeparator;
  /** XLSX: bare numbers in date columns are spreadsheet date serials. */
  sourceFormat: SourceFormat;
  /** Today (ISO), for "not in the future" rules; defaults to the current UTC date. */
  today?: string;
};

export type RowValidatorConfig<K extends ImportKind> = {
  kind: K;
  header: readonly string[];
  mapping: ColumnMapping;
  options: ValidatorOptions;
};

export type Validation<R> = { ok: true; record: R } | { ok: false; errors: RowError[] };

export type RowValidator<R> = {
  /** Validates one row; also remembers its reference to catch a later duplicate, so call it once per row, in order. */
  validate(row: Row): Validation<R>;
  /** Fields this file provides: an update should leave the others alone. */
  readonly fields: ReadonlySet<FieldKey>;
  /** Bytes held by the duplicate-reference tracker. */
  readonly trackerBytes: number;
};

type Column = {
  index: number;
  header: string;
  field: FieldKey;
  /** For a date column without a given format: the order its values proved so far, to catch a mixed column. */
  proof?: { format: DateFormat; line: number; value: string };
  /** For a date column: the order chosen by the user. */
  format?: DateFormat;
};
type Columns = Partial<Record<FieldKey, Column>>;

function label(kind: ImportKind, field: FieldKey): string {
  return fieldDefinition(kind, field)?.label ?? field;
}

/** Resolves a mapping against the header; lists every problem (unknown field, absent column, unmet requirement). */
function resolveMapping(
  kind: ImportKind,
  header: readonly string[],
  mapping: ColumnMapping,
  options: Pick<ValidatorOptions, "dateFormats"> = {},
) {
  const problems: FieldIssue[] = [];
  const columns: Columns = {};
  const valid = new Set<FieldKey>(fieldsOf(kind));
  const counts = new Map<string, number>();
  for (const h of header) counts.set(h, (counts.get(h) ?? 0) + 1);
  for (const [name, field] of Object.entries(mapping)) {
    if (!valid.has(field)) {
      problems.push({
        path: name,
        message: `Column "${name}" is mapped to "${field}", which ${kind} files do not have`,
      });
      continue;
    }
    let index = header.indexOf(name);
    if (index < 0) {
      const wanted = normaliseHeader(name);
      index = header.findIndex((h) => normaliseHeader(h) === wanted);
    }
    if (index < 0) {
      problems.push({ path: name, message: `Column "${name}" is not in the file` });
      continue;
    }
    if ((counts.get(header[index]!) ?? 0) > 1) {
      problems.push({
        path: name,
        message: `Column "${header[index]}" appears ${counts.get(header[index]!)} times in the file: rename one so it can be mapped`,
      });
      continue;
    }
    const taken = columns[field];
    if (taken) {
      problems.push({
        path: name,
        message: `Columns "${taken.header}" and "${header[index]}" are both mapped to ${label(kind, field)}`,
      });
      continue;
    }
    columns[field] = { index, header: header[index]!, field, format: options.dateFormats?.[header[index]!] };
  }
  for (const r of missingRequirements(kind, Object.keys(columns) as FieldKey[])) {
    problems.push({ path: "", message: `Nothing is mapped to ${r.description}` });
  }
  if (kind === "accounts" && (["address1", "address2", "city", "zip"] as FieldKey[]).some((f) => columns[f])) {
    const absent = ADDRESS_PARTS.filter((f) => !columns[f]).map((f) => label(kind, f));
    if (absent.length) {
      problems.push({
        path: "",
        message: `An address needs Address 1, City, State and ZIP: map ${absent.join(", ")} too`,
      });
    }
  }
  return { columns, problems };
}

/** Every problem of a mapping, in words (empty when it can be used). */
export function checkMapping(kind: ImportKind, header: readonly string[], mapping: ColumnMapping): string[] {
  return resolveMapping(kind, header, mapping).problems.map((p) => p.message);
}

/** "Due Date is empty", "Open Balance: "12,3x.00" is not an amount". */
function sentence(header: string, message: string): string {
  return message.startsWith("is ") || message.startsWith("has ") ? `${header} ${message}` : `${header}: ${message}`;
}

function isBlank(cells: readonly string[]): boolean {
  for (const c of cells) if (c && c.trim()) return false;
  return true;
}

const REPORT_LINE = /^(total|subtotal|current|\d+\s*-\s*\d+\s*days|\d+ and over|>\s*\d+|over \d+)/i;

/** QuickBooks reports carry headings ("1 - 30 days past due") and totals ("Total for Current") between invoices. */
function looksLikeReportLine(cells: readonly string[]): boolean {
  let filled = 0;
  let labelled = false;
  for (const c of cells) {
    const t = c?.trim();
    if (!t) continue;
    filled++;
    if (REPORT_LINE.test(t)) labelled = true;
  }
  return labelled || filled <= 1;
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

type Shared = {
  line: number;
  cells: readonly string[];
  /** Allocated on the first error: most rows have none. */
  errors: RowError[] | null;
};

const lineOr = (t: string) => textOr(t);
const XLSX = { excelSerial: true } as const;
const CSV = {} as const;
const cityOr = (t: string) => textOr(t, NAME_MAX_LENGTH);
const PHONE_FIELDS = ["phone", "phone2"] as const;

/** Builds the per-kind validators' common machinery. */
function machinery(kind: ImportKind, config: RowValidatorConfig<ImportKind>) {
  const { header, mapping, options } = config;
  const { columns, problems } = resolveMapping(kind, header, mapping, options);
  if (problems.length) {
    throw new ValidationError(
      `The column mapping cannot be used: ${problems.map((p) => p.message).join("; ")}`,
      problems,
    );
  }
  const defaultCurrency = parseCurrency(options.defaultCurrency);
  if (!defaultCurrency.ok) {
    throw new ValidationError(`Default currency ${defaultCurrency.message}`, [
      { path: "defaultCurrency", message: defaultCurrency.message },
    ]);
  }
  const fallbackCurrency = defaultCurrency.value;
  const today = options.today ?? todayUtc();
  const excelSerial = options.sourceFormat === "xlsx";
  const decimalSeparator = options.decimalSeparator;
  const tracker = new RefTracker();
  const amountOptionsByCurrency = new Map<string, { currency: string; decimalSeparator?: DecimalSeparator }>();
  const amountOptions = (currency: string) => {
    let o = amountOptionsByCurrency.get(currency);
    if (!o) amountOptionsByCurrency.set(currency, (o = { currency, decimalSeparator }));
    return o;
  };

  const fail = (s: Shared, column: Column, value: string, message: string) => {
    (s.errors ??= []).push({ line: s.line, column: column.header, value, message: sentence(column.header, message) });
  };

  const text = (s: Shared, column: Column | undefined): string => {
    if (!column) return "";
    const raw = s.cells[column.index];
    return raw ? raw.trim() : "";
  };

  /** An optional cell through a parser: undefined when absent or empty, null when invalid (error recorded). */
  function optional<T>(s: Shared, column: Column | undefined, parse: (t: string) => Parsed<T>): T | undefined | null {
    if (!column) return undefined;
    const t = text(s, column);
    if (!t) return undefined;
    const r = parse(t);
    if (r.ok) return r.value;
    fail(s, column, t, r.message);
    return null;
  }

  /** optional() for text parsers that return the text itself or a Failure. */
  function optionalText<T extends string>(
    s: Shared,
    column: Column | undefined,
    parse: (t: string) => T | Failure,
  ): T | undefined | null {
    if (!column) return undefined;
    const t = text(s, column);
    if (!t) return undefined;
    const r = parse(t);
    if (typeof r === "string") return r;
    fail(s, column, t, r.message);
    return null;
  }

  function requiredText(s: Shared, column: Column, parse: (t: string) => string | Failure): string | null {
    const t = text(s, column);
    if (!t) {
      fail(s, column, "", "is empty");
      return null;
    }
    const r = parse(t);
    if (typeof r === "string") return r;
    fail(s, column, t, r.message);
    return null;
  }

  function currency(s: Shared): CurrencyCode | null {
    const c = optional(s, columns.currency, parseCurrency);
    return c === undefined ? fallbackCurrency : c;
  }

  function date(s: Shared, column: Column | undefined, mustBe: "past" | "any", isRequired = false) {
    if (!column) return undefined;
    const t = text(s, column);
    if (!t) {
      if (isRequired) fail(s, column, "", "is empty");
      return isRequired ? null : undefined;
    }
    const iso = readDateFast(t, column.format ? { format: column.format, excelSerial } : excelSerial ? XLSX : CSV);
    if (typeof iso !== "string") {
      fail(s, column, t, iso.message);
      return null;
    }
    const proves = provedOrder();
    if (proves) {
      const proof = column.proof;
      if (!proof) column.proof = { format: proves, line: s.line, value: t };
      else if (proof.format !== proves) {
        const order = (f: DateFormat) => (f === "DMY" ? "day first" : "month first");
        fail(
          s,
          column,
          t,
          `"${t}" can only be read ${order(proves)}, but "${proof.value}" on row ${proof.line} only ${order(proof.format)}: ` +
            "this column mixes two date orders; choose its date format",
        );
        return null;
      }
    }
    if (mustBe === "past" && iso > today) {
      fail(s, column, t, `"${t}" is in the future`);
      return null;
    }
    return iso;
  }

  function amount(
    s: Shared,
    column: Column | undefined,
    cur: CurrencyCode,
    negativeWhy: string,
    zeroWhy?: string,
  ): number | undefined | null {
    if (!column) return undefined;
    const t = text(s, column);
    if (!t) return undefined;
    const r = amountOr(t, amountOptions(cur));
    if (typeof r !== "number") {
      fail(s, column, t, r.message);
      return null;
    }
    if (r < 0) {
      fail(s, column, t, `"${t}" is negative; ${negativeWhy}`);
      return null;
    }
    if (r === 0 && zeroWhy) {
      fail(s, column, t, `"${t}" is zero; ${zeroWhy}`);
      return null;
    }
    return r;
  }

  /** Remembers the row's key; a repeat is an error naming the first row. */
  function track(s: Shared, column: Column, key: string, noun: string): void {
    const first = tracker.add(key, s.line, rowFingerprint(s.cells, column.index));
    if (!first) return;
    fail(
      s,
      column,
      key,
      first.sameRow
        ? `"${key}" repeats row ${first.line} exactly: remove the duplicate row`
        : `"${key}" is also the ${noun} of row ${first.line}; it must appear once per file`,
    );
  }

  /** Row-level problems: an empty row, cells beyond the header. Returns true when the row is empty. */
  function shape(s: Shared): boolean {
    if (isBlank(s.cells)) {
      (s.errors ??= []).push({ line: s.line, column: "", value: "", message: "The row is empty" });
      return true;
    }
    for (let i = header.length; i < s.cells.length; i++) {
      const v = s.cells[i]?.trim();
      if (v) {
        (s.errors ??= []).push({
          line: s.line,
          column: `(column ${i + 1})`,
          value: v,
          message: `Column ${i + 1} has "${v}" but the header has only ${header.length} columns`,
        });
      }
    }
    return false;
  }

  return {
    columns,
    tracker,
    fail,
    text,
    optional,
    optionalText,
    requiredText,
    currency,
    date,
    amount,
    track,
    shape,
    fallbackCurrency,
    fields: new Set(Object.keys(columns) as FieldKey[]),
  };
}

/** Memoised time zones of phones: for a US number the zone depends only on its area code. */
function phoneZones() {
  const memo = new Map<number, DerivedZone>();
  return (phone: ParsedPhone): DerivedZone => {
    if (phone.country !== "US" || phone.areaCode === undefined) return phoneTimeZone(phone);
    let zone = memo.get(phone.areaCode);
    if (!zone) memo.set(phone.areaCode, (zone = phoneTimeZone(phone)));
    return zone;
  };
}

/** Memoised time zones of addresses: the zone depends only on the state and the ZIP's first three digits. */
function addressZones() {
  const memo = new Map<string, DerivedZone>();
  return (state: string, zip: string): DerivedZone => {
    const key = state + zip.slice(0, 3);
    let zone = memo.get(key);
    if (!zone) memo.set(key, (zone = addressTimeZone({ state, postalCode: zip })));
    return zone;
  };
}

function accountValidator(config: RowValidatorConfig<"accounts">): RowValidator<AccountRecord> {
  const m = machinery("accounts", config);
  const c = m.columns;
  const phones = createPhoneParser();
  const zoneOf = addressZones();
  const phoneZoneOf = phoneZones();
  const components = (["principal", "interest", "fees"] as const).filter((f) => c[f]);
  const s: Shared = { line: 0, cells: [], errors: null };

  /** Lines that are not debts (payments, headings, paid invoices) get that one error, not a list of others. */
  function isDebt(): boolean {
    if (c.transactionType) {
      const t = m.text(s, c.transactionType);
      const r = parseTransactionType(t);
      if (!r.ok) {
        if (!t && looksLikeReportLine(s.cells)) {
          m.fail(s, c.transactionType, "", "is empty: this looks like a heading or total line of the report, not an invoice"); // prettier-ignore
        } else m.fail(s, c.transactionType, t, r.message);
        return false;
      }
    }
    if (c.documentStatus) {
      const t = m.text(s, c.documentStatus);
      const r = parseDocumentStatus(t);
      if (!r.ok) {
        m.fail(s, c.documentStatus, t, r.message);
        return false;
      }
    }
    return true;
  }

  function debtor(record: AccountRecord): void {
    const d = record.debtor;
    d.externalId = m.optionalText(s, c.debtorExternalId, referenceOr) ?? null;
    const last = m.text(s, c.lastName);
    const first = m.text(s, c.firstName);
    const full = last ? "" : m.text(s, c.fullName);
    if (last) {
      const l = nameOr(last);
      if (typeof l === "string") d.lastName = l;
      else m.fail(s, c.lastName!, last, l.message);
      if (first) {
        const f = nameOr(first);
        if (typeof f === "string") d.firstName = f;
        else m.fail(s, c.firstName!, first, f.message);
      }
    } else if (full) {
      const split = splitFullName(full);
      if (split.ok) {
        d.firstName = split.value.firstName;
        d.lastName = split.value.lastName;
      } else m.fail(s, c.fullName!, full, split.message);
    } else {
      m.fail(s, c.lastName ?? c.fullName!, "", "is empty: enter the debtor's last name, or a company's name");
    }
    d.dateOfBirth = m.date(s, c.dateOfBirth, "past") ?? null;
  }

  function contacts(record: AccountRecord): void {
    const list = record.contacts;
    for (const field of PHONE_FIELDS) {
      const column = c[field];
      const t = m.text(s, column);
      if (!t) continue;
      const r = phones.parse(t);
      if (!r.ok) {
        m.fail(s, column!, t, r.message);
        continue;
      }
      const p = r.value;
      if (list.length === 1 && list[0]!.value === p.e164) continue;
      const zone = phoneZoneOf(p);
      list.push({
        kind: "phone",
        value: p.e164,
        phoneType: p.type ?? null,
        country: p.country ?? "US",
        timeZone: zone.timeZone,
        timeZoneSource: zone.timeZoneSource,
      });
    }
    const email = m.optionalText(s, c.email, emailOr);
    if (email) list.push({ kind: "email", value: email });

    const state = m.optionalText(s, c.state, stateOr);
    if (state) record.jurisdictionState = state;
    const line1 = m.optionalText(s, c.address1, lineOr);
    const line2 = m.optionalText(s, c.address2, lineOr);
    const city = m.optionalText(s, c.city, cityOr);
    let zip: string | undefined | null;
    const zipText = m.text(s, c.zip);
    if (zipText) {
      const z = zipOr(zipText, state);
      if (typeof z === "string") zip = z;
      else {
        m.fail(s, c.zip!, zipText, z.message);
        zip = null;
      }
    }
    if (line1 === undefined && line2 === undefined && city === undefined && zip === undefined) return;
    const incomplete = "is empty: an address needs Address 1, City, State and ZIP";
    if (line1 === undefined) m.fail(s, c.address1!, "", incomplete);
    if (city === undefined) m.fail(s, c.city!, "", incomplete);
    if (state === undefined) m.fail(s, c.state!, "", incomplete);
    if (zip === undefined) m.fail(s, c.zip!, "", incomplete);
    if (line1 && city && state && zip && line2 !== null) {
      const zone = zoneOf(state, zip);
      list.push({
        kind: "address",
        // The one-line form contact_points keeps, as the contacts module writes it.
        value: line2 ? `${line1}, ${line2}, ${city}, ${state} ${zip}` : `${line1}, ${city}, ${state} ${zip}`,
        line1,
        line2: line2 ?? null,
        city,
        state,
        postalCode: zip,
        country: "US",
        timeZone: zone.timeZone,
        timeZoneSource: zone.timeZoneSource,
      });
    }
  }

  function money(record: AccountRecord, cur: CurrencyCode): void {
    let principal = m.amount(s, c.principal, cur, "a debt's principal cannot be");
    const interest = m.amount(s, c.interest, cur, "a debt's interest cannot be");
    const fees = m.amount(s, c.fees, cur, "a debt's fees cannot be");
    let balance = m.amount(s, c.balance, cur, "a debt's balance cannot be");
    const originalBalance = m.amount(s, c.originalBalance, cur, "an original balance cannot be");
    const paid = m.amount(s, c.amountPaid, cur, "an amount paid cannot be");
    const credited = m.amount(s, c.amountCredited, cur, "an amount credited cannot be");
    if (principal !== null && interest !== null && fees !== null && balance !== null) {
      const given = principal !== undefined || interest !== undefined || fees !== undefined;
      const sum = (principal ?? 0) + (interest ?? 0) + (fees ?? 0);
      if (balance !== undefined) {
        if (!given) principal = balance;
        else if (sum !== balance) {
          const names = components.map((f) => c[f]!.header);
          m.fail(
            s,
            c.balance!,
            m.text(s, c.balance),
            `${names.join(" + ")} ${names.length > 1 ? "come" : "comes"} to ${formatMoney(sum, cur)}, ` +
              `but ${c.balance!.header} is ${formatMoney(balance, cur)}`,
          );
        }
      } else if (given) {
        balance = sum;
      } else if (originalBalance != null && paid != null && credited !== null) {
        // Billing exports without a balance column (Stripe without Amount Remaining): total − paid − credited.
        const derived = originalBalance - paid - (credited ?? 0);
        if (derived < 0) {
          m.fail(
            s,
            c.amountPaid!,
            m.text(s, c.amountPaid),
            `is more than ${c.originalBalance!.header} (${formatMoney(originalBalance, cur)}): the balance would be negative`,
          );
        } else principal = balance = derived;
      } else if (originalBalance !== null && paid !== null && credited !== null) {
        const column = c.balance ?? c.principal ?? (originalBalance === undefined ? c.originalBalance! : c.amountPaid!);
        m.fail(s, column, "", "is empty");
      }
    }
    // Billing exports carry total, paid and credited: they must agree with the balance.
    if (
      balance != null &&
      c.balance &&
      originalBalance != null &&
      paid != null &&
      credited !== null &&
      originalBalance - paid - (credited ?? 0) !== balance
    ) {
      const parts = [
        c.originalBalance!.header,
        c.amountPaid!.header,
        ...(c.amountCredited ? [c.amountCredited.header] : []),
      ];
      m.fail(
        s,
        c.balance,
        m.text(s, c.balance),
        `${parts.join(" − ")} is ${formatMoney(originalBalance - paid - (credited ?? 0), cur)}, but ${c.balance.header} is ${formatMoney(balance, cur)}`,
      );
    }
    record.principalMinor = principal ?? 0;
    record.interestMinor = interest ?? 0;
    record.feesMinor = fees ?? 0;
    record.balanceMinor = balance ?? 0;
    record.originalBalanceMinor = originalBalance ?? null;
  }

  function dates(record: AccountRecord): void {
    const openedOn = m.date(s, c.openedOn, "any");
    const dueOn = m.date(s, c.dueOn, "any", true);
    const chargedOffOn = m.date(s, c.chargedOffOn, "past");
    const lastPaymentOn = m.date(s, c.lastPaymentOn, "past");
    if (openedOn) {
      const notBefore = (column: Column | undefined, value: string | undefined | null) => {
        if (value && value < openedOn) {
          m.fail(s, column!, m.text(s, column), `(${value}) is before ${c.openedOn!.header} (${openedOn})`);
        }
      };
      notBefore(c.dueOn, dueOn);
      notBefore(c.chargedOffOn, chargedOffOn);
      notBefore(c.lastPaymentOn, lastPaymentOn);
    }
    record.openedOn = openedOn ?? null;
    record.dueOn = dueOn ?? "";
    record.chargedOffOn = chargedOffOn ?? null;
    record.lastPaymentOn = lastPaymentOn ?? null;
  }

  function descriptors(record: AccountRecord): void {
    record.originalCreditor = m.optionalText(s, c.originalCreditor, lineOr) ?? null;
    record.productType = m.optionalText(s, c.productType, lineOr) ?? null;
    record.segment = m.optionalText(s, c.segment, lineOr) ?? null;
    record.tags = m.optional(s, c.tags, parseTags) ?? null;
  }

  function validate(row: Row): Validation<AccountRecord> {
    // One scratch object per validator: validate is synchronous and errors are handed over with the result.
    s.line = row.line;
    s.cells = row.cells;
    s.errors = null;
    if (m.shape(s) || !isDebt()) return { ok: false, errors: s.errors! };
    const externalRef = m.requiredText(s, c.externalRef!, referenceOr);
    const currency = m.currency(s);
    // Filled phase by phase; handed out only when the row has no error.
    const record: AccountRecord = {
      line: row.line,
      externalRef: externalRef ?? "",
      currency: currency ?? m.fallbackCurrency,
      debtor: { externalId: null, firstName: "", lastName: "", dateOfBirth: null },
      contacts: [],
      principalMinor: 0,
      interestMinor: 0,
      feesMinor: 0,
      balanceMinor: 0,
      originalBalanceMinor: null,
      openedOn: null,
      dueOn: "",
      chargedOffOn: null,
      lastPaymentOn: null,
      originalCreditor: null,
      productType: null,
      segment: null,
      tags: null,
      jurisdictionState: null,
    };
    debtor(record);
    contacts(record);
    money(record, record.currency);
    dates(record);
    descriptors(record);
    if (externalRef) m.track(s, c.externalRef!, externalRef, "account reference");
    return s.errors ? { ok: false, errors: s.errors } : { ok: true, record };
  }

  return {
    validate,
    fields: m.fields,
    get trackerBytes() {
      return m.tracker.memoryBytes;
    },
  };
}

function paymentValidator(config: RowValidatorConfig<"payments">): RowValidator<PaymentRecord> {
  const m = machinery("payments", config);
  const c = m.columns;
  const s: Shared = { line: 0, cells: [], errors: null };

  function validate(row: Row): Validation<PaymentRecord> {
    // One scratch object per validator: validate is synchronous and errors are handed over with the result.
    s.line = row.line;
    s.cells = row.cells;
    s.errors = null;
    if (m.shape(s)) return { ok: false, errors: s.errors! };
    const externalRef = m.requiredText(s, c.externalRef!, referenceOr);
    const currency = m.currency(s);
    const cur = currency ?? m.fallbackCurrency;
    let amount = m.amount(
      s,
      c.amount,
      cur,
      "a payment must be more than zero (reversals are not imported)",
      "a payment must be more than zero",
    );
    if (amount === undefined) {
      m.fail(s, c.amount!, "", "is empty");
      amount = null;
    }
    const paidOn = m.date(s, c.paidOn, "past", true);
    const method = m.optional(s, c.method, parsePaymentMethod);
    const externalTransactionId = m.requiredText(s, c.externalTransactionId!, referenceOr);
    if (externalTransactionId) m.track(s, c.externalTransactionId!, externalTransactionId, "transaction ID");
    if (s.errors) return { ok: false, errors: s.errors };
    return {
      ok: true,
      record: {
        line: row.line,
        externalRef: externalRef!,
        amountMinor: amount!,
        currency: currency!,
        paidOn: paidOn!,
        method: method ?? null,
        externalTransactionId: externalTransactionId!,
      },
    };
  }

  return {
    validate,
    fields: m.fields,
    get trackerBytes() {
      return m.tracker.memoryBytes;
    },
  };
}

/**
 * A validator for the rows of one file. Throws a ValidationError when the mapping cannot be used (a column not in
 * the file, a required field not mapped…); then every row gets all its errors, not only the first.
 */
export function createRowValidator(config: RowValidatorConfig<"accounts">): RowValidator<AccountRecord>;
export function createRowValidator(config: RowValidatorConfig<"payments">): RowValidator<PaymentRecord>;
export function createRowValidator(
  config: RowValidatorConfig<ImportKind>,
): RowValidator<AccountRecord> | RowValidator<PaymentRecord> {
  return config.kind === "accounts"
    ? accountValidator(config as RowValidatorConfig<"accounts">)
    : paymentValidator(config as RowValidatorConfig<"payments">);
}
