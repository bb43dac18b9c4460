/**
 * XLSX rows as strings, streamed with exceljs's WorkbookReader (the workbook is never loaded whole).
 *
 * Cell text: dates as YYYY-MM-DD (with THH:mm:ss when there is a time), numbers in plain decimal form rounded to
 * the 15 significant digits Excel itself shows (so 0.1+0.2 reads as 0.3, not 0.30000000000000004), rich text
 * flattened, formulas as their cached result, booleans TRUE/FALSE, errors as Excel shows them (#N/A).
 */
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

import ExcelJS from "exceljs";
import type { Cell, CellValue, Row } from "exceljs";

import { ImportFileError } from "./errors";

/** Expands a number's exponent form: 1e21 → "1000000000000000000000", 1.5e-7 → "0.00000015". */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return "";
  const n = Number(value.toPrecision(15));
  if (n === 0) return "0";
  const s = String(n);
  const e = s.indexOf("e");
  if (e < 0) return s;
  const neg = n < 0;
  const mantissa = s.slice(neg ? 1 : 0, e);
  const exp = Number(s.slice(e + 1));
  const dot = mantissa.indexOf(".");
  const intPart = dot < 0 ? mantissa : mantissa.slice(0, dot);
  const digits = dot < 0 ? mantissa : intPart + mantissa.slice(dot + 1);
  const point = intPart.length + exp;
  let out: string;
  if (point <= 0) out = `0.${"0".repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + "0".repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return neg ? `-${out}` : out;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

/** exceljs dates are UTC instants; seconds are rounded because serial fractions rarely land on whole seconds. */
export function isoDate(d: Date): string {
  const t = d.getTime();
  if (Number.isNaN(t)) return "";
  const r = new Date(Math.round(t / 1000) * 1000);
  const date = `${pad(r.getUTCFullYear(), 4)}-${pad(r.getUTCMonth() + 1)}-${pad(r.getUTCDate())}`;
  const h = r.getUTCHours();
  const m = r.getUTCMinutes();
  const sec = r.getUTCSeconds();
  if (h === 0 && m === 0 && sec === 0) return date;
  const time = `${pad(h)}:${pad(m)}:${pad(sec)}`;
  // A time with no date is stored as a fraction of day 0 (1899-12-30).
  if (date === "1899-12-30") return time;
  return `${date}T${time}`;
}

/** Same rule Excel and exceljs use: a number format with date or time letters outside quotes and brackets. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  // Drop bracketed parts ([Red], [$€-2]), quoted literals, escaped characters (\h) and padding codes (_) *-).
  const bare = fmt
    .replace(/\[[^\]]*\]/g, "")
    .replace(/"[^"]*"/g, "")
    .replace(/[\\_*]./g, "")
    .replace(/General/gi, "");
  return /[ymdhsb]/i.test(bare);
}

function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

export function cellText(value: CellValue | undefined, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return "";
  switch (typeof value) {
    case "string":
      return value;
    case "number":
      return plainNumber(value);
    case "boolean":
      return value ? "TRUE" : "FALSE";
  }
  if (value instanceof Date) return isoDate(value);
  if ("richText" in value) return value.richText.map((r) => r.text ?? "").join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    // exceljs converts date-formatted plain values but leaves formula results as serial numbers.
    if (typeof result === "number" && isDateFormat(numFmt)) return isoDate(serialToDate(result, date1904));
    return cellText(result, numFmt, date1904);
  }
  if ("error" in value) return String(value.error ?? "");
  if ("text" in value) return cellText(value.text, numFmt, date1904);
  // e.g. { sharedString: 3 } when the shared strings were never read: never pass that off as an empty cell.
  throw new Error(`unexpected cell value ${JSON.stringify(value)}`);
}

function rowCells(row: Row, date1904: boolean): string[] {
  const cells: string[] = [];
  row.eachCell((cell: Cell, col: number) => {
    cells[col - 1] = cellText(cell.value, cell.numFmt, date1904);
  });
  for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = "";
  return cells;
}

type SheetModel = { name: string; state?: string };
/** The parts of exceljs 4.4.0's WorkbookReader that hold what is read from the workbook's other entries. */
type ReaderState = {
  sharedStrings?: unknown[];
  workbookRels?: unknown[];
  styles?: unknown;
  model?: { sheets?: SheetModel[] };
  properties?: { model?: { date1904?: boolean } };
};
type SheetReader = AsyncIterable<Row> & { name: string };
type WorkbookReader = InstanceType<typeof ExcelJS.stream.xlsx.WorkbookReader>;

const READ_BYTES = 256 * 1024;

/**
 * Excel (and most writers) store the sheets before the shared strings and styles, so a one-pass reader must
 * spool every sheet to a temporary file before it can read any row, and leaves that file behind when stopped
 * early (as a sniff does). For a file on disk we therefore read it twice: first everything but the sheets
 * (sheets are skipped, not parsed or spooled), then the one sheet we want, handing over what the first pass found.
 */
async function readWorkbookParts(path: string): Promise<ReaderState> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(path, { highWaterMark: READ_BYTES }), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "ignore",
    entries: "ignore",
  });
  const state = reader as unknown as ReaderState;
  // Non-empty placeholders make exceljs skip sheet entries instead of spooling them; the real values replace them.
  state.sharedStrings = [];
  state.workbookRels = [];
  state.model = { sheets: [] };
  for await (const _ of (reader as unknown as { parse(): AsyncIterable<unknown> }).parse()) {
    // nothing is emitted with worksheets: "ignore"; the loop drives the reading
  }
  return state;
}

export type XlsxProgress = {
  /** Compressed bytes read from the file so far. */
  bytesRead: number;
  sheetNames: string[];
  sheetName: string | null;
};

function pickSheet(sheets: SheetModel[], want: string | number | undefined): string | null {
  if (sheets.length === 0) return null;
  if (want === undefined) return (sheets.find((s) => !s.state || s.state === "visible") ?? sheets[0]!).name;
  if (typeof want === "number") return sheets[want - 1]?.name ?? null;
  return (
    sheets.find((s) => s.name === want)?.name ??
    sheets.find((s) => s.name.trim().toLowerCase() === want.trim().toLowerCase())?.name ??
    null
  );
}

function unreadable(cause: unknown): ImportFileError {
  if (cause instanceof ImportFileError) return cause;
  return new ImportFileError(
    "unreadable_xlsx",
    "The Excel file cannot be read: it may be damaged, incomplete, or not really an .xlsx workbook. Open it in " +
      "Excel, save it again as .xlsx (or as CSV UTF-8), and upload it again.",
    { cause },
  );
}

/**
 * Rows of one sheet, with the sheet's row numbers; rows with no cells are not yielded. `progress` is updated as
 * the file is read (sheet names are known before the first row).
 */
export async function* xlsxRows(
  source: string | NodeJS.ReadableStream,
  sheet: string | number | undefined,
  progress: XlsxProgress,
): AsyncGenerator<[line: number, cells: string[]]> {
  if (typeof source === "string") {
    yield* xlsxFileRows(source, sheet, progress);
    return;
  }
  // exceljs's one-pass reading of a stream loses entries now and then (a race while it spools a sheet), so a
  // stream is saved to a temporary file and read like any other file.
  const tmp = await mkdtemp(join(tmpdir(), "recoup-xlsx-"));
  try {
    const file = join(tmp, "upload.xlsx");
    await pipeline(source, createWriteStream(file));
    yield* xlsxFileRows(file, sheet, progress);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function* xlsxFileRows(
  path: string,
  sheet: string | number | undefined,
  progress: XlsxProgress,
): AsyncGenerator<[line: number, cells: string[]]> {
  let parts: ReaderState;
  try {
    parts = await readWorkbookParts(path);
  } catch (err) {
    throw unreadable(err);
  }
  const input = createReadStream(path, { highWaterMark: READ_BYTES });
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      progress.bytesRead += chunk.length;
      done(null, chunk);
    },
  });
  input.on("error", (err: Error) => counter.destroy(err));
  input.pipe(counter);
  const reader: WorkbookReader = new ExcelJS.stream.xlsx.WorkbookReader(counter, {
    // The parts are read already: this pass must not parse (and reset) them again.
    sharedStrings: "ignore",
    styles: "ignore",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const state = reader as unknown as ReaderState;
  state.sharedStrings = parts.sharedStrings ?? [];
  state.workbookRels = parts.workbookRels ?? [];
  state.styles = parts.styles;
  state.model = parts.model ?? { sheets: [] };
  state.properties = parts.properties;
  let found = false;
  try {
    for await (const ws of reader as unknown as AsyncIterable<SheetReader>) {
      const sheets = state.model?.sheets ?? [];
      progress.sheetNames = sheets.map((s) => s.name);
      const target = sheets.length > 0 ? pickSheet(sheets, sheet) : ws.name;
      if (target === null) break;
      // Any other sheet is skipped; exceljs drains its entry when we ask for the next one.
      if (ws.name !== target) continue;
      progress.sheetName = ws.name;
      found = true;
      const date1904 = state.properties?.model?.date1904 === true;
      for await (const row of ws) {
        const cells = rowCells(row, date1904);
        if (cells.length > 0) yield [row.number, cells];
      }
      break;
    }
  } catch (err) {
    throw unreadable(err);
  } finally {
    counter.destroy();
    input.destroy();
  }
  if (!found) {
    if (progress.sheetNames.length === 0) throw unreadable(new Error("no worksheet found"));
    const names = progress.sheetNames.map((n) => `"${n}"`).join(", ");
    throw new ImportFileError(
      "sheet_not_found",
      typeof sheet === "number"
        ? `The workbook has no sheet number ${sheet}; its sheets are ${names}.`
        : `The workbook has no sheet named "${String(sheet)}"; its sheets are ${names}.`,
    );
  }
}
