import fc from "fast-check";
import metadataJson from "libphonenumber-js/metadata.max.json";
import { describe, expect, it } from "vitest";
import { ValidationError } from "@/server/lib/errors";
import { parsePhone } from "@/server/modules/contacts/phone";
import { Completion, DigitAutomaton, UnsupportedPattern } from "./digit-automaton";
import { createPhoneParser } from "./phone-field";

/** What the contacts module's parsePhone says, in the parser's result shape. */
function reference(text: string) {
  try {
    return { ok: true, value: parsePhone(text) };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { ok: false, message: error.issues[0]!.message };
  }
}

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join("")); // prettier-ignore

/** A 10-digit NANP number in one of the plain shapes, or a near miss of them. */
const nanpText = fc
  .tuple(
    fc.integer({ min: 200, max: 999 }),
    digits(3),
    digits(4),
    fc.constantFrom("", "1", "+1", "1 ", "+1 ", "1-", "+1-", "1."),
    fc.constantFrom("", " ", "-", "."),
    fc.constantFrom("", " ", "-", "."),
    fc.boolean(),
  )
  .map(([area, exchange, line, prefix, s1, s2, parens]) => {
    const a = parens ? `(${area})` : String(area);
    return `${prefix}${a}${s1}${exchange}${s2}${line}`;
  });

describe("createPhoneParser", () => {
  it("agrees with parsePhone on every kind of North American number (property)", () => {
    const parser = createPhoneParser();
    fc.assert(
      fc.property(nanpText, (text) => {
        expect(parser.parse(text)).toEqual(reference(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it("answers most numbers of a file from proven prefixes", () => {
    const parser = createPhoneParser();
    for (let i = 0; i < 5000; i++) {
      const area = [602, 212, 415, 312, 617][i % 5];
      parser.parse(`(${area}) ${200 + ((i * 7919) % 800)}-${String((i * 104729) % 10000).padStart(4, "0")}`);
    }
    // 5 area codes × 8 first exchange digits are the only prefixes to prove and ask parsePhone about.
    expect(parser.stats.prefixMisses).toBeLessThanOrEqual(40);
    expect(parser.stats.prefixHits + parser.stats.prefixMisses).toBe(5000);
  });

  it("agrees with parsePhone for every area code, twice each (the second from the cache)", () => {
    const parser = createPhoneParser();
    for (let area = 200; area <= 999; area++) {
      for (const exchange of ["201", "555", "958"]) {
        for (const text of [`(${area}) ${exchange}-0143`, `${area}-${exchange}-7788`, `+1 ${area} ${exchange} 0143`]) {
          expect(parser.parse(text), text).toEqual(reference(text));
          expect(parser.parse(text), text).toEqual(reference(text));
        }
      }
    }
  });

  it("sends other shapes to parsePhone, with the same messages", () => {
    const parser = createPhoneParser();
    for (const text of [
      "+44 7911 123456",
      "+52 55 1234 5678",
      "1-800-FLOWERS",
      "602-555-0143 x12",
      "555-0100",
      "(102) 555-0143",
      "+1 000 000 0000",
      "602-555-01439",
      "  (602) 555-0143  ",
      "",
    ]) {
      expect(parser.parse(text), text).toEqual(reference(text.trim()));
    }
    expect(parser.parse("(602) 555-0143")).toEqual({
      ok: true,
      value: { e164: "+16025550143", country: "US", type: undefined, areaCode: 602 },
    });
    expect(parser.parse("555-0100")).toEqual({
      ok: false,
      message:
        '"555-0100" is not a valid North American number: it needs a real 3-digit area code and a 7-digit number',
    });
  });

  it("gives the same answers with the shortcut switched off", () => {
    const fast = createPhoneParser();
    const slow = createPhoneParser({ shortcut: false });
    fc.assert(
      fc.property(nanpText, (text) => {
        expect(fast.parse(text)).toEqual(slow.parse(text));
      }),
      { numRuns: 2000 },
    );
    expect(slow.stats.prefixHits).toBe(0);
  });
});

describe("DigitAutomaton", () => {
  const json = metadataJson as unknown as { countries: Record<string, unknown[]> };
  const patterns: string[] = [];
  const collect = (value: unknown) => {
    if (typeof value === "string" && /^[\d[\]\\d{}|(?:),-]+$/.test(value) && /\d/.test(value)) patterns.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
  };
  for (const region of ["US", "CA", "JM", "DO", "PR", "BB", "AG"]) collect(json.countries[region]);

  it("matches exactly what RegExp matches, for the metadata's own patterns", () => {
    expect(patterns.length).toBeGreaterThan(40);
    for (const source of patterns) {
      let automaton: DigitAutomaton;
      try {
        automaton = new DigitAutomaton(source, true);
      } catch (error) {
        expect(error).toBeInstanceOf(UnsupportedPattern);
        continue;
      }
      const regex = new RegExp(`^(?:${source})$`);
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 12 }).chain(digits), (text) => {
          expect(automaton.matches(text)).toBe(regex.test(text));
        }),
        { numRuns: 300 },
      );
    }
  });

  it("tells whether all, none or some completions of a prefix match", () => {
    const a = new DigitAutomaton("52[34][2-9]1\\d{4}|9\\d{8}", true);
    const after = (prefix: string) => a.run(a.start, prefix);
    expect(a.completion(after("9"), 8)).toBe(Completion.All);
    expect(a.completion(after("8"), 8)).toBe(Completion.None);
    expect(a.completion(after("523"), 6)).toBe(Completion.Some);
    expect(a.completion(after("5235"), 5)).toBe(Completion.Some);
    expect(a.completion(after("52351"), 4)).toBe(Completion.All);
    expect(a.completion(after("52350"), 4)).toBe(Completion.None);
    const leading = new DigitAutomaton("268|876", false);
    expect(leading.completion(leading.run(leading.start, "268"), 7)).toBe(Completion.All);
  });

  it("refuses syntax it cannot reason about", () => {
    expect(() => new DigitAutomaton("([457]\\d{6})$|1", true)).toThrow(UnsupportedPattern);
    expect(() => new DigitAutomaton("(?=1)\\d", true)).toThrow(UnsupportedPattern);
    expect(() => new DigitAutomaton("[^1]", true)).toThrow(UnsupportedPattern);
  });
});
