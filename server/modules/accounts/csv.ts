import type { ExportRow } from "./export-accounts";

/**
 * A cell a spreadsheet would run as a formula (OWASP "CSV injection"): text starting with = + - @, a tab or a
 * carriage return. Such text gets a leading single quote so it shows as typed. Numbers we format ourselves are
 * never text and are left alone (a negative amount stays a number).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
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
