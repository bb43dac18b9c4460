import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smsSegments } from "./segments";

const GSM_SAMPLE = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./09:;<=>?¡AZÄÖÑÜ§¿azäöñüà";
const EXTENSION = [..."€[]{}|^~\\\f"];

describe("smsSegments: GSM-7", () => {
  it("counts nothing for an empty text", () => {
    expect(smsSegments("")).toEqual({ encoding: "GSM-7", characters: 0, segments: 0, perSegment: 160 });
  });

  it("fits 160 septets in one segment and 153 in each part of a longer text", () => {
    expect(smsSegments("a".repeat(160))).toEqual({ encoding: "GSM-7", characters: 160, segments: 1, perSegment: 160 });
    expect(smsSegments("a".repeat(161))).toEqual({ encoding: "GSM-7", characters: 161, segments: 2, perSegment: 153 });
    expect(smsSegments("a".repeat(306)).segments).toBe(2);
    expect(smsSegments("a".repeat(307)).segments).toBe(3);
    expect(smsSegments("a".repeat(459)).segments).toBe(3);
    expect(smsSegments("a".repeat(460)).segments).toBe(4);
  });

  it("keeps every character of the basic table in GSM-7 at one septet", () => {
    expect(smsSegments(GSM_SAMPLE)).toMatchObject({ encoding: "GSM-7", characters: [...GSM_SAMPLE].length });
  });

  it("counts each extension-table character as two septets", () => {
    for (const ch of EXTENSION) {
      expect(smsSegments(ch), JSON.stringify(ch)).toMatchObject({ encoding: "GSM-7", characters: 2, segments: 1 });
    }
    expect(smsSegments("€".repeat(80))).toMatchObject({ characters: 160, segments: 1 });
    expect(smsSegments("€".repeat(81))).toMatchObject({ characters: 162, segments: 2 });
    expect(smsSegments(`${"a".repeat(158)}[]`).segments).toBe(2);
  });

  it("does not split an extension character between two parts", () => {
    // 152 septets, then "€" (2): it cannot take the 153rd septet of part one, so it starts part two.
    // 306 septets would fill exactly two parts, but this way they need three.
    expect(smsSegments(`${"a".repeat(152)}€${"a".repeat(152)}`)).toMatchObject({ characters: 306, segments: 3 });
    expect(smsSegments(`${"a".repeat(151)}€${"a".repeat(153)}`)).toMatchObject({ characters: 306, segments: 2 });
  });
});

describe("smsSegments: UCS-2", () => {
  it("switches the whole text to UCS-2 for one character outside GSM-7", () => {
    expect(smsSegments(`${"a".repeat(60)}🙂`)).toEqual({
      encoding: "UCS-2",
      characters: 62,
      segments: 1,
      perSegment: 70,
    });
    // Accented letters GSM-7 lacks (á, í, ó, ú) do it too; curly quotes as well.
    expect(smsSegments("Número").encoding).toBe("UCS-2");
    expect(smsSegments("don’t").encoding).toBe("UCS-2");
    expect(smsSegments("ç").encoding).toBe("UCS-2");
  });

  it("fits 70 units in one segment and 67 in each part of a longer text", () => {
    expect(smsSegments(`${"á".repeat(70)}`)).toEqual({
      encoding: "UCS-2",
      characters: 70,
      segments: 1,
      perSegment: 70,
    });
    expect(smsSegments(`${"á".repeat(71)}`)).toEqual({
      encoding: "UCS-2",
      characters: 71,
      segments: 2,
      perSegment: 67,
    });
    expect(smsSegments("á".repeat(134)).segments).toBe(2);
    expect(smsSegments("á".repeat(135)).segments).toBe(3);
  });

  it("counts an emoji as two units and does not split it between parts", () => {
    expect(smsSegments("🙂".repeat(35))).toMatchObject({ characters: 70, segments: 1 });
    expect(smsSegments("🙂".repeat(36))).toMatchObject({ characters: 72, segments: 2 });
    // 66 units, then an emoji that does not fit in the 67th: it opens part two.
    expect(smsSegments(`${"á".repeat(66)}🙂${"á".repeat(66)}`)).toMatchObject({ characters: 134, segments: 3 });
    expect(smsSegments(`${"á".repeat(65)}🙂${"á".repeat(67)}`)).toMatchObject({ characters: 134, segments: 2 });
  });

  it("counts extension characters as single units once the text is UCS-2", () => {
    expect(smsSegments("€🙂")).toMatchObject({ encoding: "UCS-2", characters: 3 });
  });
});

describe("smsSegments: properties", () => {
  const character = fc.oneof(
    fc.constantFrom(...GSM_SAMPLE),
    fc.constantFrom(...EXTENSION),
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  );
  const text = fc.array(character, { maxLength: 400 }).map((chars) => chars.join(""));

  it("never needs fewer segments after a character is appended", () => {
    fc.assert(
      fc.property(text, character, (before, ch) => {
        expect(smsSegments(before + ch).segments).toBeGreaterThanOrEqual(smsSegments(before).segments);
      }),
      { numRuns: 500 },
    );
  });

  it("always has room for the text: segments × perSegment ≥ characters", () => {
    fc.assert(
      fc.property(text, (t) => {
        const { characters, segments, perSegment } = smsSegments(t);
        expect(segments * perSegment).toBeGreaterThanOrEqual(characters);
        expect(segments === 0).toBe(characters === 0);
      }),
    );
  });
});
