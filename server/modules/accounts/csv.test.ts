import { describe, expect, it } from "vitest";
import { csvCell, csvHeader, csvLine, csvRows, exportCsvStream } from "./csv";
import type { ExportRow } from "./export-accounts";

const row = (over: Partial<ExportRow> = {}): ExportRow => ({
  id: "00000000-0000-4000-8000-000000000001",
  externalRef: "R-1",
  status: "active",
  currency: "USD",
  balanceMinor: 123_456,
  dueOn: "2026-10-01",
  placedAt: new Date("2026-01-15T10:00:00Z"),
  state: "AZ",
  tags: ["hardship", "skip-trace"],
  lastContactAt: null,
  promiseStatus: null,
  promiseDueOn: null,
  version: 1,
  debtorId: "00000000-0000-4000-8000-000000000002",
  debtorName: "Dana Doe",
  creditorName: "Acme Bank",
  assigneeId: null,
  assigneeName: null,
  dpd: 54,
  bucket: "31-60",
  ...over,
});

describe("CSV export cells", () => {
  it("neutralises text a spreadsheet would run as a formula", () => {
    expect(csvCell("=1+2")).toBe("'=1+2");
    expect(csvCell("+15551234")).toBe("'+15551234");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("\rcmd")).toBe(`"'\rcmd"`);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("quotes commas, quotes and line breaks, and leaves numbers and blanks alone", () => {
    expect(csvCell("Doe, Dana")).toBe('"Doe, Dana"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(-12)).toBe("-12");
    // A negative amount written as text is still only a number; anything more after the sign is neutralised.
    expect(csvCell("-23.45")).toBe("-23.45");
    expect(csvCell("-23.45+A1")).toBe("'-23.45+A1");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvLine(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
  });

  it("writes a header and one line per account, money in major units", () => {
    expect(csvHeader()).toMatch(/^Reference,Debtor,Creditor,Status,Days past due,Aging bucket,Balance,Currency,/);
    const line = csvRows([row({ debtorName: "=cmd|' /C calc'!A0", lastContactAt: new Date("2026-11-20T08:30:00Z") })]);
    expect(line).toBe(
      `R-1,'=cmd|' /C calc'!A0,Acme Bank,active,54,31-60,1234.56,USD,2026-10-01,2026-01-15,AZ,,2026-11-20T08:30:00.000Z,,,hardship skip-trace\r\n`,
    );
    expect(csvRows([row({ currency: "JPY", balanceMinor: 5000 })])).toContain(",5000,JPY,");
  });

  it("streams the BOM, the header and each batch, and stops the source when cancelled", async () => {
    async function* batches() {
      await Promise.resolve();
      yield [row({ externalRef: "A" })];
      yield [row({ externalRef: "B" }), row({ externalRef: "C" })];
    }
    const bytes = new Uint8Array(await new Response(exportCsvStream(batches())).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes); // drops the BOM
    const lines = text.split("\r\n");
    expect(lines[0]).toMatch(/^Reference,/);
    expect(lines.slice(1, 4).map((l) => l.split(",")[0])).toEqual(["A", "B", "C"]);
    expect(lines).toHaveLength(5); // header, three rows, and the empty string after the last CRLF

    let finished = false;
    async function* endless() {
      await Promise.resolve();
      try {
        for (;;) yield [row()];
      } finally {
        finished = true;
      }
    }
    const reader = exportCsvStream(endless()).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(finished).toBe(true);
  });
});
