import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inferDateFormat, parseDate, readDate, type DateOptions } from "./date";

const ok = (text: string, options?: DateOptions) => {
  const r = parseDate(text, options);
  if (!r.ok) throw new Error(`expected "${text}" to parse, got: ${r.message}`);
  return r.value;
};
const refused = (text: string, options?: DateOptions) => {
  const r = parseDate(text, options);
  if (r.ok) throw new Error(`expected "${text}" to be refused, got ${r.value}`);
  return r.message;
};

describe("parseDate", () => {
  it("reads ISO, month names, YYYYMMDD and unambiguous numeric dates", () => {
    for (const text of [
      "2024-03-05",
      "2024/3/5",
      "2024.03.05",
      "20240305",
      "Mar 5, 2024",
      "March 5 2024",
      "5 Mar 2024",
      "5 March 2024",
      "05-Mar-24",
      "5th March 2024",
      "Tuesday, March 5, 2024",
      "2024-Mar-05",
      "2024-03-05 14:22",
      "2024-03-05T14:22:11.5Z",
      "2024-03-05 14:22:11 UTC",
    ]) {
      expect(ok(text), text).toBe("2024-03-05");
    }
    expect(ok("13/05/2024")).toBe("2024-05-13");
    expect(ok("05/13/2024")).toBe("2024-05-13");
    expect(ok("03/03/2024")).toBe("2024-03-03"); // both readings are the same day
  });

  it("converts a time with an offset to the UTC date", () => {
    expect(ok("2024-03-05T23:30:00-05:00")).toBe("2024-03-06");
    expect(ok("2024-03-05T01:00:00+02:00")).toBe("2024-03-04");
    expect(ok("2024-12-31T22:00:00-0300")).toBe("2025-01-01");
  });

  it("refuses an ambiguous day/month without a column format, naming both readings", () => {
    expect(refused("03/04/2024")).toBe(
      '"03/04/2024" is ambiguous: it is 4 March 2024 if the month comes first, or 3 April 2024 if the day comes first; choose this column\'s date format',
    );
    expect(refused("5.3.2024")).toMatch(/^"5\.3\.2024" is ambiguous: it is 3 May 2024 .* or 5 March 2024/);
    expect(refused("3/5/24 2:22 PM")).toMatch(/is ambiguous/);
    expect(ok("03/04/2024", { format: "MDY" })).toBe("2024-03-04");
    expect(ok("03/04/2024", { format: "DMY" })).toBe("2024-04-03");
    expect(ok("3-4-2024", { format: "DMY" })).toBe("2024-04-03");
  });

  it("tells which order a value proves", () => {
    expect(readDate("25/03/2024")).toEqual({ ok: true, value: { iso: "2024-03-25", proves: "DMY" } });
    expect(readDate("03/25/2024")).toEqual({ ok: true, value: { iso: "2024-03-25", proves: "MDY" } });
    expect(readDate("2024-03-25")).toEqual({ ok: true, value: { iso: "2024-03-25", proves: undefined } });
  });

  it("refuses impossible dates, saying why", () => {
    expect(refused("2024-02-30")).toBe('"2024-02-30" is not a real date: February 2024 has 29 days');
    expect(refused("2023-02-29")).toBe('"2023-02-29" is not a real date: February 2023 has 28 days');
    expect(ok("2000-02-29")).toBe("2000-02-29");
    expect(refused("1900-02-29")).toBe('"1900-02-29" is not a real date: February 1900 has 28 days');
    expect(refused("13/13/2024")).toBe('"13/13/2024" is not a real date: neither 13 nor 13 can be a month');
    expect(refused("31/02/2024")).toBe('"31/02/2024" is not a real date: February 2024 has 29 days');
    expect(refused("13/05/2024", { format: "MDY" })).toBe(
      '"13/05/2024" is not a real date in month/day/year order: there is no month 13',
    );
    expect(refused("2024-13-01")).toBe('"2024-13-01" is not a real date: there is no month 13');
    expect(refused("2024-04-00")).toBe('"2024-04-00" is not a real date: there is no day 0');
    expect(refused("2024-03-05 25:00")).toBe('"2024-03-05 25:00" has a time that is not a real time of day');
    expect(refused("Wed, Mar 5, 2024")).toBe('"Wed, Mar 5, 2024" says Wednesday, but 5 March 2024 is a Tuesday');
  });

  it("refuses dates before 1900 or after 2100", () => {
    expect(refused("1850-01-01")).toBe('"1850-01-01" is out of range: dates must fall between 1900 and 2100');
    expect(refused("01/01/2101", { format: "MDY" })).toMatch(/is out of range/);
  });

  it("reads two-digit years with the spreadsheet pivot: 00–29 → 20xx, 30–99 → 19xx", () => {
    expect(ok("1/1/29", { format: "MDY" })).toBe("2029-01-01");
    expect(ok("1/1/30", { format: "MDY" })).toBe("1930-01-01");
    expect(ok("12/31/99")).toBe("1999-12-31");
    expect(ok("5 Mar 05")).toBe("2005-03-05");
  });

  it("reads spreadsheet serial numbers only for XLSX files", () => {
    expect(refused("45356")).toBe('"45356" is a number, not a date: use a date such as 2024-03-05');
    expect(ok("45356", { excelSerial: true })).toBe("2024-03-05");
    expect(ok("45356.75", { excelSerial: true })).toBe("2024-03-05");
    expect(ok("1", { excelSerial: true })).toBe("1900-01-01");
    expect(ok("59", { excelSerial: true })).toBe("1900-02-28");
    expect(refused("60", { excelSerial: true })).toBe('"60" is Excel\'s 29 February 1900, a date that does not exist');
    expect(ok("61", { excelSerial: true })).toBe("1900-03-01");
  });

  it("refuses what is not a date", () => {
    expect(refused("soon")).toBe('"soon" is not a date: use a date such as 2024-03-05');
    expect(refused("")).toBe("is empty");
    expect(refused("05032024")).toBe('"05032024" is not a date: an 8-digit date must be year, month, day (20240305)');
    expect(refused("Smarch 5, 2024")).toMatch(/is not a date/);
  });

  it("gives back any date written in any supported form (property)", () => {
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1930-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom("iso", "mdy", "dmy", "named", "compact", "dayNamed"),
        fc.constantFrom("/", "-", "."),
        (date, form, sep) => {
          const y = date.getUTCFullYear();
          const m = date.getUTCMonth() + 1;
          const d = date.getUTCDate();
          const p = (n: number) => String(n).padStart(2, "0");
          const iso = `${y}-${p(m)}-${p(d)}`;
          const text = {
            iso,
            mdy: `${m}${sep}${d}${sep}${y}`,
            dmy: `${p(d)}${sep}${p(m)}${sep}${y}`,
            named: `${months[m - 1]} ${d}, ${y}`,
            compact: `${y}${p(m)}${p(d)}`,
            dayNamed: `${d} ${months[m - 1]} ${y}`,
          }[form];
          const format = form === "mdy" ? "MDY" : form === "dmy" ? "DMY" : undefined;
          expect(parseDate(text, { format })).toEqual({ ok: true, value: iso });
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("inferDateFormat", () => {
  it("finds day first from a first part above 12, month first from a second part above 12", () => {
    expect(inferDateFormat(["03/04/2024", "25/03/2024", "01/02/2024"])).toEqual({
      format: "DMY",
      inconsistent: false,
      dayFirstExample: "25/03/2024",
      monthFirstExample: null,
      ambiguousCount: 2,
      ambiguousExample: "03/04/2024",
    });
    expect(inferDateFormat(["3/4/2024", "12/31/2024"]).format).toBe("MDY");
  });

  it("says when a column mixes both orders", () => {
    const r = inferDateFormat(["25/03/2024", "03/25/2024"]);
    expect(r).toMatchObject({ format: null, inconsistent: true, dayFirstExample: "25/03/2024", monthFirstExample: "03/25/2024" }); // prettier-ignore
  });

  it("says nothing when no value tells, and counts the ambiguous ones", () => {
    expect(inferDateFormat(["2024-03-05", "03/04/2024", "05/06/2024", "07/07/2024"])).toMatchObject({
      format: null,
      inconsistent: false,
      ambiguousCount: 2,
    });
  });
});
