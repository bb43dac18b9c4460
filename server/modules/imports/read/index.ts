/**
 * Reading import files: sniff the head (format, encoding, separator, header, preview), then stream every row in
 * batches. CSV (any of , ; tab |, quoted fields, BOM, CRLF, UTF-8 or Windows-1252) and XLSX.
 */
export { sniffFile, SNIFF_BYTES } from "./sniff";
export { readRows, DEFAULT_BATCH_SIZE, DEFAULT_MAX_RECORD_BYTES } from "./read-rows";
export { ImportFileError, type ImportFileErrorCode, columnLetter, delimiterName } from "./errors";
export type {
  FileFormat,
  FileSniff,
  ReadOptions,
  ReadRowsOptions,
  RowBatch,
  RowIssue,
  RowIssueCode,
  SourceRow,
  TextEncoding,
} from "./types";
