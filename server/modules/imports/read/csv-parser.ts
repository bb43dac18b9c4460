/**
 * Streaming RFC 4180 record splitter over decoded text chunks. Pure: no I/O, no knowledge of headers.
 *
 * Grammar (per field): a field starting with `"` is quoted until a lone `"`; `""` inside is one quote; delimiters
 * and line breaks (CRLF, LF or CR) inside quotes are data. Text after a closing quote up to the field's end is kept
 * literally, and a `"` inside an unquoted field is literal — both as Excel reads them. Records end at CRLF, LF or a
 * lone CR outside quotes.
 *
 * Speed: most lines hold no quote, so a line is found with native indexOf and split with native split; only lines
 * with quotes or lone CRs go through the character loop.
 *
 * Memory: text of an unfinished record is carried to the next chunk, but once it exceeds the byte limit the
 * record is skipped while scanning (only the quote state and a byte count are kept), so a 10 MB line never sits
 * in memory whole.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

export type CsvSink = {
  /** A complete record. Empty lines (no characters at all) are not reported; their row numbers are still used. */
  record(line: number, cells: string[]): void;
  /** A record longer than the limit; `quoteUnclosed` when a quote in it probably never closes. */
  tooLong(line: number, bytes: number, quoteUnclosed: boolean): void;
  /** A quoted field was still open at the end of the input. */
  unterminated(line: number): void;
};

// Scanner states, used while skipping an over-long record.
const START = 0; // at the start of a field
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3; // just after a `"` inside a quoted field: closing, or the first half of `""`

type SkipState = { line: number; bytes: number; state: number; quotedBreaks: number };

/**
 * Line breaks inside quotes in one over-long record from which we call the quote probably unclosed: a real note
 * has a few paragraphs, a missing quote swallows thousands of rows.
 */
const UNCLOSED_QUOTE_BREAKS = 100;

export type CsvParserOptions = {
  delimiter: string;
  maxRecordBytes: number;
  /** Bytes this text had in the file. */
  byteLength: (s: string) => number;
  /** Most bytes one UTF-16 code unit can take in the file's encoding (3 for UTF-8, 1 for single-byte). */
  maxBytesPerChar: number;
};

export class CsvRecordParser {
  private readonly delim: string;
  private readonly delimCode: number;
  private readonly maxBytes: number;
  /** Records at most this many code units long cannot exceed maxBytes, so their bytes need no counting. */
  private readonly safeChars: number;
  private readonly byteLength: (s: string) => number;
  private readonly sink: CsvSink;

  /** Records finished so far, empty lines included: the next record is row `line + 1`. */
  private line = 0;
  private carry = "";
  private pendingLF = false;
  private skip: SkipState | null = null;

  constructor(opts: CsvParserOptions, sink: CsvSink) {
    if (opts.delimiter.length !== 1) throw new Error("delimiter must be one character");
    this.delim = opts.delimiter;
    this.delimCode = opts.delimiter.charCodeAt(0);
    this.maxBytes = opts.maxRecordBytes;
    this.safeChars = Math.floor(opts.maxRecordBytes / opts.maxBytesPerChar);
    this.byteLength = opts.byteLength;
    this.sink = sink;
  }

  /** Row number of the last record finished. */
  get lastLine(): number {
    return this.line;
  }

  /** Feed the next piece of text; `final` marks the end of the input (text may then be ""). */
  feed(text: string, final: boolean): void {
    let s = text;
    let p = 0;
    if (this.skip !== null) {
      const next = this.skipScan(s, 0, final);
      if (next < 0) return;
      p = next;
    }
    if (this.pendingLF && p < s.length) {
      if (s.charCodeAt(p) === LF) p++;
      this.pendingLF = false;
    }
    if (this.carry !== "") {
      s = this.carry + (p === 0 ? s : s.slice(p));
      p = 0;
      this.carry = "";
    }
    this.parse(s, p, final);
  }

  private parse(s: string, start: number, final: boolean): void {
    const n = s.length;
    const delim = this.delim;
    let p = start;
    // Next LF, quote and CR at or after p (n when none); refreshed only when p passes them.
    let nl = -1;
    let q = -1;
    let cr = -1;
    while (p < n) {
      if (nl < p) {
        nl = s.indexOf("\n", p);
        if (nl < 0) nl = n;
      }
      if (q < p) {
        q = s.indexOf('"', p);
        if (q < 0) q = n;
      }
      if (cr < p) {
        cr = s.indexOf("\r", p);
        if (cr < 0) cr = n;
      }
      if (nl < n && q > nl && cr >= nl - 1) {
        // A whole line with no quote and no CR except one right before the LF.
        const end = cr === nl - 1 ? cr : nl;
        this.line++;
        if (end > p) {
          if (end - p > this.safeChars && this.overLimit(s, p, end)) {
            this.sink.tooLong(this.line, this.byteLength(s.slice(p, end)), false);
          } else {
            this.sink.record(this.line, s.slice(p, end).split(delim));
          }
        }
        p = nl + 1;
        continue;
      }
      const next = this.parseSlow(s, p, final);
      if (next < 0) break;
      p = next;
    }
    if (p >= n) return;
    // The record starting at p is unfinished: carry it, or start skipping it if it is already too long.
    const rest = s.slice(p);
    if (rest.length > this.safeChars && this.byteLength(rest) > this.maxBytes) {
      this.skip = { line: this.line + 1, bytes: 0, state: START, quotedBreaks: 0 };
      this.skipScan(rest, 0, false);
    } else {
      this.carry = rest;
    }
  }

  private overLimit(s: string, from: number, to: number): boolean {
    return to - from > this.maxBytes || this.byteLength(s.slice(from, to)) > this.maxBytes;
  }

  /** One record from p with the full state machine. Returns the index after it, or -1 if the text ends first. */
  private parseSlow(s: string, p: number, final: boolean): number {
    const n = s.length;
    const D = this.delimCode;
    const cells: string[] = [];
    let i = p;
    let c: number;
    for (;;) {
      if (i >= n) {
        // The input ends right after a delimiter: that delimiter opened an empty last field.
        if (!final) return -1;
        cells.push("");
        return this.finish(s, cells, p, n, n);
      }
      let val: string;
      if (s.charCodeAt(i) === QUOTE) {
        let j = i + 1;
        val = "";
        for (;;) {
          const k = s.indexOf('"', j);
          if (k < 0) {
            if (!final) return -1;
            this.line++;
            this.sink.unterminated(this.line);
            return n;
          }
          if (k + 1 >= n) {
            // Cannot tell a closing quote from the first half of `""` until more text arrives.
            if (!final) return -1;
            val += s.slice(j, k);
            i = k + 1;
            break;
          }
          if (s.charCodeAt(k + 1) === QUOTE) {
            val += s.slice(j, k + 1);
            j = k + 2;
            continue;
          }
          val += s.slice(j, k);
          i = k + 1;
          break;
        }
        if (i < n) {
          const t = i;
          while (i < n && (c = s.charCodeAt(i)) !== D && c !== CR && c !== LF) i++;
          if (i > t) val += s.slice(t, i);
        }
      } else {
        const t = i;
        while (i < n && (c = s.charCodeAt(i)) !== D && c !== CR && c !== LF) i++;
        val = s.slice(t, i);
      }
      cells.push(val);
      if (i >= n) {
        if (!final) return -1;
        return this.finish(s, cells, p, n, n);
      }
      c = s.charCodeAt(i);
      if (c === D) {
        i++;
        continue;
      }
      const end = i;
      if (c === CR) {
        if (i + 1 < n) {
          i += s.charCodeAt(i + 1) === LF ? 2 : 1;
        } else {
          i += 1;
          if (!final) this.pendingLF = true;
        }
      } else {
        i += 1;
      }
      return this.finish(s, cells, p, end, i);
    }
  }

  private finish(s: string, cells: string[], from: number, end: number, next: number): number {
    this.line++;
    if (end - from > this.safeChars && this.overLimit(s, from, end)) {
      this.sink.tooLong(this.line, this.byteLength(s.slice(from, end)), false);
    } else if (end > from) {
      this.sink.record(this.line, cells);
    }
    return next;
  }

  /**
   * Continue skipping an over-long record through s from `from`, counting its bytes. Returns the index after the
   * record's line end, or -1 when s ends first (all of it consumed).
   */
  private skipScan(s: string, from: number, final: boolean): number {
    const sk = this.skip!;
    const D = this.delimCode;
    const n = s.length;
    let st = sk.state;
    let i = from;
    while (i < n) {
      if (st === QUOTED) {
        const k = s.indexOf('"', i);
        const stop = k < 0 ? n : k;
        if (sk.quotedBreaks < UNCLOSED_QUOTE_BREAKS) {
          for (let b = s.indexOf("\n", i); b >= 0 && b < stop; b = s.indexOf("\n", b + 1)) sk.quotedBreaks++;
        }
        if (k < 0) break;
        i = k + 1;
        st = QUOTE_SEEN;
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === CR || c === LF) {
        sk.bytes += this.byteLength(s.slice(from, i));
        this.endSkip();
        if (c === CR) {
          if (i + 1 < n) return s.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
          if (!final) this.pendingLF = true;
        }
        return i + 1;
      }
      if (c === D) st = START;
      else if (c === QUOTE) st = st === START ? QUOTED : st === QUOTE_SEEN ? QUOTED : UNQUOTED;
      else st = UNQUOTED;
      i++;
    }
    sk.bytes += this.byteLength(from === 0 ? s : s.slice(from));
    sk.state = st;
    if (final) {
      if (st === QUOTED) sk.quotedBreaks = UNCLOSED_QUOTE_BREAKS;
      this.endSkip();
    }
    return -1;
  }

  private endSkip(): void {
    const sk = this.skip!;
    this.skip = null;
    this.line = sk.line;
    this.sink.tooLong(sk.line, sk.bytes, sk.quotedBreaks >= UNCLOSED_QUOTE_BREAKS);
  }
}
