/**
 * Choosing a CSV's separator from the head of the file, and explaining a file that does not split into columns.
 * Pure.
 */
import { CsvRecordParser } from "./csv-parser";
import { delimiterName, ImportFileError } from "./errors";
import { isBlankRecord } from "./rows";

export const DELIMITERS = [",", ";", "\t", "|"] as const;
/** Separators nobody should use, but some systems do; we name them instead of guessing. */
const UNUSUAL = [":", "^", "~", "#", "!", "/", "\\", "*", "=", "+", "$", "%", "&", "@", "¦", "§", "¬"];

const SAMPLE_RECORDS = 50;

/** `count`: fields; `width`: fields up to the last non-blank one (some exports end data rows with a separator). */
export type SampleRecord = { line: number; count: number; width: number };

export function recordWidth(cells: string[]): number {
  let n = cells.length;
  while (n > 0 && cells[n - 1]!.trim() === "") n--;
  return n;
}

export type DelimiterStats = {
  delimiter: string;
  records: SampleRecord[];
  /** The most common field count (the larger on a tie). */
  mode: number;
  /** Share of sampled records with `mode` fields. */
  support: number;
  /** The first record (the header) has `mode` fields. */
  headerMatches: boolean;
};

/** Field counts of the first non-blank records of `text` split by `delimiter`, quotes respected. */
export function sampleRecords(text: string, delimiter: string, eof: boolean, limit = SAMPLE_RECORDS): SampleRecord[] {
  const out: SampleRecord[] = [];
  const parser = new CsvRecordParser(
    { delimiter, maxRecordBytes: Number.MAX_SAFE_INTEGER, byteLength: (s) => s.length, maxBytesPerChar: 1 },
    {
      record: (line, cells) => {
        if (out.length < limit && !isBlankRecord(cells)) {
          out.push({ line, count: cells.length, width: recordWidth(cells) });
        }
      },
      tooLong: () => undefined,
      unterminated: () => undefined,
    },
  );
  parser.feed(text, eof);
  return out;
}

/** The most common value (the larger on a tie) and how many have it. */
function modeOf(values: number[]): [mode: number, freq: number] {
  const freq = new Map<number, number>();
  for (const v of values) freq.set(v, (freq.get(v) ?? 0) + 1);
  let mode = 0;
  let best = 0;
  for (const [v, f] of freq) {
    if (f > best || (f === best && v > mode)) {
      mode = v;
      best = f;
    }
  }
  return [mode, best];
}

/** Mode and agreement of field counts for one candidate separator. */
export function delimiterStats(records: SampleRecord[], delimiter: string): DelimiterStats {
  const [mode, best] = modeOf(records.map((r) => r.count));
  return {
    delimiter,
    records,
    mode,
    support: records.length === 0 ? 0 : best / records.length,
    headerMatches: records.length > 0 && records[0]!.count === mode,
  };
}

/**
 * The candidate that splits the sample most consistently into more than one column: a header with the common
 * field count first (a decimal comma in a ;-file splits data rows but not the header), then agreement, then more
 * columns. null when no candidate gives more than one column.
 */
export function detectDelimiter(text: string, eof: boolean): DelimiterStats | null {
  const all = DELIMITERS.map((d) => delimiterStats(sampleRecords(text, d, eof), d));
  let best: DelimiterStats | null = null;
  for (const s of all) {
    if (s.mode < 2) continue;
    if (
      best === null ||
      Number(s.headerMatches) > Number(best.headerMatches) ||
      (s.headerMatches === best.headerMatches &&
        (s.support > best.support || (s.support === best.support && s.mode > best.mode)))
    ) {
      best = s;
    }
  }
  return best;
}

export function validateDelimiter(d: string): void {
  if (d.length !== 1 || d === '"' || d === "\r" || d === "\n") {
    throw new ImportFileError(
      "bad_delimiter",
      `"${d}" cannot be a separator: choose a single character other than a double quote or a line break.`,
    );
  }
}

/** First non-blank physical lines of the head, for explaining single-column files. */
function sampleLines(text: string, eof: boolean): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  if (!eof) lines.pop();
  return lines.filter((l) => l.trim() !== "").slice(0, SAMPLE_RECORDS);
}

function count(line: string, ch: string): number {
  let n = 0;
  for (let i = line.indexOf(ch); i >= 0; i = line.indexOf(ch, i + 1)) n++;
  return n;
}

/**
 * The file reads as one column with every candidate: say why, when it is clear. Lines that all contain a usual
 * separator (inside quotes, or the user chose another separator) or all contain an unusual character equally
 * often are not a genuine one-column list.
 */
export function explainSingleColumn(text: string, eof: boolean, chosen: string | undefined): ImportFileError | null {
  const lines = sampleLines(text, eof);
  if (lines.length === 0) return null;
  for (const d of DELIMITERS) {
    if (d === chosen || !lines.every((l) => l.includes(d))) continue;
    const how =
      chosen === undefined
        ? `The file reads as a single column although every line contains ${delimiterName(d)}: the lines are ` +
          `probably wrapped in double quotes as a whole. Re-save the file so that only values are quoted.`
        : `The file is not separated by ${delimiterName(chosen)}: every line reads as a single column, but ` +
          `every line contains ${delimiterName(d)}. Choose that separator instead.`;
    return new ImportFileError("wrong_delimiter", how, { suggestedDelimiter: d });
  }
  if (lines.length < 2) return null;
  for (const u of UNUSUAL) {
    if (u === chosen) continue;
    const first = count(lines[0]!, u);
    if (first > 0 && lines.every((l) => count(l, u) === first)) {
      return new ImportFileError(
        "wrong_delimiter",
        `The file seems to be separated by "${u}", which is not a usual separator: choose "${u}" as the ` +
          `separator to read it.`,
        { suggestedDelimiter: u },
      );
    }
  }
  return null;
}

/**
 * The first record has fewer filled columns than most rows: a title above the table (reports from accounting
 * systems often have one), or a header missing names. We do not guess which row holds the column names.
 */
export function checkTitleRows(records: SampleRecord[], separator: string): void {
  const first = records[0];
  const [mode] = modeOf(records.map((r) => r.width));
  if (first === undefined || mode < 2 || first.width >= mode) return;
  const table = records.find((r) => r.width === mode);
  if (table === undefined) return;
  throw new ImportFileError(
    "title_rows",
    `Row ${first.line} has ${first.width} column${first.width === 1 ? "" : "s"} but most rows have ${mode}` +
      `${separator}. If the rows above row ${table.line} are a title, choose row ${table.line} as the header ` +
      `row; otherwise give every column of row ${first.line} a name.`,
    { suggestedHeaderRow: table.line },
  );
}
