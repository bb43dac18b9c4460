/**
 * How many SMS segments a text costs. Carriers bill, and Twilio charges, per segment, and a long text arrives
 * as several parts joined by the phone, so the template editor shows the count before anything is sent.
 *
 * GSM 03.38 packs 7-bit septets: 160 in a lone segment, 153 once the text is split, because each part carries a
 * 6-byte concatenation header (UDH). A character of the extension table is sent as ESC plus a second septet, so
 * it costs 2. One character outside both tables switches the whole message to UCS-2: 70 units alone, 67 split.
 *
 * The count is of the text as we hand it to the provider. A provider's substitutions (Twilio's optional "smart
 * encoding" turns curly quotes into straight ones) can only make the real bill smaller, never larger.
 */

export type SmsEncoding = "GSM-7" | "UCS-2";

export type SmsSegments = {
  encoding: SmsEncoding;
  /**
   * Units of the encoding, comparable with `perSegment`: septets for GSM-7 (an extension character counts 2),
   * UTF-16 code units for UCS-2 (an emoji outside the Basic Multilingual Plane counts 2).
   */
  characters: number;
  segments: number;
  /** Units one segment holds: the single-segment limit when the text fits in one, else the concatenated one. */
  perSegment: number;
};

// The GSM 03.38 default alphabet, row by row of its table (0x1B, the escape to the extension table, is left out:
// it is not a character anyone types).
const GSM_BASIC = new Set(
  [
    "@£$¥èéùìòÇ\nØø\rÅå",
    "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ",
    " !\"#¤%&'()*+,-./",
    "0123456789:;<=>?",
    "¡ABCDEFGHIJKLMNO",
    "PQRSTUVWXYZÄÖÑÜ§",
    "¿abcdefghijklmno",
    "pqrstuvwxyzäöñüà",
  ].flatMap((row) => [...row]),
);

// The extension table: each is sent as ESC + one septet.
const GSM_EXTENSION = new Set([..."\f^{}\\[~]|€"]);

const GSM_SINGLE = 160;
const GSM_CONCATENATED = 153;
const UCS2_SINGLE = 70;
const UCS2_CONCATENATED = 67;

/** The cost of each character in units of the encoding, or null when the text cannot be sent as GSM-7. */
function gsmCosts(text: string): number[] | null {
  const costs: number[] = [];
  for (const ch of text) {
    if (GSM_BASIC.has(ch)) costs.push(1);
    else if (GSM_EXTENSION.has(ch)) costs.push(2);
    else return null;
  }
  return costs;
}

function ucs2Costs(text: string): number[] {
  // Iterating a string yields code points: an astral character (most emoji) is one surrogate pair, 2 units.
  return Array.from(text, (ch) => ch.length);
}

/**
 * Segments needed when split. A character's units are never divided between two parts (an ESC and its septet,
 * or the two halves of a surrogate pair, would arrive as garbage), so a part may hold one unit fewer than its
 * capacity and the count can exceed a plain division.
 */
function concatenatedSegments(costs: number[], capacity: number): number {
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > capacity) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return segments;
}

export function smsSegments(text: string): SmsSegments {
  const gsm = gsmCosts(text);
  const encoding: SmsEncoding = gsm ? "GSM-7" : "UCS-2";
  const costs = gsm ?? ucs2Costs(text);
  const single = gsm ? GSM_SINGLE : UCS2_SINGLE;
  const concatenated = gsm ? GSM_CONCATENATED : UCS2_CONCATENATED;
  const characters = costs.reduce((sum, cost) => sum + cost, 0);
  if (characters === 0) return { encoding, characters, segments: 0, perSegment: single };
  if (characters <= single) return { encoding, characters, segments: 1, perSegment: single };
  return { encoding, characters, segments: concatenatedSegments(costs, concatenated), perSegment: concatenated };
}
