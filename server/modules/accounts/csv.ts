import type { ExportRow, LedgerExportRow } from "./export-accounts";

/**
 * A cell a spreadsheet would run as a formula (OWASP "CSV injection"): text starting with = + - @, a tab or a
 * carriage return. Such text gets a leading single quote so it shows as typed. Numbers, and text that is only a
 * plain decimal number (a negative amount), are left alone: a spreadsheet reads them as numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal ("-23.45"): a spreadsheet reads it as a number, never as a formula, so it stays as it is. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** The amount in major units with the currency's own number of decimals (2 for USD, 0 for JPY). */
function majorUnits(minor: number, currency: string): string {
  const digits =
    new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return (minor / 10 ** digits).toFixed(digits);
}

export const EXPORT_COLUMNS: readonly [string, (r: ExportRow) => string | number | null][] = [
  ["Reference", (r) => r.externalRef],
  ["Debtor", (r) => r.debtorName],
  ["Creditor", (r) => r.creditorName],
  ["Status", (r) => r.status],
  ["Days past due", (r) => r.dpd],
  ["Aging bucket", (r) => r.bucket],
  // A plain decimal string, not a number: money is exact minor units, never a float in the file.
  ["Balance", (r) => majorUnits(r.balanceMinor, r.currency)],
  ["Currency", (r) => r.currency],
  ["Due on", (r) => r.dueOn],
  ["Placed", (r) => r.placedAt.toISOString().slice(0, 10)],
  ["State", (r) => r.state],
  ["Assignee", (r) => r.assigneeName],
  ["Last contact", (r) => r.lastContactAt?.toISOString() ?? null],
  ["Promise", (r) => r.promiseStatus],
  ["Promise due", (r) => r.promiseDueOn],
  ["Tags", (r) => r.tags.join(" ")],
];

export function csvHeader(): string {
  return csvLine(EXPORT_COLUMNS.map(([header]) => header));
}

export function csvRows(rows: readonly ExportRow[]): string {
  return rows.map((r) => csvLine(EXPORT_COLUMNS.map(([, value]) => value(r)))).join("");
}

/**
 * The export as a byte stream: a BOM (so spreadsheet apps read UTF-8 names right), the header, then one chunk
 * per batch, pulled only as fast as the client reads. Cancelling the response stops the queries.
 */
export function exportCsvStream(batches: AsyncGenerator<ExportRow[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvHeader()}`));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvRows(next.value)));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

export const LEDGER_EXPORT_COLUMNS: readonly [string, (r: LedgerExportRow) => string | number | null][] = [
  ["Reference", (r) => r.externalRef],
  ["Debtor", (r) => r.debtorName],
  ["Creditor", (r) => r.creditorName],
  ["Date", (r) => r.effectiveOn],
  ["Kind", (r) => r.kind],
  // Signed deltas, as the ledger keeps them: a payment is negative.
  ["Principal", (r) => majorUnits(r.principalMinor, r.currency)],
  ["Interest", (r) => majorUnits(r.interestMinor, r.currency)],
  ["Fees", (r) => majorUnits(r.feesMinor, r.currency)],
  ["Total", (r) => majorUnits(r.principalMinor + r.interestMinor + r.feesMinor, r.currency)],
  ["Currency", (r) => r.currency],
  ["Description", (r) => r.description],
  ["Transaction ID", (r) => r.externalId],
  ["Posted at", (r) => r.postedAt.toISOString()],
];

/** Accounts with their ledger: one line per ledger entry, account by account in the view's order. */
export function ledgerCsvStream(
  batches: AsyncGenerator<ExportRow[]>,
  ledgerOf: (accounts: ExportRow[]) => Promise<LedgerExportRow[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvLine(LEDGER_EXPORT_COLUMNS.map(([header]) => header))}`));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) return controller.close();
      const entries = await ledgerOf(next.value);
      controller.enqueue(
        encoder.encode(entries.map((r) => csvLine(LEDGER_EXPORT_COLUMNS.map(([, value]) => value(r)))).join("")),
      );
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
