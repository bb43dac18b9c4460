/** A problem with the file as a whole: nothing of it can be imported until the user fixes or re-saves it. */

export type ImportFileErrorCode =
  | "empty"
  | "header_only"
  | "wrong_delimiter"
  | "bad_delimiter"
  | "title_rows"
  | "blank_header"
  | "duplicate_header"
  | "header_unreadable"
  | "not_text"
  | "utf16"
  | "legacy_xls"
  | "not_xlsx"
  | "unreadable_xlsx"
  | "sheet_not_found";

export class ImportFileError extends Error {
  override readonly name = "ImportFileError";
  readonly code: ImportFileErrorCode;
  /** wrong_delimiter: the separator the file most likely uses; pass it as `delimiter` to read it that way. */
  readonly suggestedDelimiter?: string;
  /** title_rows: the row that most likely holds the column names; pass it as `headerRow`. */
  readonly suggestedHeaderRow?: number;

  constructor(
    code: ImportFileErrorCode,
    message: string,
    extra: { suggestedDelimiter?: string; suggestedHeaderRow?: number; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.code = code;
    if (extra.suggestedDelimiter !== undefined) this.suggestedDelimiter = extra.suggestedDelimiter;
    if (extra.suggestedHeaderRow !== undefined) this.suggestedHeaderRow = extra.suggestedHeaderRow;
  }
}

const DELIMITER_NAMES: Record<string, string> = {
  ",": "commas (,)",
  ";": "semicolons (;)",
  "\t": "tabs",
  "|": "pipes (|)",
  " ": "spaces",
};

/** "semicolons (;)" — how a person names a separator. */
export function delimiterName(d: string): string {
  return DELIMITER_NAMES[d] ?? `"${d}"`;
}

/** 1 → "A", 28 → "AB": the column letter a spreadsheet shows. */
export function columnLetter(index1: number): string {
  let n = index1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}
