/** A first look at an uploaded file: what it is, how to read it, its header and first rows. Reads only the head. */
import { open } from "node:fs/promises";

import { CsvRecordParser } from "./csv-parser";
import { byteLengthFor, createDecoder, detectEncoding, hasUtf8Bom, isZip, rejectNonText } from "./decode";
import {
  checkTitleRows,
  type DelimiterStats,
  delimiterStats,
  detectDelimiter,
  explainSingleColumn,
  recordWidth,
  type SampleRecord,
  sampleRecords,
  validateDelimiter,
} from "./detect";
import { delimiterName, ImportFileError } from "./errors";
import { DEFAULT_MAX_RECORD_BYTES, finishXlsx } from "./read-rows";
import { isBlankRecord, RowAssembler } from "./rows";
import type { FileSniff, ReadOptions } from "./types";
import { type XlsxProgress, xlsxRows } from "./xlsx";

/** How much of a CSV is read to sniff it. */
export const SNIFF_BYTES = 256 * 1024;
const DEFAULT_PREVIEW_ROWS = 20;

export async function sniffFile(path: string, opts: ReadOptions = {}): Promise<FileSniff> {
  const fh = await open(path, "r");
  let head: Buffer;
  let size: number;
  try {
    size = (await fh.stat()).size;
    const want = Math.min(size, SNIFF_BYTES);
    head = Buffer.alloc(want);
    let got = 0;
    while (got < want) {
      const { bytesRead } = await fh.read(head, got, want - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    head = head.subarray(0, got);
  } finally {
    await fh.close();
  }
  if (head.length === 0) throw new ImportFileError("empty", "The file is empty.");
  if (isZip(head)) return sniffXlsx(path, opts, size, head);
  return sniffCsv(head, head.length >= size, size, opts);
}

function previewOf(
  rows: RowAssembler,
  previewRows: number,
): Pick<FileSniff, "preview" | "previewLines" | "previewIssues"> {
  const shown = rows.rows.slice(0, previewRows);
  const lastLine = shown.length === previewRows ? shown[shown.length - 1]!.line : Number.POSITIVE_INFINITY;
  return {
    preview: shown.map((r) => r.cells),
    previewLines: shown.map((r) => r.line),
    previewIssues: rows.issues.filter((i) => i.line <= lastLine),
  };
}

function sniffCsv(head: Buffer, eof: boolean, size: number, opts: ReadOptions): FileSniff {
  rejectNonText(head);
  const hasBom = hasUtf8Bom(head);
  const encoding = opts.encoding ?? detectEncoding(hasBom ? head.subarray(3) : head, eof);
  const decoder = createDecoder(encoding);
  const text = decoder.write(head) + (eof ? decoder.end() : "");
  if (eof && text.trim() === "") throw new ImportFileError("empty", "The file is empty (it has only blank lines).");

  let stats: DelimiterStats;
  if (opts.delimiter !== undefined) {
    validateDelimiter(opts.delimiter);
    stats = delimiterStats(sampleRecords(text, opts.delimiter, eof), opts.delimiter);
    const auto = detectDelimiter(text, eof);
    // The chosen separator does not split the header as it splits the rows, and another one clearly does.
    if (
      auto !== null &&
      auto.delimiter !== opts.delimiter &&
      auto.headerMatches &&
      auto.support >= 0.8 &&
      (stats.mode < 2 || !stats.headerMatches)
    ) {
      throw new ImportFileError(
        "wrong_delimiter",
        `The file is separated by ${delimiterName(auto.delimiter)}, not by ${delimiterName(opts.delimiter)}. ` +
          `Choose ${delimiterName(auto.delimiter)} as the separator.`,
        { suggestedDelimiter: auto.delimiter },
      );
    }
    if (stats.mode < 2) {
      const why = explainSingleColumn(text, eof, opts.delimiter);
      if (why !== null) throw why;
    }
  } else {
    const auto = detectDelimiter(text, eof);
    if (auto === null) {
      const why = explainSingleColumn(text, eof, undefined);
      if (why !== null) throw why;
      // A genuine one-column list: any separator reads it the same; comma is what people expect to see.
      stats = delimiterStats(sampleRecords(text, ",", eof), ",");
    } else {
      stats = auto;
    }
  }
  const delimiter = stats.delimiter;
  if (opts.headerRow === undefined) {
    checkTitleRows(stats.records, ` (separated by ${delimiterName(delimiter)})`);
  }

  const maxRecordBytes = opts.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const rows = new RowAssembler({ format: "csv", headerRow: opts.headerRow, maxRecordBytes, delimiter });
  rows.sawReplacementChar = encoding === "utf-8" && text.includes("\uFFFD");
  const parser = new CsvRecordParser(
    { delimiter, maxRecordBytes, byteLength: byteLengthFor(encoding), maxBytesPerChar: encoding === "utf-8" ? 3 : 1 },
    rows,
  );
  parser.feed(text, eof);
  if (eof) rows.finish();
  if (rows.header === null) {
    throw new ImportFileError(
      "header_unreadable",
      `No header row was found in the first ${SNIFF_BYTES / 1024} KB of the file.`,
    );
  }
  return {
    format: "csv",
    encoding,
    delimiter,
    hasBom,
    header: rows.header,
    headerLine: rows.headerLine,
    ...previewOf(rows, opts.previewRows ?? DEFAULT_PREVIEW_ROWS),
    bytesTotal: size,
  };
}

/** Sheet rows are sampled until this many non-blank rows past the header row. */
const XLSX_SAMPLE_EXTRA = 40;

async function sniffXlsx(path: string, opts: ReadOptions, size: number, head: Buffer): Promise<FileSniff> {
  if (head.includes("opendocument.spreadsheet")) {
    throw new ImportFileError(
      "not_xlsx",
      "The file is an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV UTF-8 and upload it again.",
    );
  }
  const previewRows = opts.previewRows ?? DEFAULT_PREVIEW_ROWS;
  const from = opts.headerRow ?? 0;
  const progress: XlsxProgress = { bytesRead: 0, sheetNames: [], sheetName: null };
  const records: [number, string[]][] = [];
  let eof = true;
  let sampled = 0;
  for await (const record of xlsxRows(path, opts.sheet, progress)) {
    records.push(record);
    if (record[0] >= from && !isBlankRecord(record[1])) sampled++;
    if (sampled >= previewRows + XLSX_SAMPLE_EXTRA) {
      eof = false;
      break;
    }
  }
  if (opts.headerRow === undefined) {
    const sample: SampleRecord[] = [];
    for (const [line, cells] of records) {
      const width = recordWidth(cells);
      if (width > 0) sample.push({ line, count: width, width });
    }
    checkTitleRows(sample, "");
  }
  const rows = new RowAssembler({
    format: "xlsx",
    headerRow: opts.headerRow,
    maxRecordBytes: opts.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES,
  });
  for (const [line, cells] of records) rows.record(line, cells);
  if (eof) finishXlsx(rows, progress, opts.headerRow);
  if (rows.header === null) {
    throw new ImportFileError("header_unreadable", "No header row was found at the top of the sheet.");
  }
  return {
    format: "xlsx",
    encoding: null,
    delimiter: null,
    hasBom: false,
    header: rows.header,
    headerLine: rows.headerLine,
    ...previewOf(rows, previewRows),
    sheetNames: progress.sheetNames,
    sheetName: progress.sheetName ?? undefined,
    bytesTotal: size,
  };
}
