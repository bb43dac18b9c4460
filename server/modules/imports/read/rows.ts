/**
 * Turns records (CSV or XLSX) into header + data rows of exactly the header's width, and row issues for records
 * that cannot be read. Pure.
 */
import { columnLetter, formatCount, ImportFileError } from "./errors";
import type { FileFormat, RowIssue, SourceRow } from "./types";

/** Blank rows carry no data (Excel writes them as ",,,"); they are skipped, their row numbers still counted. */
export function isBlankRecord(cells: string[]): boolean {
  for (const c of cells) {
    // Fast exit on the usual first cell; whitespace-only cells count as blank.
    if (c.length > 0 && (c.charCodeAt(0) > 32 || c.trim() !== "")) return false;
  }
  return true;
}

function isBlankCell(c: string): boolean {
  return c.length === 0 || (c.charCodeAt(0) <= 32 && c.trim() === "");
}

/**
 * Validates a header record and returns the column names, trimmed. Trailing unnamed columns are dropped (Excel
 * exports formatted-but-empty columns as trailing separators); a blank or repeated name elsewhere is an error.
 */
export function validateHeader(cells: string[], line: number): string[] {
  let width = cells.length;
  while (width > 0 && isBlankCell(cells[width - 1]!)) width--;
  const names = cells.slice(0, width).map((c) => c.trim());
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const col = `column ${i + 1} (${columnLetter(i + 1)})`;
    if (name === "") {
      throw new ImportFileError(
        "blank_header",
        `The header row (row ${line}) has no name in ${col}; give every column a name.`,
      );
    }
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      throw new ImportFileError(
        "duplicate_header",
        `The header row (row ${line}) names two columns "${name}": column ${first + 1} (${columnLetter(first + 1)}) ` +
          `and ${col}; give each column a different name.`,
      );
    }
    seen.set(key, i);
  });
  return names;
}

export type AssemblerOptions = {
  format: FileFormat;
  headerRow?: number;
  maxRecordBytes: number;
  /** The delimiter, for hints in messages (CSV). */
  delimiter?: string;
};

export class RowAssembler {
  header: string[] | null = null;
  headerLine = 0;
  rows: SourceRow[] = [];
  issues: RowIssue[] = [];
  /** Non-blank records after the header, readable or not. */
  dataRecords = 0;
  /** Set once the decoder has produced U+FFFD: from then on rows are checked for it. */
  sawReplacementChar = false;

  private width = 0;
  private readonly opts: AssemblerOptions;

  constructor(opts: AssemblerOptions) {
    this.opts = opts;
  }

  record(line: number, cells: string[]): void {
    if (this.header === null) {
      this.takeHeader(line, cells);
      return;
    }
    if (isBlankRecord(cells)) return;
    this.dataRecords++;
    const w = this.width;
    let n = cells.length;
    if (n !== w) {
      if (this.opts.format === "xlsx") {
        // Sheets are ragged by nature: missing cells are empty; only values beyond the header are a problem.
        while (n > w && isBlankCell(cells[n - 1]!)) n--;
        if (n > w) {
          this.issue(
            line,
            "field_count",
            `Row ${line} has values in ${n} columns (up to column ${columnLetter(n)}); the header has ${w}.`,
          );
          return;
        }
        cells.length = w;
        for (let i = n; i < w; i++) cells[i] = "";
      } else {
        while (n > w && cells[n - 1] === "") n--;
        if (n !== w) {
          const d = this.opts.delimiter ?? ",";
          const shown = d === "\t" ? "tab" : `"${d}"`;
          const hint =
            n > w
              ? ` (a value may contain an unquoted ${shown}; such values must be in double quotes)`
              : " (values may be missing, or a line break may have split the row)";
          this.issue(line, "field_count", `Row ${line} has ${cells.length} fields; the header has ${w}${hint}.`);
          return;
        }
        cells.length = w;
      }
    }
    if (this.sawReplacementChar && cells.some((c) => c.includes("\uFFFD"))) {
      this.issue(
        line,
        "invalid_utf8",
        `Row ${line} contains characters that are not valid UTF-8 (shown as �). The file may be in another ` +
          `encoding, such as Latin-1: save it as "CSV UTF-8" and upload it again.`,
      );
      return;
    }
    this.rows.push({ line, cells });
  }

  tooLong(line: number, bytes: number, quoteUnclosed: boolean): void {
    const hint = quoteUnclosed ? ' — a double quote (") in it is probably never closed' : "";
    const message = `Row ${line} is ${formatCount(bytes)} bytes long; the limit is ${formatCount(this.opts.maxRecordBytes)}${hint}.`;
    if (this.header === null) {
      if (this.opts.headerRow !== undefined && line < this.opts.headerRow) return;
      throw new ImportFileError("header_unreadable", `The header row cannot be read: ${message}`);
    }
    this.dataRecords++;
    this.issue(line, "record_too_long", message);
  }

  unterminated(line: number): void {
    const message =
      `Row ${line} opens a double quote (") that is never closed, so the file from row ${line} to its end ` +
      `could not be read.`;
    if (this.header === null) {
      if (this.opts.headerRow !== undefined && line < this.opts.headerRow) return;
      throw new ImportFileError("header_unreadable", `The header row cannot be read: ${message}`);
    }
    this.dataRecords++;
    this.issue(line, "unterminated_quote", message);
  }

  /** At the end of the input: a file with no header or no data is an error. */
  finish(): void {
    if (this.header === null) {
      if (this.opts.headerRow !== undefined) {
        throw new ImportFileError("empty", `The file has no row ${this.opts.headerRow} to use as the header row.`);
      }
      throw new ImportFileError("empty", "The file is empty (it has no rows with any values).");
    }
    if (this.dataRecords === 0) {
      throw new ImportFileError("header_only", "The file has a header row but no data rows.");
    }
  }

  /** Hands over the rows and issues gathered so far. */
  take(bytesRead: number): { rows: SourceRow[]; issues: RowIssue[]; bytesRead: number } {
    const batch = { rows: this.rows, issues: this.issues, bytesRead };
    this.rows = [];
    this.issues = [];
    return batch;
  }

  private takeHeader(line: number, cells: string[]): void {
    const want = this.opts.headerRow;
    if (want !== undefined) {
      if (line < want) return;
      if (line > want || isBlankRecord(cells)) {
        throw new ImportFileError("blank_header", `Row ${want}, chosen as the header row, is empty.`);
      }
    } else if (isBlankRecord(cells)) {
      return;
    }
    const header = validateHeader(cells, line);
    this.header = header;
    this.headerLine = line;
    this.width = header.length;
  }

  private issue(line: number, code: RowIssue["code"], message: string): void {
    this.issues.push({ line, code, message });
  }
}
