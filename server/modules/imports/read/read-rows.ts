/** The whole file as a stream of row batches. The only I/O is reading the file (or the stream given). */
import { createReadStream } from "node:fs";

import { CsvRecordParser } from "./csv-parser";
import { byteLengthFor, createDecoder } from "./decode";
import { validateDelimiter } from "./detect";
import { ImportFileError } from "./errors";
import { RowAssembler } from "./rows";
import type { ReadRowsOptions, RowBatch, TextEncoding } from "./types";
import { type XlsxProgress, xlsxRows } from "./xlsx";

export const DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;
export const DEFAULT_BATCH_SIZE = 2000;
/** Bytes read from a file at a time. */
const READ_BYTES = 256 * 1024;
/**
 * Bytes decoded and parsed at a time: about half a batch of rows of the size seen so far, so a batch stays near
 * batchSize whether rows are 10 bytes or 1 KB, and however big the chunks of a caller's stream are.
 */
const MIN_SLICE = 16 * 1024;
const MAX_SLICE = 256 * 1024;

/**
 * Reads every data row of the file, in batches. The header row is read, validated and not yielded; every row
 * has exactly the header's number of cells. Rows that cannot be read become issues and reading goes on.
 * Throws ImportFileError when the file has no header, no data rows, or an unusable header. Stopping the
 * iteration early closes the file.
 */
export async function* readRows(
  source: string | NodeJS.ReadableStream,
  opts: ReadRowsOptions,
): AsyncGenerator<RowBatch, void, undefined> {
  if (opts.format === "xlsx") {
    yield* readXlsxRows(source, opts);
    return;
  }
  if (opts.encoding === null || opts.delimiter === null) {
    throw new Error("readRows: a CSV needs the encoding and delimiter found by sniffFile");
  }
  yield* readCsvRows(source, opts, opts.encoding, opts.delimiter);
}

async function* readCsvRows(
  source: string | NodeJS.ReadableStream,
  opts: ReadRowsOptions,
  encoding: TextEncoding,
  delimiter: string,
): AsyncGenerator<RowBatch, void, undefined> {
  validateDelimiter(delimiter);
  const maxRecordBytes = opts.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const rows = new RowAssembler({ format: "csv", headerRow: opts.headerRow, maxRecordBytes, delimiter });
  const parser = new CsvRecordParser(
    {
      delimiter,
      maxRecordBytes,
      byteLength: byteLengthFor(encoding),
      maxBytesPerChar: encoding === "utf-8" ? 3 : 1,
    },
    rows,
  );
  const decoder = createDecoder(encoding);
  const input = typeof source === "string" ? createReadStream(source, { highWaterMark: READ_BYTES }) : source;
  let bytesRead = 0;
  let slice = MIN_SLICE;
  let reported = 0;
  const feed = (text: string, final: boolean): void => {
    // U+FFFD comes from bytes that are not UTF-8; once seen, rows are checked for it.
    if (!rows.sawReplacementChar && encoding === "utf-8" && text.includes("\uFFFD")) rows.sawReplacementChar = true;
    parser.feed(text, final);
  };
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    for (let off = 0; off < buf.length;) {
      const piece = off === 0 && buf.length <= slice ? buf : buf.subarray(off, off + slice);
      off += piece.length;
      bytesRead += piece.length;
      feed(decoder.write(piece), false);
      if (rows.dataRecords > 0) {
        const perRow = bytesRead / rows.dataRecords;
        slice = Math.min(MAX_SLICE, Math.max(MIN_SLICE, Math.round((perRow * batchSize) / 2)));
      }
      if (rows.rows.length >= batchSize || rows.issues.length >= batchSize) {
        reported = bytesRead;
        yield rows.take(bytesRead);
      }
    }
  }
  feed(decoder.end(), true);
  rows.finish();
  if (rows.rows.length > 0 || rows.issues.length > 0 || reported < bytesRead) yield rows.take(bytesRead);
}

async function* readXlsxRows(
  source: string | NodeJS.ReadableStream,
  opts: ReadRowsOptions,
): AsyncGenerator<RowBatch, void, undefined> {
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const rows = new RowAssembler({
    format: "xlsx",
    headerRow: opts.headerRow,
    maxRecordBytes: opts.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES,
  });
  const progress: XlsxProgress = { bytesRead: 0, sheetNames: [], sheetName: null };
  let reported = 0;
  for await (const [line, cells] of xlsxRows(source, opts.sheet, progress)) {
    rows.record(line, cells);
    if (rows.rows.length >= batchSize || rows.issues.length >= batchSize) {
      reported = progress.bytesRead;
      yield rows.take(progress.bytesRead);
    }
  }
  finishXlsx(rows, progress, opts.headerRow);
  if (rows.rows.length > 0 || rows.issues.length > 0 || reported < progress.bytesRead) {
    yield rows.take(progress.bytesRead);
  }
}

/** Like RowAssembler.finish, naming the sheet. */
export function finishXlsx(rows: RowAssembler, progress: XlsxProgress, headerRow: number | undefined): void {
  const sheet = progress.sheetName === null ? "The sheet" : `The sheet "${progress.sheetName}"`;
  if (rows.header === null) {
    if (headerRow !== undefined) {
      throw new ImportFileError("empty", `${sheet} has no row ${headerRow} to use as the header row.`);
    }
    throw new ImportFileError("empty", `${sheet} is empty (it has no rows with any values).`);
  }
  if (rows.dataRecords === 0) throw new ImportFileError("header_only", `${sheet} has a header row but no data rows.`);
}
