/**
 * Text preparation shared by the rules: accent- and case-folding (so "información" and "informacion", "STOP"
 * and "stop" match the same pattern), sentence splitting (to quote the offending sentence back to the admin),
 * and the versions of a message a reader may see (the plain text and the HTML of an email).
 */
import { readHtml, type TextRun } from "./html";
import type { LintMessage } from "./types";

const COMBINING = /[\u0300-\u036f]/g;
/** Runs of whitespace, or a single one that is not a plain space (\s covers no-break and other Unicode spaces). */
const SPACES = /\s\s+|[^\S ]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
/** Anything beyond printable ASCII (accents, curly quotes, Unicode spaces) sends a string down the slow path. */
const NON_ASCII = /[^\t\n\r\x20-\x7e]/;
const SINGLE_QUOTES = /[\u2018\u2019\u02bc\u2032]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u2033]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

/** Accents off, quotes and dashes plain, whitespace single; case kept (the LCM check reads capitals as names). */
export function foldAccents(s: string): string {
  let t = s;
  // Most messages are plain ASCII: skip the Unicode work for them (it is most of the cost).
  if (NON_ASCII.test(t))
    t = t
      .normalize("NFD")
      .replace(COMBINING, "")
      .replace(ZERO_WIDTH, "")
      .replace(SINGLE_QUOTES, "'")
      .replace(DOUBLE_QUOTES, '"')
      .replace(DASHES, "-");
  return t.replace(SPACES, " ").trim();
}

export function fold(s: string): string {
  return foldAccents(s).toLowerCase();
}

/** Words after which a period does not end a sentence ("4:15 p.m. on Wednesday", "Mr. Smith"). */
const ABBREVIATIONS = new Set([
  "a.m",
  "p.m",
  "am",
  "pm",
  "mr",
  "mrs",
  "ms",
  "dr",
  "jr",
  "sr",
  "st",
  "e.g",
  "i.e",
  "vs",
  "no",
  "u.s",
  "approx",
  "ext",
  "n°",
  "sra",
  "srta",
]);
// The lookbehind starts a match only at the first mark of a run, so a long run of dots stays linear.
const BOUNDARY = /(?<![.!?])[.!?]+["')\]]*(?=\s|$)|\n/g;
const LAST_WORD = /(\S+)$/;
const NEXT_CHAR = /^\s*(\S)/;

/** Splits on sentence ends and line breaks, keeping abbreviations and times in one piece. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const end = m.index + m[0].length;
    if (m[0] !== "\n" && m[0].startsWith(".") && m[0].length === 1) {
      const word = LAST_WORD.exec(text.slice(Math.max(from, m.index - 24), m.index))?.[1] ?? "";
      const bare = word.replace(/^[("'[]+/, "").toLowerCase();
      const next = NEXT_CHAR.exec(text.slice(end, end + 40))?.[1] ?? "";
      // "Robin J. Smith", "a.m.", "No. 123": not an end. A lower-case next word means the sentence goes on.
      if (ABBREVIATIONS.has(bare) || /^[a-z]$/i.test(bare) || /^[a-z0-9]/.test(next)) continue;
    }
    const s = text.slice(from, end).trim();
    if (s) out.push(s);
    from = end;
  }
  const rest = text.slice(from).trim();
  if (rest) out.push(rest);
  return out;
}

export type Sentence = { raw: string; folded: string };

/** One version of the message a reader may see. */
export type View = {
  /** "" for the only version; otherwise "plain-text" or "HTML", to say which version lacks something. */
  label: string;
  raw: string;
  folded: string;
  sentences: Sentence[];
  /** For the HTML version: the font size of each run of `raw` (CA-02). */
  runs?: TextRun[];
};

function viewOf(label: string, raw: string, runs?: TextRun[]): View {
  let sentences: Sentence[] | undefined;
  return {
    label,
    raw,
    folded: fold(raw),
    // Sentences are only needed to quote an excerpt or for the LCM check: split on first use.
    get sentences() {
      sentences ??= splitSentences(raw).map((s) => ({ raw: s, folded: fold(s) }));
      return sentences;
    },
    runs,
  };
}

/**
 * The versions a reader may see: the text, and the HTML when it says something else. Required content must be in
 * each; forbidden content must be in none. The subject is only searched for forbidden content.
 */
export function viewsOf(message: LintMessage): { views: View[]; subject: View | undefined } {
  const text = typeof message.text === "string" ? message.text : "";
  const html = typeof message.html === "string" && message.html.trim() ? readHtml(message.html) : undefined;
  const views: View[] = [];
  if (!html) views.push(viewOf("", text));
  else if (!text.trim()) views.push(viewOf("", html.text, html.runs));
  else {
    views.push(viewOf("plain-text", text));
    views.push(viewOf("HTML", html.text, html.runs));
  }
  const subject =
    typeof message.subject === "string" && message.subject.trim() ? viewOf("subject", message.subject) : undefined;
  return { views, subject };
}

const EXCERPT_MAX = 200;

export function excerptOf(raw: string): string {
  const s = raw.replace(SPACES, " ").trim();
  return s.length > EXCERPT_MAX ? `${s.slice(0, EXCERPT_MAX - 1)}…` : s;
}

/** The first sentence of the view the pattern matches, quoted; the whole match when it spans sentences. */
export function findExcerpt(view: View, pattern: RegExp): string | undefined {
  for (const s of view.sentences) if (pattern.test(s.folded)) return excerptOf(s.raw);
  const m = pattern.exec(view.folded);
  return m ? excerptOf(m[0]) : undefined;
}

/** " (missing from the HTML version)" when some but not all versions lack a required item. */
export function whichVersions(missing: View[], all: View[]): string {
  if (missing.length === all.length || missing.length === 0) return "";
  return ` (missing from the ${missing.map((v) => v.label).join(" and ")} version)`;
}
