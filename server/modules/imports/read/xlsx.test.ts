import { createReadStream } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";

import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ImportFileError, readRows, type ReadRowsOptions, type RowIssue, sniffFile, type SourceRow } from "./index";
import { isDateFormat, isoDate, plainNumber } from "./xlsx";

let dir: string;
let seq = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "recoup-xlsx-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const XLSX: ReadRowsOptions = { format: "xlsx", encoding: null, delimiter: null };

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = join(dir, `w${++seq}.xlsx`);
  await wb.xlsx.writeFile(path);
  return path;
}

async function readAll(source: string | NodeJS.ReadableStream, opts: ReadRowsOptions = XLSX) {
  const rows: SourceRow[] = [];
  const issues: RowIssue[] = [];
  let bytes = 0;
  for await (const b of readRows(source, opts)) {
    rows.push(...b.rows);
    issues.push(...b.issues);
    bytes = b.bytesRead;
  }
  return { rows, issues, bytes };
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

describe("cell text", () => {
  it("writes numbers in plain decimal form, as Excel shows them", () => {
    expect(plainNumber(1234.5)).toBe("1234.5");
    expect(plainNumber(-0)).toBe("0");
    expect(plainNumber(1e21)).toBe("1000000000000000000000");
    expect(plainNumber(-1.25e22)).toBe("-12500000000000000000000");
    expect(plainNumber(1.5e-7)).toBe("0.00000015");
    expect(plainNumber(-2e-10)).toBe("-0.0000000002");
    expect(plainNumber(0.1 + 0.2)).toBe("0.3");
    expect(plainNumber(123456789012345)).toBe("123456789012345");
    expect(plainNumber(Number.NaN)).toBe("");
  });

  it("keeps the value of any number with at most 15 significant digits", () => {
    for (let i = 0; i < 2000; i++) {
      const digits = Math.floor(Math.random() * 15) + 1;
      const scale = Math.floor(Math.random() * 40) - 20;
      const n = Number((Math.random() * 10 ** digits).toFixed(0)) * 10 ** scale * (Math.random() < 0.5 ? -1 : 1);
      const s = plainNumber(n);
      expect(s).toMatch(/^-?\d+(\.\d+)?$/);
      expect(Number(s)).toBe(Number(n.toPrecision(15)));
    }
  });

  it("writes dates as ISO, with a time only when there is one", () => {
    expect(isoDate(new Date(Date.UTC(2024, 1, 29)))).toBe("2024-02-29");
    expect(isoDate(new Date(Date.UTC(2024, 1, 29, 8, 5, 9)))).toBe("2024-02-29T08:05:09");
    // Serial fractions land a hair off the second.
    expect(isoDate(new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 999)))).toBe("2024-03-01");
    expect(isoDate(new Date(Date.UTC(1899, 11, 30, 12, 30)))).toBe("12:30:00");
  });

  it("tells date formats from number formats", () => {
    for (const f of ["yyyy-mm-dd", "mm-dd-yy", "d/m/yyyy h:mm", "[$-409]mmmm d, yyyy", "hh:mm:ss", "DD.MM.YYYY"]) {
      expect(isDateFormat(f)).toBe(true);
    }
    for (const f of ["General", "0.00", "#,##0.00 [$USD]", '0.0 "days"', "0.00E+00", "@", "_(* #,##0_)", undefined]) {
      expect(isDateFormat(f)).toBe(false);
    }
  });
});

describe("XLSX reading", () => {
  it("reads dates, numbers, strings, rich text, formulas, booleans and errors as text", async () => {
    const path = await workbook((wb) => {
      const ws = wb.addWorksheet("Accounts");
      ws.addRow(["Ref", "Due", "Amount", "Name", "Paid", "Total", "Next due", "Link", "Check", "Billed at"]);
      ws.addRow([
        "A-1",
        new Date(Date.UTC(2024, 0, 15)),
        1234.5,
        { richText: [{ text: "Mu" }, { text: "ñoz", font: { bold: true } }] },
        true,
        { formula: "C2*2", result: 2469 },
        { formula: "B2+30", result: 45336 },
        { text: "portal", hyperlink: "https://example.test" },
        { error: "#N/A" },
        new Date(Date.UTC(2024, 0, 15, 13, 45, 30)),
      ]);
      ws.getCell("C2").numFmt = "#,##0.00";
      ws.getCell("G2").numFmt = "dd/mm/yyyy";
      ws.getCell("J2").numFmt = "yyyy-mm-dd hh:mm:ss";
      ws.addRow(["A-2", null, 0.1 + 0.2, "  spaced  ", false]);
      ws.addRow([]);
      ws.addRow(["A-3", "", 1e21, "x"]);
    });
    const s = await sniffFile(path);
    expect(s.format).toBe("xlsx");
    expect(s.sheetNames).toEqual(["Accounts"]);
    expect(s.header).toEqual([
      "Ref",
      "Due",
      "Amount",
      "Name",
      "Paid",
      "Total",
      "Next due",
      "Link",
      "Check",
      "Billed at",
    ]);
    const { rows, issues } = await readAll(path);
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        cells: [
          "A-1",
          "2024-01-15",
          "1234.5",
          "Muñoz",
          "TRUE",
          "2469",
          "2024-02-14",
          "portal",
          "#N/A",
          "2024-01-15T13:45:30",
        ],
      },
      { line: 3, cells: ["A-2", "", "0.3", "  spaced  ", "FALSE", "", "", "", "", ""] },
      { line: 5, cells: ["A-3", "", "1000000000000000000000", "x", "", "", "", "", "", ""] },
    ]);
    expect(s.preview).toEqual(rows.map((r) => r.cells));
  });

  it("reads the first visible sheet by default, or the one named or numbered", async () => {
    const path = await workbook((wb) => {
      const hidden = wb.addWorksheet("Lookup", { state: "hidden" });
      hidden.addRow(["code"]);
      hidden.addRow(["x"]);
      const a = wb.addWorksheet("Open items");
      a.addRow(["ref"]);
      a.addRow(["open-1"]);
      const b = wb.addWorksheet("Closed");
      b.addRow(["ref", "closed on"]);
      b.addRow(["closed-1", "2024-01-01"]);
    });
    const s = await sniffFile(path);
    expect(s.sheetNames).toEqual(["Lookup", "Open items", "Closed"]);
    expect(s.sheetName).toBe("Open items");
    expect(s.preview).toEqual([["open-1"]]);
    expect((await sniffFile(path, { sheet: "closed" })).preview).toEqual([["closed-1", "2024-01-01"]]);
    expect((await readAll(path, { ...XLSX, sheet: 3 })).rows).toEqual([{ line: 2, cells: ["closed-1", "2024-01-01"] }]);
    expect((await readAll(path, { ...XLSX, sheet: 1 })).rows).toEqual([{ line: 2, cells: ["x"] }]);
    const e = await fileError(sniffFile(path, { sheet: "Nope" }));
    expect(e.code).toBe("sheet_not_found");
    expect(e.message).toContain('"Open items"');
  });

  it("keeps the sheet's row numbers and reports values outside the header", async () => {
    const path = await workbook((wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("A3").value = "ref";
      ws.getCell("B3").value = "amount";
      ws.getCell("A7").value = "r1";
      ws.getCell("B7").value = 5;
      ws.getCell("A9").value = "r2";
      ws.getCell("D9").value = "stray";
      ws.getCell("A10").value = "r3";
    });
    const s = await sniffFile(path);
    expect(s.headerLine).toBe(3);
    const { rows, issues } = await readAll(path);
    expect(rows).toEqual([
      { line: 7, cells: ["r1", "5"] },
      { line: 10, cells: ["r3", ""] },
    ]);
    expect(issues).toEqual([
      { line: 9, code: "field_count", message: "Row 9 has values in 4 columns (up to column D); the header has 2." },
    ]);
  });

  it("rejects an empty sheet, a header-only sheet, title rows and bad header names", async () => {
    const empty = await workbook((wb) => wb.addWorksheet("Blank"));
    const e1 = await fileError(sniffFile(empty));
    expect(e1.code).toBe("empty");
    expect(e1.message).toContain('"Blank"');
    const headerOnly = await workbook((wb) => wb.addWorksheet("H").addRow(["ref", "amount"]));
    expect((await fileError(sniffFile(headerOnly))).code).toBe("header_only");
    expect((await fileError(readAll(headerOnly))).code).toBe("header_only");
    const titled = await workbook((wb) => {
      const ws = wb.addWorksheet("Report");
      ws.addRow(["A/R Aging Detail"]);
      ws.addRow([]);
      ws.addRow(["Date", "Num", "Customer", "Open Balance"]);
      ws.addRow(["2024-01-01", "1001", "Acme", 10]);
      ws.addRow(["2024-01-02", "1002", "Beta", 20]);
    });
    const e3 = await fileError(sniffFile(titled));
    expect(e3.code).toBe("title_rows");
    expect(e3.suggestedHeaderRow).toBe(3);
    const s = await sniffFile(titled, { headerRow: 3 });
    expect(s.header).toEqual(["Date", "Num", "Customer", "Open Balance"]);
    expect((await readAll(titled, { ...XLSX, headerRow: 3 })).rows.map((r) => r.line)).toEqual([4, 5]);
    const dup = await workbook((wb) => {
      const ws = wb.addWorksheet("D");
      ws.addRow(["ref", "Ref"]);
      ws.addRow([1, 2]);
    });
    expect((await fileError(sniffFile(dup))).code).toBe("duplicate_header");
  });

  it("reads a stream as well as a path, and reports progress up to the file size", async () => {
    const path = await workbook((wb) => {
      const ws = wb.addWorksheet("S");
      ws.addRow(["ref", "due"]);
      for (let i = 0; i < 3000; i++) {
        ws.addRow([`R${i}`, new Date(Date.UTC(2024, 0, 1 + (i % 300)))]);
      }
    });
    const fromPath = await readAll(path);
    const fromStream = await readAll(createReadStream(path));
    expect(fromPath.rows).toHaveLength(3000);
    expect(fromPath.rows[299]!.cells).toEqual(["R299", "2024-10-26"]);
    expect(fromStream.rows).toEqual(fromPath.rows);
    const { size } = await import("node:fs/promises").then((fs) => fs.stat(path));
    expect(fromPath.bytes).toBe(size);
  });

  it("leaves no temporary files behind when a sniff stops early", async () => {
    const path = await workbook((wb) => {
      const ws = wb.addWorksheet("S");
      ws.addRow(["ref"]);
      for (let i = 0; i < 500; i++) ws.addRow([`R${i}`]);
    });
    const before = (await readdir(tmpdir())).filter((f) => f.startsWith("tmp-")).length;
    expect((await sniffFile(path)).preview).toHaveLength(20);
    const after = (await readdir(tmpdir())).filter((f) => f.startsWith("tmp-")).length;
    expect(after).toBe(before);
  });
});

/** A ZIP with deflated (or stored) entries in exactly the order given. */
function zip(entries: [name: string, text: string][], stored = false): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const raw = Buffer.from(text);
    const data = stored ? raw : deflateRawSync(raw);
    const nameBuf = Buffer.from(name);
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PARTS: Record<string, string> = {
  "[Content_Types].xml":
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="xml" ContentType="application/xml"/></Types>',
  "xl/workbook.xml": `<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  "xl/_rels/workbook.xml.rels":
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
    `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  "xl/sharedStrings.xml": `<sst ${NS} count="3" uniqueCount="3"><si><t>Ref</t></si><si><t>Due</t></si><si><t>Issued</t></si></sst>`,
  "xl/styles.xml":
    `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>` +
    '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>' +
    '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/>' +
    '<xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>',
  "xl/worksheets/sheet1.xml":
    `<worksheet ${NS}><sheetData>` +
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
    '<row r="2"><c r="A2" t="inlineStr"><is><t>X-1</t></is></c><c r="B2" s="1"><v>45307</v></c>' +
    '<c r="C2" s="2"><f>B2-1</f><v>45306</v></c></row></sheetData></worksheet>',
};

describe("XLSX written by other programs", () => {
  const order = (names: string[]): [string, string][] => names.map((n) => [n, PARTS[n]!]);
  const excelOrder = order([
    "[Content_Types].xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/worksheets/sheet1.xml",
    "xl/styles.xml",
    "xl/sharedStrings.xml",
  ]);
  const stylesLast = order([
    "[Content_Types].xml",
    "xl/_rels/workbook.xml.rels",
    "xl/workbook.xml",
    "xl/sharedStrings.xml",
    "xl/worksheets/sheet1.xml",
    "xl/styles.xml",
  ]);
  const expected = [{ line: 2, cells: ["X-1", "2024-01-16", "2024-01-15"] }];

  it("recognises dates by custom and built-in formats, whatever the order of the parts", async () => {
    for (const entries of [excelOrder, stylesLast]) {
      const path = join(dir, `z${++seq}.xlsx`);
      await writeFile(path, zip(entries));
      const s = await sniffFile(path);
      expect(s.header).toEqual(["Ref", "Due", "Issued"]);
      expect((await readAll(path)).rows).toEqual(expected);
    }
  });

  it("reads a stream whatever the order of the parts, even with uncompressed entries", async () => {
    for (const entries of [zip(excelOrder), zip(stylesLast), zip(excelOrder, true)]) {
      const path = join(dir, `z${++seq}.xlsx`);
      await writeFile(path, entries);
      // exceljs alone loses entries after an uncompressed sheet when it reads a stream in one pass.
      for (let i = 0; i < 5; i++) expect((await readAll(createReadStream(path))).rows).toEqual(expected);
    }
  });

  it("rejects a ZIP that is not a workbook", async () => {
    const path = join(dir, `z${++seq}.xlsx`);
    await writeFile(path, zip([["readme.txt", "hello"]]));
    expect((await fileError(sniffFile(path))).code).toBe("unreadable_xlsx");
    const ods = join(dir, `z${++seq}.ods`);
    await writeFile(ods, zip([["mimetype", "application/vnd.oasis.opendocument.spreadsheet"]], true));
    expect((await fileError(sniffFile(ods))).code).toBe("not_xlsx");
  });
});
