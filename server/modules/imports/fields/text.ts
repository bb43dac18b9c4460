import { toParsed, type Parsed, type TextOutcome } from "./types";

/** Same limits as the account screens (server/modules/accounts/accounts.schemas.ts). */
export const TAG_MAX_LENGTH = 40;
export const TAGS_PER_ACCOUNT_MAX = 20;
export const REFERENCE_MAX_LENGTH = 100;
export const NAME_MAX_LENGTH = 100;
export const TEXT_MAX_LENGTH = 200;

/** Whether text has white space other than single spaces (checked by hand: most cells have none). */
function hasMessySpace(text: string): boolean {
  let previousSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (previousSpace) return true;
      previousSpace = true;
    } else if (c < 32 || c === 0xa0 || (c >= 0x2000 && c <= 0x3000) || c === 0xfeff || c === 0x1680) return true;
    else previousSpace = false;
  }
  return false;
}

/** Trims and turns every run of white space (line breaks from quoted cells included) into one space. */
export function collapseSpaces(text: string): string {
  const trimmed = text.trim();
  return hasMessySpace(trimmed) ? trimmed.replace(/\s+/g, " ") : trimmed;
}

/** Free text (address lines, city, creditor, product, segment): collapsed, bounded. */
export function parseText(raw: string, max = TEXT_MAX_LENGTH): Parsed<string> {
  return toParsed(textOr(raw, max));
}

/** parseText without the result object: the value, or a Failure. */
export function textOr(raw: string, max = TEXT_MAX_LENGTH): TextOutcome<string> {
  const text = collapseSpaces(raw);
  if (!text) return { ok: false, message: "is empty" };
  if (text.length > max) return { ok: false, message: `is ${text.length} characters long; at most ${max} are kept` };
  return text;
}

const SCIENTIFIC = /^\d(?:\.\d+)?E\+\d+$/i;

/** Control characters (line breaks, tabs…), and whether the text could be a number in scientific notation. */
function scan(text: string): { control: boolean; exponent: boolean } {
  let exponent = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c === 127) return { control: true, exponent };
    if (c === 43 /* + */) exponent = true;
  }
  return exponent ? MAYBE_EXPONENT : CLEAN;
}
const CLEAN = { control: false, exponent: false };
const MAYBE_EXPONENT = { control: false, exponent: true };

/**
 * An identifier (account reference, debtor id, transaction id): trimmed only, because "INV 001" and "INV  001"
 * may be different references in the source system and matching must be exact.
 */
export function parseReference(raw: string): Parsed<string> {
  return toParsed(referenceOr(raw));
}

/** parseReference without the result object: the value, or a Failure. */
export function referenceOr(raw: string): TextOutcome<string> {
  const text = raw.trim();
  if (!text) return { ok: false, message: "is empty" };
  if (text.length > REFERENCE_MAX_LENGTH) {
    return { ok: false, message: `is ${text.length} characters long; a reference has at most ${REFERENCE_MAX_LENGTH}` };
  }
  const found = scan(text);
  if (found.control) return { ok: false, message: `"${text}" contains a line break or control character` };
  if (found.exponent && SCIENTIFIC.test(text)) {
    return {
      ok: false,
      message:
        `"${text}" is a number a spreadsheet shortened to scientific notation, so the real reference is lost: ` +
        "format the column as text and export again",
    };
  }
  return text;
}

/** A first or last name: collapsed, non-empty, bounded. */
export function parseName(raw: string): Parsed<string> {
  return toParsed(nameOr(raw));
}

/** parseName without the result object: the value, or a Failure. */
export function nameOr(raw: string): TextOutcome<string> {
  const text = collapseSpaces(raw);
  if (!text) return { ok: false, message: "is empty: enter the name" };
  if (text.length > NAME_MAX_LENGTH) {
    return { ok: false, message: `is ${text.length} characters long; a name has at most ${NAME_MAX_LENGTH}` };
  }
  return text;
}

export type SplitName = { firstName: string; lastName: string; kind: "person" | "organization" | "single" };

const ORGANIZATION_WORDS = new Set(
  (
    "llc l.l.c inc incorporated corp corporation co company ltd limited llp lp plc pllc pc p.c gmbh ag sa bv " +
    "group holdings partners partnership associates services enterprises industries trust foundation university " +
    "college school academy church ministries hospital clinic medical dental bank credit union restaurant cafe " +
    "systems solutions international agency department dept authority council club society association " +
    "properties realty construction consulting contractors supply store stores shop market logistics " +
    "transport motors auto labs laboratories studio studios center centre institute estate"
  ).split(" "),
);
const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv", "md", "phd", "esq", "dds", "cpa"]);
const PARTICLES = new Set(["van", "von", "de", "del", "della", "der", "den", "da", "di", "du", "la", "le", "st", "san", "bin", "ibn", "al", "el", "mac"]); // prettier-ignore

const bare = (token: string) => token.toLowerCase().replace(/[.,]/g, "");

/**
 * One "name" column (QuickBooks' Customer, Stripe's Customer Name) → first and last name. Decisions:
 * - An organization (a word such as LLC, Inc, Company, Services, "&", or any digit) is kept whole as the last
 *   name with an empty first name: splitting "Acme Roofing LLC" would invent a person.
 * - "Last, First Middle" is recognised by its comma; otherwise the last word (with a suffix such as Jr, and
 *   particles such as "de la") is the last name and everything before it the first name: "Mary Ann de la Cruz"
 *   → "Mary Ann" + "de la Cruz".
 * - A single word is a last name with an empty first name.
 * - QuickBooks writes sub-customers as "Customer:Job"; the part before the first colon is the customer.
 */
export function splitFullName(raw: string): Parsed<SplitName> {
  let text = collapseSpaces(raw);
  const colon = text.indexOf(":");
  if (colon > 0) text = text.slice(0, colon).trim();
  if (!text) return { ok: false, message: "is empty: enter the debtor's name" };
  if (text.length > NAME_MAX_LENGTH) {
    return { ok: false, message: `is ${text.length} characters long; a name has at most ${NAME_MAX_LENGTH}` };
  }
  const tokens = text.split(" ");
  if (/\d|&/.test(text) || tokens.some((t) => ORGANIZATION_WORDS.has(bare(t)))) {
    return { ok: true, value: { firstName: "", lastName: text, kind: "organization" } };
  }
  const comma = text.indexOf(",");
  if (comma > 0) {
    const after = text.slice(comma + 1).trim();
    const afterWords = after.split(" ").filter(Boolean);
    if (afterWords.length > 0 && !afterWords.every((w) => SUFFIXES.has(bare(w)))) {
      if (after.includes(",")) return { ok: false, message: `"${text}" has more than one comma: write "Last, First"` };
      const lastName = text.slice(0, comma).trim();
      return { ok: true, value: { firstName: after, lastName, kind: "person" } };
    }
    // "John Smith, Jr.": the comma only introduces a suffix.
    return splitWords(text.replace(",", "").split(" ").filter(Boolean));
  }
  return splitWords(tokens);
}

function splitWords(tokens: string[]): Parsed<SplitName> {
  if (tokens.length === 1) return { ok: true, value: { firstName: "", lastName: tokens[0]!, kind: "single" } };
  let at = tokens.length - 1;
  while (at > 1 && SUFFIXES.has(bare(tokens[at]!))) at--;
  while (at > 1 && PARTICLES.has(bare(tokens[at - 1]!))) at--;
  return {
    ok: true,
    value: { firstName: tokens.slice(0, at).join(" "), lastName: tokens.slice(at).join(" "), kind: "person" },
  };
}

const TAG = /^[a-z0-9][a-z0-9_-]*$/;

/** Tags separated by ";" or "|", lower-cased, each as the account screens accept them; duplicates dropped. */
export function parseTags(raw: string): Parsed<string[]> {
  const tags: string[] = [];
  for (const piece of raw.split(/[;|]/)) {
    const tag = piece.trim().toLowerCase();
    if (!tag) continue;
    if (tag.length > TAG_MAX_LENGTH) {
      return { ok: false, message: `tag "${tag}" is longer than ${TAG_MAX_LENGTH} characters` };
    }
    if (!TAG.test(tag)) {
      return {
        ok: false,
        message: `tag "${piece.trim()}" may use only letters, digits, - and _ (e.g. skip-trace); separate tags with ; or |`,
      };
    }
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (tags.length > TAGS_PER_ACCOUNT_MAX) {
    return { ok: false, message: `has ${tags.length} tags; an account has at most ${TAGS_PER_ACCOUNT_MAX}` };
  }
  return { ok: true, value: tags };
}
