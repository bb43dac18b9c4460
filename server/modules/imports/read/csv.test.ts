import { Readable } from "node:stream";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { CsvRecordParser, type CsvSink } from "./csv-parser";
import { readRows, type SourceRow, type TextEncoding } from "./index";

type Event = [kind: string, line: number, detail: unknown];

/** Runs the parser over the text cut into the given pieces; returns everything it reported. */
function parse(pieces: string[], delimiter = ",", maxRecordBytes = 1 << 20): Event[] {
  const events: Event[] = [];
  const sink: CsvSink = {
    record: (line, cells) => events.push(["record", line, cells]),
    tooLong: (line, bytes, unclosed) => events.push(["tooLong", line, [bytes, unclosed]]),
    unterminated: (line) => events.push(["unterminated", line, null]),
  };
  const p = new CsvRecordParser(
    { delimiter, maxRecordBytes, byteLength: (s) => Buffer.byteLength(s), maxBytesPerChar: 3 },
    sink,
  );
  pieces.forEach((piece, i) => p.feed(piece, i === pieces.length - 1));
  return events;
}

/** Every way to cut the text in two, and in three. */
function* cuts(text: string): Generator<string[]> {
  for (let i = 0; i <= text.length; i++) {
    yield [text.slice(0, i), text.slice(i)];
    for (let j = i; j <= text.length; j += 3) yield [text.slice(0, i), text.slice(i, j), text.slice(j)];
  }
}

describe("CsvRecordParser", () => {
  const tricky = 'a,b,c\r\n"q""1","x\r\ny",3\r\n\r\nplain,"",\rlast,"end""",x"y"z\n"tail"after,b,"c,d"\r"closed"';

  it("reads RFC 4180 records", () => {
    expect(parse([tricky])).toEqual([
      ["record", 1, ["a", "b", "c"]],
      ["record", 2, ['q"1', "x\r\ny", "3"]],
      ["record", 4, ["plain", "", ""]],
      ["record", 5, ["last", 'end"', 'x"y"z']],
      ["record", 6, ["tailafter", "b", "c,d"]],
      ["record", 7, ["closed"]],
    ]);
  });

  it("gives the same records however the text is cut into chunks", () => {
    const whole = parse([tricky]);
    for (const pieces of cuts(tricky)) expect(parse(pieces)).toEqual(whole);
  });

  it("reports over-long records with their byte size, however the text is cut", () => {
    const quoted = `"${"x".repeat(10)}""${"x".repeat(10)}\r\n${"y".repeat(20)}"`;
    const text = `h\r\nshort\r\n${"é".repeat(30)}\r\n${quoted}\r\nafter\r\n${"z".repeat(41)}\r\nend`;
    const expected: Event[] = [
      ["record", 1, ["h"]],
      ["record", 2, ["short"]],
      ["tooLong", 3, [60, false]],
      ["tooLong", 4, [46, false]],
      ["record", 5, ["after"]],
      ["tooLong", 6, [41, false]],
      ["record", 7, ["end"]],
    ];
    expect(parse([text], ",", 40)).toEqual(expected);
    for (const pieces of cuts(text)) expect(parse(pieces, ",", 40)).toEqual(expected);
  });

  it("reports a quote left open at the end", () => {
    expect(parse(['a\n"open\nmore\n'])).toEqual([
      ["record", 1, ["a"]],
      ["unterminated", 2, null],
    ]);
    for (const pieces of cuts('a\n"open\nmore\n')) expect(parse(pieces).at(-1)).toEqual(["unterminated", 2, null]);
  });

  it("ends records at a lone CR in a line that also has an LF", () => {
    expect(parse(["x\ry\r\nz\n"])).toEqual([
      ["record", 1, ["x"]],
      ["record", 2, ["y"]],
      ["record", 3, ["z"]],
    ]);
  });

  it("ends a record at the end of input without a line end, after a trailing delimiter too", () => {
    expect(parse(["x,y\n1,"])).toEqual([
      ["record", 1, ["x", "y"]],
      ["record", 2, ["1", ""]],
    ]);
    expect(parse(["x\r"])).toEqual([["record", 1, ["x"]]]);
  });
});

// Characters that stress quoting, separators, line ends and encodings.
const UTF8_CHARS = ["a", "Z", "0", " ", '"', ",", ";", "\t", "|", "\n", "\r", "é", "ñ", "€", "“", "\u00a0", "😀", "中"];
const CP1252_CHARS = UTF8_CHARS.filter((c) => c !== "😀" && c !== "中");

/** Windows-1252 bytes of the test characters: Latin-1 below 0x100, plus the two that live in 0x80–0x9F. */
function cp1252Byte(ch: string): number {
  if (ch === "€") return 0x80;
  if (ch === "“") return 0x93;
  const code = ch.charCodeAt(0);
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  throw new Error(`no Windows-1252 byte for ${ch}`);
}

function encode(text: string, encoding: TextEncoding): Buffer {
  if (encoding === "utf-8") return Buffer.from(text, "utf8");
  return Buffer.from([...text].map(cp1252Byte));
}

/** `eols[i]` ends row i; the last row has a line end only when there is one more. */
function writeCsv(table: string[][], delimiter: string, eols: string[], quoteAll: boolean): string {
  const field = (v: string): string =>
    quoteAll || v.includes('"') || v.includes(delimiter) || v.includes("\n") || v.includes("\r")
      ? `"${v.replaceAll('"', '""')}"`
      : v;
  return table.map((row, i) => row.map(field).join(delimiter) + (eols[i] ?? "")).join("");
}

describe("round trip", () => {
  it("reads back any table written as RFC 4180 CSV, in any separator, line end, encoding and chunking", async () => {
    const scenario = fc
      .record({
        encoding: fc.constantFrom<TextEncoding>("utf-8", "windows-1252"),
        cols: fc.integer({ min: 1, max: 6 }),
        rows: fc.integer({ min: 1, max: 15 }),
      })
      .chain(({ encoding, cols, rows }) => {
        const cell = fc.string({
          unit: fc.constantFrom(...(encoding === "utf-8" ? UTF8_CHARS : CP1252_CHARS)),
          maxLength: 10,
        });
        return fc.record({
          encoding: fc.constant(encoding),
          // Names are trimmed and must be unique: give each a distinct, non-blank frame.
          header: fc.tuple(...Array.from({ length: cols }, (_, i) => cell.map((s) => `H${i}${s}x`))),
          // A non-blank first cell: rows with only blank cells are skipped by design.
          body: fc.array(
            fc.tuple(...Array.from({ length: cols }, (_, i) => (i === 0 ? cell.map((s) => `r${s}`) : cell))),
            { minLength: rows, maxLength: rows },
          ),
          delimiter: fc.constantFrom(",", ";", "\t", "|"),
          // Mixed line ends: files pasted together from several systems have them.
          eols: fc.array(fc.constantFrom("\n", "\r\n", "\r"), { minLength: rows, maxLength: rows + 1 }),
          quoteAll: fc.boolean(),
          bom: encoding === "utf-8" ? fc.boolean() : fc.constant(false),
          chunk: fc.integer({ min: 1, max: 200 }),
        });
      });
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const table = [s.header, ...s.body];
        const text = writeCsv(table, s.delimiter, s.eols, s.quoteAll);
        const bytes = Buffer.concat([
          s.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
          encode(text, s.encoding),
        ]);
        const pieces: Buffer[] = [];
        for (let i = 0; i < bytes.length; i += s.chunk) pieces.push(bytes.subarray(i, i + s.chunk));
        const rows: SourceRow[] = [];
        const issues: unknown[] = [];
        for await (const b of readRows(Readable.from(pieces), {
          format: "csv",
          encoding: s.encoding,
          delimiter: s.delimiter,
        })) {
          rows.push(...b.rows);
          issues.push(...b.issues);
        }
        expect(issues).toEqual([]);
        expect(rows).toEqual(s.body.map((cells, i) => ({ line: i + 2, cells })));
      }),
      { numRuns: 400 },
    );
  });
});
