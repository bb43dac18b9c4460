/** Shapes shared by the file reader. Cells are always strings, untrimmed: validation decides what they mean. */

export type FileFormat = "csv" | "xlsx";

/** "windows-1252" is what people call Latin-1: it is a superset of ISO-8859-1 for every printable character. */
export type TextEncoding = "utf-8" | "windows-1252";

export type ReadOptions = {
  /** Force the field separator (any single character except `"`, CR or LF); detected when absent. */
  delimiter?: string;
  /** Force the text encoding of a CSV; detected when absent. */
  encoding?: TextEncoding;
  /** XLSX: sheet name, or 1-based position in the workbook. Default: the first visible sheet. */
  sheet?: string | number;
  /** Row number of the header row (1-based, as a spreadsheet counts). Default: the first non-blank row. */
  headerRow?: number;
  /** A CSV record longer than this (bytes, without its line end) becomes a row issue. Default 1 MiB. */
  maxRecordBytes?: number;
  /** Rows per batch from readRows. Default 2,000 (a batch may hold up to about 1.5× that). */
  batchSize?: number;
  /** Data rows in a sniff preview. Default 20. */
  previewRows?: number;
};

export type FileSniff = {
  format: FileFormat;
  /** null for XLSX. */
  encoding: TextEncoding | null;
  /** null for XLSX. */
  delimiter: string | null;
  /** The CSV starts with a UTF-8 byte-order mark (it is never part of the header). */
  hasBom: boolean;
  /** Column names, trimmed; trailing unnamed columns are dropped. Every row has exactly this many cells. */
  header: string[];
  /** Row number of the header row. */
  headerLine: number;
  /** First data rows that read cleanly, each exactly `header.length` cells. */
  preview: string[][];
  /** Row numbers of the preview rows. */
  previewLines: number[];
  /** Rows among the first ones that could not be read (same issues readRows reports). */
  previewIssues: RowIssue[];
  /** XLSX: all sheet names in workbook order, and the one read. */
  sheetNames?: string[];
  sheetName?: string;
  /** File size, for progress against `RowBatch.bytesRead`. */
  bytesTotal: number;
};

export type SourceRow = {
  /** 1-based row number as a spreadsheet user counts it (header row is row 1 when it is the first line). */
  line: number;
  /** Exactly as many cells as the header has columns. */
  cells: string[];
};

export type RowIssueCode = "record_too_long" | "field_count" | "unterminated_quote" | "invalid_utf8";

export type RowIssue = { line: number; message: string; code: RowIssueCode };

export type RowBatch = {
  rows: SourceRow[];
  issues: RowIssue[];
  /** Bytes of the source consumed so far (cumulative; for XLSX, compressed bytes). */
  bytesRead: number;
};

export type ReadRowsOptions = Omit<ReadOptions, "delimiter" | "encoding" | "previewRows"> & {
  format: FileFormat;
  /** Required for CSV (take it from the sniff); ignored for XLSX. */
  encoding: TextEncoding | null;
  /** Required for CSV (take it from the sniff); ignored for XLSX. */
  delimiter: string | null;
};
