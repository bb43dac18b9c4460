import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ImportFileError, readRows, type ReadRowsOptions, sniffFile, type RowIssue, type SourceRow } from "./index";

let dir: string;
let seq = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "recoup-read-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(content: string | Buffer, ext = "csv"): Promise<string> {
  const path = join(dir, `f${++seq}.${ext}`);
  await writeFile(path, content);
  return path;
}

async function readAll(
  source: string | NodeJS.ReadableStream,
  opts: ReadRowsOptions,
): Promise<{ rows: SourceRow[]; issues: RowIssue[]; bytes: number[] }> {
  const rows: SourceRow[] = [];
  const issues: RowIssue[] = [];
  const bytes: number[] = [];
  for await (const b of readRows(source, opts)) {
    rows.push(...b.rows);
    issues.push(...b.issues);
    bytes.push(b.bytesRead);
  }
  return { rows, issues, bytes };
}

/** Sniff, then read the whole file with what the sniff found. */
async function load(content: string | Buffer) {
  const path = await file(content);
  const sniff = await sniffFile(path);
  const all = await readAll(path, sniff);
  return { path, sniff, ...all };
}

async function fileError(p: Promise<unknown>): Promise<ImportFileError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImportFileError) return e;
    throw e;
  }
  throw new Error("expected an ImportFileError");
}

/** A stream that hands out the bytes in pieces of the given size, to cross every boundary. */
function chunked(buf: Buffer, size: number): Readable {
  const pieces: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) pieces.push(buf.subarray(i, i + size));
  return Readable.from(pieces);
}

describe("file-level errors", () => {
  it("rejects an empty file", async () => {
    const e = await fileError(sniffFile(await file("")));
    expect(e.code).toBe("empty");
    expect(e.message).toBe("The file is empty.");
  });

  it("rejects a file of blank lines", async () => {
    const e = await fileError(sniffFile(await file("\r\n\n   \n")));
    expect(e.code).toBe("empty");
  });

  it("rejects a header with no data rows, with or without a final line end, in sniff and in readRows", async () => {
    for (const content of ["ref,amount\n", "ref,amount", "ref,amount\r\n\r\n,\n"]) {
      const e = await fileError(sniffFile(await file(content)));
      expect(e.code).toBe("header_only");
      expect(e.message).toBe("The file has a header row but no data rows.");
    }
    const path = await file("ref;amount\n");
    const e = await fileError(readAll(path, { format: "csv", encoding: "utf-8", delimiter: ";" }));
    expect(e.code).toBe("header_only");
  });

  it("says which separator was meant when the chosen one does not split the file", async () => {
    const path = await file("ref;amount;due\nA1;12,50;2024-01-02\nA2;3,00;2024-02-03\n");
    const e = await fileError(sniffFile(path, { delimiter: "," }));
    expect(e.code).toBe("wrong_delimiter");
    expect(e.suggestedDelimiter).toBe(";");
    expect(e.message).toContain("semicolons (;)");
    // Detected on its own, the semicolon wins over the decimal commas.
    const s = await sniffFile(path);
    expect(s.delimiter).toBe(";");
    expect(s.header).toEqual(["ref", "amount", "due"]);
    expect(s.preview[0]).toEqual(["A1", "12,50", "2024-01-02"]);
  });

  it("explains lines that are wrapped in quotes as a whole", async () => {
    const e = await fileError(sniffFile(await file('"ref;amount"\n"A1;12.50"\n"A2;3.00"\n')));
    expect(e.code).toBe("wrong_delimiter");
    expect(e.suggestedDelimiter).toBe(";");
  });

  it("names an unusual separator, and reads the file when it is passed", async () => {
    const path = await file("ref^amount^due\nA1^12.50^2024-01-02\nA2^3.00^2024-02-03\n");
    const e = await fileError(sniffFile(path));
    expect(e.code).toBe("wrong_delimiter");
    expect(e.suggestedDelimiter).toBe("^");
    expect(e.message).toContain('"^"');
    const s = await sniffFile(path, { delimiter: "^" });
    expect(s.header).toEqual(["ref", "amount", "due"]);
    const { rows } = await readAll(path, s);
    expect(rows.map((r) => r.cells)).toEqual([
      ["A1", "12.50", "2024-01-02"],
      ["A2", "3.00", "2024-02-03"],
    ]);
  });

  it("reads a genuine one-column list", async () => {
    const { sniff, rows } = await load("Reference\nA-1\nA-2\n");
    expect(sniff.header).toEqual(["Reference"]);
    expect(rows.map((r) => r.cells)).toEqual([["A-1"], ["A-2"]]);
  });

  it("rejects a separator that cannot be one", async () => {
    const path = await file("a,b\n1,2\n");
    expect((await fileError(sniffFile(path, { delimiter: '"' }))).code).toBe("bad_delimiter");
    expect((await fileError(sniffFile(path, { delimiter: ",," }))).code).toBe("bad_delimiter");
  });

  it("rejects blank and duplicate column names, naming the columns", async () => {
    const blank = await fileError(sniffFile(await file("ref,,amount\n1,2,3\n")));
    expect(blank.code).toBe("blank_header");
    expect(blank.message).toContain("column 2 (B)");
    const dup = await fileError(sniffFile(await file("Ref,Amount,amount \n1,2,3\n")));
    expect(dup.code).toBe("duplicate_header");
    expect(dup.message).toContain("column 2 (B)");
    expect(dup.message).toContain("column 3 (C)");
    // readRows checks the header too.
    const e = await fileError(readAll(await file("a,a\n1,2\n"), { format: "csv", encoding: "utf-8", delimiter: "," }));
    expect(e.code).toBe("duplicate_header");
  });

  it("drops unnamed trailing columns that Excel leaves behind, and the empty cells under them", async () => {
    const { sniff, rows, issues } = await load("ref,amount,,\r\nA1,5,,\r\nA2,6\r\nA3,7,,x\r\n");
    expect(sniff.header).toEqual(["ref", "amount"]);
    expect(rows).toEqual([
      { line: 2, cells: ["A1", "5"] },
      { line: 3, cells: ["A2", "6"] },
    ]);
    expect(issues).toEqual([{ line: 4, code: "field_count", message: expect.stringContaining("Row 4 has 4 fields") }]);
  });

  it("refuses UTF-16 with a message that says to save as UTF-8", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("ref,amount\r\nA1,5\r\n", "utf16le")]);
    const e = await fileError(sniffFile(await file(utf16)));
    expect(e.code).toBe("utf16");
    expect(e.message).toContain("UTF-8");
    const noBom = await fileError(sniffFile(await file(Buffer.from("ref,amount\r\nA1,5\r\n", "utf16le"))));
    expect(noBom.code).toBe("utf16");
  });

  it("rejects binary files, old .xls workbooks and zips that are not workbooks", async () => {
    const garbage = Buffer.alloc(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256;
    expect((await fileError(sniffFile(await file(garbage)))).code).toBe("not_text");
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500)]);
    expect((await fileError(sniffFile(await file(xls, "xls")))).code).toBe("legacy_xls");
    expect((await fileError(sniffFile(await file("%PDF-1.7\n...", "pdf")))).code).toBe("not_text");
    // Starts like a zip, then nothing sensible.
    const badZip = Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), garbage]);
    expect((await fileError(sniffFile(await file(badZip, "xlsx")))).code).toBe("unreadable_xlsx");
  });

  it("accepts data rows that end with a separator the header lacks, and rows with empty trailing cells", async () => {
    const { sniff, rows } = await load("ref,amount,note\nA1,5,\nA2,6,x,\nA3,,\n");
    expect(sniff.header).toEqual(["ref", "amount", "note"]);
    expect(rows.map((r) => r.cells)).toEqual([
      ["A1", "5", ""],
      ["A2", "6", "x"],
      ["A3", "", ""],
    ]);
    const everyRow = await load("ref;amount\nA1;5;\nA2;6;\n");
    expect(everyRow.sniff.delimiter).toBe(";");
    expect(everyRow.rows.map((r) => r.cells)).toEqual([
      ["A1", "5"],
      ["A2", "6"],
    ]);
  });

  it("points at title rows above the table instead of guessing the header row", async () => {
    const content = "Aged receivables\nAs of 2024-12-31\n\nref,amount,due\nA1,5,2024-01-01\nA2,6,2024-01-02\n";
    const path = await file(content);
    const e = await fileError(sniffFile(path));
    expect(e.code).toBe("title_rows");
    expect(e.suggestedHeaderRow).toBe(4);
    const s = await sniffFile(path, { headerRow: 4 });
    expect(s.header).toEqual(["ref", "amount", "due"]);
    expect(s.headerLine).toBe(4);
    const { rows } = await readAll(path, { ...s, headerRow: 4 });
    expect(rows.map((r) => r.line)).toEqual([5, 6]);
  });
});

describe("CSV reading", () => {
  it("strips a BOM from the first column name", async () => {
    const { sniff, rows } = await load(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("ref,name\nA1,Zoë\n")]),
    );
    expect(sniff.hasBom).toBe(true);
    expect(sniff.encoding).toBe("utf-8");
    expect(sniff.header).toEqual(["ref", "name"]);
    expect(rows).toEqual([{ line: 2, cells: ["A1", "Zoë"] }]);
  });

  it("keeps line breaks, separators and doubled quotes inside quoted fields, and counts rows as records", async () => {
    const content =
      'ref,note,amount\r\nA1,"line 1\r\nline 2",5\r\nA2,"a, ""b""\nc",6\r\nA3,"cr\ronly",7\r\nA4,"",8\r\nA5,"x"\r\n';
    const { rows, issues } = await load(content);
    expect(rows).toEqual([
      { line: 2, cells: ["A1", "line 1\r\nline 2", "5"] },
      { line: 3, cells: ["A2", 'a, "b"\nc', "6"] },
      { line: 4, cells: ["A3", "cr\ronly", "7"] },
      { line: 5, cells: ["A4", "", "8"] },
    ]);
    expect(issues).toEqual([{ line: 6, code: "field_count", message: expect.stringContaining("Row 6 has 2 fields") }]);
  });

  it("reads text after a closing quote and a quote inside an unquoted field as Excel does", async () => {
    const { rows } = await load('a,b\n"x"y,ab"c\n');
    expect(rows[0]!.cells).toEqual(["xy", 'ab"c']);
  });

  it("reads CRLF, LF and CR-only line ends alike", async () => {
    for (const eol of ["\r\n", "\n", "\r"]) {
      const { rows } = await load(["ref,amount", "A1,1", "A2,2"].join(eol) + eol);
      expect(rows).toEqual([
        { line: 2, cells: ["A1", "1"] },
        { line: 3, cells: ["A2", "2"] },
      ]);
    }
  });

  it("detects semicolon, tab and pipe files", async () => {
    for (const d of [";", "\t", "|"]) {
      const { sniff, rows } = await load(`ref${d}name${d}amount\nA1${d}Smith, J${d}1,50\nA2${d}Lee${d}2\n`);
      expect(sniff.delimiter).toBe(d);
      expect(rows.map((r) => r.cells)).toEqual([
        ["A1", "Smith, J", "1,50"],
        ["A2", "Lee", "2"],
      ]);
    }
  });

  it("reads Latin-1 (Windows-1252) when the file is not UTF-8", async () => {
    const { sniff, rows } = await load(Buffer.from("ref,name,note\nA1,Muñoz,\x80 5 \x93ok\x94\n", "latin1"));
    expect(sniff.encoding).toBe("windows-1252");
    expect(rows[0]!.cells).toEqual(["A1", "Muñoz", "€ 5 “ok”"]);
    const utf8 = await load("ref,name\nA1,Muñoz\n");
    expect(utf8.sniff.encoding).toBe("utf-8");
    expect(utf8.rows[0]!.cells).toEqual(["A1", "Muñoz"]);
  });

  it("flags rows that are not UTF-8 when the head of the file was", async () => {
    const good = "ref,name\n" + "A,plain ascii row that fills the sniffed head\n".repeat(7000);
    const content = Buffer.concat([Buffer.from(good), Buffer.from("B,Muñoz\nC,ok\n", "latin1")]);
    const { sniff, rows, issues } = await load(content);
    expect(sniff.encoding).toBe("utf-8");
    expect(rows).toHaveLength(7001);
    expect(rows.at(-1)).toEqual({ line: 7003, cells: ["C", "ok"] });
    expect(issues).toEqual([{ line: 7002, code: "invalid_utf8", message: expect.stringContaining("Row 7002") }]);
  });

  it("skips blank lines in the middle and at the end, keeping true row numbers", async () => {
    const { rows } = await load("\nref,amount\n\nA1,1\n  \n,\nA2,2\n\n\n\r\n");
    expect(rows).toEqual([
      { line: 4, cells: ["A1", "1"] },
      { line: 7, cells: ["A2", "2"] },
    ]);
  });

  it("reports rows with the wrong number of fields and keeps reading", async () => {
    const { rows, issues } = await load("a,b,c\n1,2,3\n1,2,3,4\n1,2\n4,5,6\n");
    expect(rows.map((r) => r.line)).toEqual([2, 5]);
    expect(issues.map((i) => [i.line, i.code])).toEqual([
      [3, "field_count"],
      [4, "field_count"],
    ]);
    expect(issues[0]!.message).toMatch(/^Row 3 has 4 fields; the header has 3 \(a value may contain an unquoted ","/);
    expect(issues[1]!.message).toMatch(/^Row 4 has 2 fields; the header has 3/);
  });

  it("reports a quote that is never closed at the end of the file", async () => {
    const { rows, issues } = await load('ref,note\nA1,fine\nA2,"never closed\nA3,lost\n');
    expect(rows).toEqual([{ line: 2, cells: ["A1", "fine"] }]);
    expect(issues).toEqual([
      { line: 3, code: "unterminated_quote", message: expect.stringContaining('Row 3 opens a double quote (")') },
    ]);
  });

  it("turns a 10 MB line into one issue, reads the rows around it, and never holds it whole", async () => {
    const big = "x".repeat(10 * 1024 * 1024);
    const content = Buffer.from(`ref,note\nA1,before\n${big}\nA3,after\n`);
    const path = await file(content);
    const s = await sniffFile(path);
    expect(s.preview).toEqual([["A1", "before"]]);
    const { rows, issues, bytes } = await readAll(path, s);
    expect(rows).toEqual([
      { line: 2, cells: ["A1", "before"] },
      { line: 4, cells: ["A3", "after"] },
    ]);
    expect(issues).toEqual([
      { line: 3, code: "record_too_long", message: "Row 3 is 10,485,760 bytes long; the limit is 1,048,576." },
    ]);
    expect(bytes.at(-1)).toBe(content.length);
    // Small pieces: the record must be skipped while streaming, with the same result.
    const again = await readAll(chunked(content, 65_536), s);
    expect(again.rows).toEqual(rows);
    expect(again.issues).toEqual(issues);
  });

  it("counts bytes, not characters, against the limit, through quotes and line breaks", async () => {
    // 400 two-byte characters in a quoted field with a line break: 800+ bytes, 400-odd characters.
    const long = `"${"é".repeat(200)}\n${"é".repeat(200)}"`;
    const content = Buffer.from(`a,b\n1,${long}\n2,ok\n`);
    const opts: ReadRowsOptions = { format: "csv", encoding: "utf-8", delimiter: ",", maxRecordBytes: 500 };
    for (const size of [7, 64, 100_000]) {
      const { rows, issues } = await readAll(chunked(content, size), opts);
      expect(rows).toEqual([{ line: 3, cells: ["2", "ok"] }]);
      expect(issues).toEqual([
        { line: 2, code: "record_too_long", message: "Row 2 is 805 bytes long; the limit is 500." },
      ]);
    }
  });

  it("hints at a missing closing quote when an over-long record spans many lines", async () => {
    const content = `a,b\n1,"oops\n${"2,filler row\n".repeat(200)}`;
    const { rows, issues } = await readAll(chunked(Buffer.from(content), 100), {
      format: "csv",
      encoding: "utf-8",
      delimiter: ",",
      maxRecordBytes: 1000,
    });
    expect(rows).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.code).toBe("record_too_long");
    expect(issues[0]!.message).toContain("never closed");
  });

  it("reports progress in bytes up to the file size, in batches of bounded size", async () => {
    const lines = ["ref,amount"];
    for (let i = 0; i < 25_000; i++) lines.push(`R${i},${i}`);
    const path = await file(lines.join("\n"));
    const size = (await stat(path)).size;
    const sizes: number[] = [];
    const progress: number[] = [];
    for await (const b of readRows(path, { format: "csv", encoding: "utf-8", delimiter: ",", batchSize: 1000 })) {
      sizes.push(b.rows.length);
      progress.push(b.bytesRead);
    }
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(25_000);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(5000);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(size);
  });

  it("can stop early", async () => {
    const path = await file("a,b\n" + "1,2\n".repeat(50_000));
    let seen = 0;
    for await (const b of readRows(path, { format: "csv", encoding: "utf-8", delimiter: ",", batchSize: 1000 })) {
      seen += b.rows.length;
      break;
    }
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(50_000);
  });

  it("previews at most 20 rows and the issues among them", async () => {
    const lines = ["a,b"];
    for (let i = 0; i < 30; i++) lines.push(i === 3 ? "bad" : `${i},x`);
    const s = await sniffFile(await file(lines.join("\n")));
    expect(s.preview).toHaveLength(20);
    expect(s.previewLines[0]).toBe(2);
    expect(s.previewIssues.map((i) => i.line)).toEqual([5]);
    expect(s.bytesTotal).toBe(lines.join("\n").length);
  });
});
