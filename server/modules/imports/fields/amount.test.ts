import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAmount, type AmountOptions } from "./amount";

const usd: AmountOptions = { currency: "USD" };
const ok = (text: string, options: AmountOptions = usd) => {
  const r = parseAmount(text, options);
  if (!r.ok) throw new Error(`expected "${text}" to parse, got: ${r.message}`);
  return r.value;
};
const refused = (text: string, options: AmountOptions = usd) => {
  const r = parseAmount(text, options);
  if (r.ok) throw new Error(`expected "${text}" to be refused, got ${r.value}`);
  return r.message;
};

describe("parseAmount", () => {
  it("reads the usual ways of writing an amount into exact minor units", () => {
    expect(ok("$1,234.56")).toBe(123456);
    expect(ok("1234.5")).toBe(123450);
    expect(ok("  42 ")).toBe(4200);
    expect(ok("USD 10")).toBe(1000);
    expect(ok("10 usd")).toBe(1000);
    expect(ok("US$ 7.05")).toBe(705);
    expect(ok("0.07")).toBe(7);
    expect(ok(".5")).toBe(50);
    expect(ok("1 234.56")).toBe(123456);
    expect(ok("1'234.56")).toBe(123456);
    expect(ok("1,234,567.89")).toBe(123456789);
    expect(ok("+12")).toBe(1200);
  });

  it("reads negatives written with a minus, parentheses or a trailing minus", () => {
    expect(ok("(12.00)")).toBe(-1200);
    expect(ok("($12.00)")).toBe(-1200);
    expect(ok("-12")).toBe(-1200);
    expect(ok("12.00-")).toBe(-1200);
    expect(ok("-$5")).toBe(-500);
    expect(ok("$-5")).toBe(-500);
    expect(ok("−3.10")).toBe(-310); // U+2212, as some exports write it
    expect(Object.is(ok("-0.00"), 0)).toBe(true);
  });

  it("reads a decimal comma only when the file says so", () => {
    expect(refused("1.234,56 €", { currency: "EUR" })).toBe(
      '"1.234,56 €" is not an amount in this file\'s format: if this file writes amounts with a decimal comma (1.234,56), set its decimal separator to comma',
    );
    expect(ok("1.234,56 €", { currency: "EUR", decimalSeparator: "," })).toBe(123456);
    expect(ok("1 234,56", { currency: "EUR", decimalSeparator: "," })).toBe(123456);
    expect(ok("12,5", { currency: "EUR", decimalSeparator: "," })).toBe(1250);
    expect(refused("12,5")).toMatch(/set its decimal separator to comma$/);
    expect(refused("1.234.567")).toMatch(/set its decimal separator to comma$/);
  });

  it('flags "12.345" as ambiguous unless the decimal separator is known', () => {
    expect(refused("12.345")).toBe(
      '"12.345" is ambiguous: it is 12,345 if the dot groups thousands, or 12.345 if it is a decimal point; set this file\'s decimal separator',
    );
    expect(ok("12.345", { currency: "USD", decimalSeparator: "," })).toBe(1234500);
    expect(refused("12.345", { currency: "USD", decimalSeparator: "." })).toBe(
      '"12.345" has 3 decimal places; USD amounts have 2',
    );
    expect(ok("12.345", { currency: "KWD", decimalSeparator: "." })).toBe(12345);
  });

  it("refuses more decimals than the currency has, but not trailing zeros", () => {
    expect(refused("0.125")).toBe('"0.125" has 3 decimal places; USD amounts have 2');
    expect(refused("12.5", { currency: "JPY" })).toBe('"12.5" has 1 decimal place; JPY amounts have none');
    expect(ok("1500", { currency: "JPY" })).toBe(1500);
    expect(ok("1234.5000")).toBe(123450);
  });

  it("refuses what is not an amount, saying why", () => {
    expect(refused("12,3x.00")).toBe('"12,3x.00" is not an amount');
    expect(refused("abc")).toBe('"abc" is not an amount');
    expect(refused("")).toBe("is empty");
    expect(refused("5.")).toBe('"5." is not an amount');
    expect(refused("--5")).toBe('"--5" is not an amount');
    expect(refused("-5-")).toBe('"-5-" is not an amount: it has two signs');
    expect(refused("(-5)")).toBe('"(-5)" is not an amount: it has both parentheses and a sign');
    expect(refused("1.2E+05")).toBe(
      '"1.2E+05" is in scientific notation (a spreadsheet\'s display of a long number): export the exact amount',
    );
    expect(refused("1,23,456")).toMatch(/^"1,23,456" is not an amount/);
    expect(refused("1,234 567.00")).toBe('"1,234 567.00" is not an amount: it mixes two kinds of thousands separators');
    expect(refused("99999999999999.99")).toBe('"99999999999999.99" is too large to be an amount');
  });

  it("refuses a symbol or code of another currency", () => {
    expect(refused("€12")).toBe('"€12" is in EUR, but this row\'s currency is USD');
    expect(refused("12 CAD")).toBe('"12 CAD" is in CAD, but this row\'s currency is USD');
    expect(refused("$12", { currency: "EUR" })).toBe('"$12" is in "$", but this row\'s currency is EUR');
    expect(ok("$12", { currency: "CAD" })).toBe(1200);
    expect(ok("£12.50", { currency: "GBP" })).toBe(1250);
  });

  it("gives back the integer it was written from, however it is written (property)", () => {
    const exponents = { USD: 2, JPY: 0, KWD: 3 } as const;
    const group = (digits: string, sep: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    fc.assert(
      fc.property(
        fc.integer({ min: -9_000_000_000_000, max: 9_000_000_000_000 }),
        fc.constantFrom("USD", "JPY", "KWD"),
        fc.record({
          comma: fc.boolean(),
          grouping: fc.constantFrom("", "thousands", "space"),
          marker: fc.constantFrom("", "symbol", "code-before", "code-after"),
          negative: fc.constantFrom("minus", "parens", "trailing"),
          extraZeros: fc.nat({ max: 2 }),
        }),
        (minor, currency, style) => {
          const exponent = exponents[currency];
          const digits = String(Math.abs(minor)).padStart(exponent + 1, "0");
          const integer = digits.slice(0, digits.length - exponent);
          const fraction = digits.slice(digits.length - exponent) + "0".repeat(exponent ? style.extraZeros : 0);
          const [decimal, thousands] = style.comma ? [",", "."] : [".", ","];
          const grouped =
            style.grouping === "thousands"
              ? group(integer, thousands)
              : style.grouping === "space"
                ? group(integer, " ")
                : integer;
          let text = fraction ? `${grouped}${decimal}${fraction}` : grouped;
          const symbol = { USD: "$", JPY: "¥", KWD: "KWD" }[currency];
          if (style.marker === "symbol") text = `${symbol}${text}`;
          if (style.marker === "code-before") text = `${currency} ${text}`;
          if (style.marker === "code-after") text = `${text} ${currency.toLowerCase()}`;
          if (minor < 0) {
            text = style.negative === "minus" ? `-${text}` : style.negative === "parens" ? `(${text})` : `${text}-`;
          }
          const r = parseAmount(text, { currency, decimalSeparator: decimal as "." | "," });
          expect(r).toEqual({ ok: true, value: minor === 0 ? 0 : minor });
        },
      ),
      { numRuns: 3000 },
    );
  });
});
