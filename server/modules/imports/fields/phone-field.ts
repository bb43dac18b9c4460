/**
 * Phone cells, through the contacts module's parsePhone (libphonenumber, max metadata), made fast enough for
 * millions of rows without changing a single verdict.
 *
 * parsePhone costs ~13 µs a number, mostly because libphonenumber rebuilds its metadata objects and regular
 * expressions on every call; a 1,000,000-row file has ~1,000,000 distinct numbers, so memoising per input string
 * alone does not help. What is sound, and what this does:
 *
 * 1. For a North American number written in one of the plain shapes (optional +1 or 1, a 3-digit area code not
 *    starting with 0 or 1, optionally in parentheses, then 3 and 4 digits, separated by nothing, a space, a dot
 *    or a dash), libphonenumber's whole verdict (valid or not, which NANP country, which line type) is a function
 *    of the 10 national digits, decided by regular expressions from its metadata: each NANP region's national
 *    number pattern, leading digits and type patterns, and the US national-prefix rule (applied to the digits
 *    with and without the leading 1). The e164 and area code are then just "+1" + digits and the first three.
 * 2. Those expressions are compiled into automata (digit-automaton.ts), which tell for a prefix whether every
 *    completion to 10 digits gets the same answer from every expression. When that holds (for ordinary US
 *    numbers after 4 digits: area code + first digit of the exchange) the verdict computed by parsePhone for one
 *    number with that prefix is the verdict for all of them. The verdict is cached per prefix *and per shape*
 *    (the exact punctuation), so no assumption is made about how punctuation is read.
 * 3. Anything else (international numbers, letters, extensions, odd punctuation) goes to parsePhone, memoised per
 *    distinct string.
 * If the metadata ever used syntax the automaton cannot read, the shortcut switches itself off (everything goes
 * to parsePhone); the tests compare this function with parsePhone on many random numbers.
 */
import { Metadata } from "libphonenumber-js/core";
import metadataJson from "libphonenumber-js/metadata.max.json";
import { ValidationError } from "@/server/lib/errors";
import { parsePhone, type ParsedPhone } from "@/server/modules/contacts/phone";
import type { PhoneType } from "@/server/modules/contacts/contacts.schemas";
import { Completion, DigitAutomaton, UnsupportedPattern } from "./digit-automaton";
import type { Parsed } from "./types";

type PlanLike = {
  nationalNumberPattern(): string;
  leadingDigits(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
  types(): unknown;
};

type Check = { automaton: DigitAutomaton; lead: string; length: number };

function collectTypePatterns(types: unknown, into: string[]): void {
  // Raw metadata: one entry per line type, each [pattern, possibleLengths?] or 0; walked whole so a line type
  // this code does not name is still covered.
  if (!Array.isArray(types)) return;
  for (const entry of types) if (Array.isArray(entry) && typeof entry[0] === "string" && entry[0]) into.push(entry[0]);
}

function buildChecks(): Check[] | null {
  const json = metadataJson as unknown as { country_calling_codes: Record<string, string[]> };
  const regions = json.country_calling_codes["1"];
  if (!regions) return null;
  const metadata = new Metadata(metadataJson) as unknown as {
    selectNumberingPlan(country: string): void;
    numberingPlan: PlanLike;
  };
  const entire: string[] = [];
  const leading: string[] = [];
  for (const region of regions) {
    metadata.selectNumberingPlan(region);
    const plan = metadata.numberingPlan;
    entire.push(plan.nationalNumberPattern());
    const lead = plan.leadingDigits();
    if (lead) leading.push(lead);
    collectTypePatterns(plan.types(), entire);
  }
  metadata.selectNumberingPlan("US");
  const prefixRule = metadata.numberingPlan.nationalPrefixForParsing();
  if (prefixRule) leading.push(prefixRule);
  try {
    const checks: Check[] = [];
    const add = (source: string, isEntire: boolean) => {
      const automaton = new DigitAutomaton(source, isEntire);
      // Checked on the 10 national digits and on "1" + those digits, the two strings libphonenumber tests.
      checks.push({ automaton, lead: "", length: 10 }, { automaton, lead: "1", length: 11 });
    };
    for (const source of new Set(entire)) add(source, true);
    for (const source of new Set(leading)) add(source, false);
    return checks;
  } catch (error) {
    if (error instanceof UnsupportedPattern) return null;
    throw error;
  }
}

type Verdict = { ok: true; country: string | undefined; type: PhoneType | undefined } | { ok: false; why: string };
type TrieNode = { kids: (TrieNode | undefined)[]; decided: boolean | undefined; verdict: Verdict | undefined };

const newNode = (): TrieNode => ({ kids: new Array<TrieNode | undefined>(10), decided: undefined, verdict: undefined });

const MEMO_LIMIT = 100_000;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The punctuation after a part of a plain number, as a small code: the cache is kept per exact shape. */
function separator(c: number): number {
  return c === 32 ? 1 : c === 46 ? 2 : c === 45 ? 3 : 0;
}

/** Where a plain North American number's parts start, and its shape; set by scanPlain. */
const plain = { area: 0, exchange: 0, line: 0, shape: 0 };

/**
 * Recognises the plain shapes: [+1 or 1, then optionally a space, dot or dash] then an area code starting 2–9,
 * optionally in parentheses, then 3 and 4 digits, each optionally preceded by a space, dot or dash. Equivalent to
 * /^(?:(\+?1)([ .-]?))?(?:\(([2-9]\d\d)\)|([2-9]\d\d))([ .-]?)(\d{3})([ .-]?)(\d{4})$/, without allocating.
 */
function scanPlain(t: string): boolean {
  const n = t.length;
  let digits = 0;
  for (let k = 0; k < n; k++) if (isDigit(t.charCodeAt(k))) digits++;
  let prefix = 0;
  if (t.charCodeAt(0) === 43 /* + */) {
    if (digits !== 11 || t.charCodeAt(1) !== 49) return false;
    prefix = 2;
  } else if (digits === 11) {
    if (t.charCodeAt(0) !== 49) return false;
    prefix = 1;
  } else if (digits !== 10) return false;
  let i = prefix;
  let afterPrefix = 0;
  if (prefix) {
    afterPrefix = separator(t.charCodeAt(i));
    if (afterPrefix) i++;
  }
  const paren = t.charCodeAt(i) === 40 /* ( */ ? 1 : 0;
  i += paren;
  const area = i;
  const first = t.charCodeAt(i);
  if (first < 50 || first > 57 || !isDigit(t.charCodeAt(i + 1)) || !isDigit(t.charCodeAt(i + 2))) return false;
  i += 3;
  if (paren) {
    if (t.charCodeAt(i) !== 41 /* ) */) return false;
    i++;
  }
  const afterArea = separator(t.charCodeAt(i));
  if (afterArea) i++;
  const exchange = i;
  if (!isDigit(t.charCodeAt(i)) || !isDigit(t.charCodeAt(i + 1)) || !isDigit(t.charCodeAt(i + 2))) return false;
  i += 3;
  const afterExchange = separator(t.charCodeAt(i));
  if (afterExchange) i++;
  const line = i;
  for (let k = 0; k < 4; k++) if (!isDigit(t.charCodeAt(i + k))) return false;
  if (i + 4 !== n) return false;
  plain.area = area;
  plain.exchange = exchange;
  plain.line = line;
  plain.shape = (((prefix * 4 + afterPrefix) * 2 + paren) * 4 + afterArea) * 4 + afterExchange;
  return true;
}

export type PhoneParser = {
  parse(raw: string): Parsed<ParsedPhone>;
  /** How many distinct prefixes were proven decisive (for tests and benchmarks). */
  readonly stats: { prefixHits: number; prefixMisses: number; memoHits: number; slow: number };
};

function failureOf(text: string, error: unknown): Parsed<ParsedPhone> {
  if (error instanceof ValidationError) {
    const message = error.issues[0]?.message ?? error.message;
    return { ok: false, message };
  }
  throw error;
}

function slowParse(text: string): Parsed<ParsedPhone> {
  try {
    return { ok: true, value: parsePhone(text) };
  } catch (error) {
    return failureOf(text, error);
  }
}

let sharedChecks: Check[] | null | undefined;

/** A phone parser with its own caches (one per import, so memory is released with it). */
export function createPhoneParser(options: { shortcut?: boolean } = {}): PhoneParser {
  if (sharedChecks === undefined && options.shortcut !== false) sharedChecks = buildChecks();
  const checks = options.shortcut === false ? null : sharedChecks;
  const shapes: (TrieNode | undefined)[] = [];
  const decided = new Map<string, boolean>();
  let memo = new Map<string, Parsed<ParsedPhone>>();
  const stats = { prefixHits: 0, prefixMisses: 0, memoHits: 0, slow: 0 };

  function isDecisive(prefix: string): boolean {
    let known = decided.get(prefix);
    if (known === undefined) {
      known = true;
      for (const check of checks!) {
        const a = check.automaton;
        const state = a.run(a.run(a.start, check.lead), prefix);
        if (a.completion(state, check.length - check.lead.length - prefix.length) === Completion.Some) {
          known = false;
          break;
        }
      }
      decided.set(prefix, known);
    }
    return known;
  }

  function memoised(text: string): Parsed<ParsedPhone> {
    let result = memo.get(text);
    if (result) {
      stats.memoHits++;
      return result;
    }
    stats.slow++;
    result = slowParse(text);
    if (memo.size >= MEMO_LIMIT) memo = new Map();
    memo.set(text, result);
    return result;
  }

  function parse(raw: string): Parsed<ParsedPhone> {
    const text = raw.trim();
    if (!checks || !scanPlain(text)) return memoised(text);
    const { area, exchange, line, shape } = plain;
    let node = shapes[shape];
    if (!node) shapes[shape] = node = newNode();
    for (let k = 0; k < 10; k++) {
      const at = k < 3 ? area + k : k < 6 ? exchange + k - 3 : line + k - 6;
      node = node.kids[text.charCodeAt(at) - 48] ??= newNode();
      if (node.decided === undefined) node.decided = isDecisive(nationalOf(text).slice(0, k + 1));
      if (!node.decided) continue;
      const verdict = node.verdict;
      if (verdict) {
        stats.prefixHits++;
        if (!verdict.ok) return { ok: false, message: `"${text}" ${verdict.why}` };
        return {
          ok: true,
          value: {
            e164: `+1${nationalOf(text)}`,
            country: verdict.country,
            type: verdict.type,
            areaCode:
              (text.charCodeAt(area) - 48) * 100 +
              (text.charCodeAt(area + 1) - 48) * 10 +
              text.charCodeAt(area + 2) -
              48,
          },
        };
      }
      stats.prefixMisses++;
      const national = nationalOf(text);
      const result = slowParse(text);
      // Cache only what has exactly the expected form; anything surprising stays uncached.
      if (result.ok) {
        if (result.value.e164 === `+1${national}`) {
          node.verdict = { ok: true, country: result.value.country, type: result.value.type };
        }
      } else if (result.message.startsWith(`"${text}" `)) {
        node.verdict = { ok: false, why: result.message.slice(text.length + 3) };
      }
      return result;
    }
    return memoised(text);
  }

  /** The 10 national digits of a number scanPlain accepted (its positions are still in `plain`). */
  function nationalOf(text: string): string {
    const { area, exchange, line } = plain;
    if (exchange === area + 3 && line === exchange + 3) return text.slice(area, area + 10);
    return text.slice(area, area + 3) + text.slice(exchange, exchange + 3) + text.slice(line, line + 4);
  }

  return { parse, stats };
}
