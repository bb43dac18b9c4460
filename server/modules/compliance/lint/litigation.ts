/**
 * TBD-02 and CONT-05: litigation language. A collector must not bring or threaten legal action on a time-barred
 * debt (Reg F 1006.26(b), strict liability), and must not threaten action it cannot legally take or does not
 * intend to take (FDCPA 1692e(4), (5)). So a mention of suing, courts, garnishment, attorneys or arrest blocks on
 * a time-barred debt (an unknown limitation period counts as time-barred until determined, TBD-01), and
 * otherwise needs the template's legal-review approval. Statutory notices that mention these words to protect
 * the consumer ("cannot sue you", the Rosenthal notice, New York's exempt-income notice) do not count.
 */
import { excerptOf, type View } from "./text";
import type { Finding, LintContext } from "./types";

const LITIGATION_SOURCE =
  "\\b(?:lawsuits?|law suits?|sue|sued|suing|legal (?:action|proceedings?|steps|remedies)|court|courts|judg(?:e)?ments?|garnish(?:ment|ments|ed|ing)?|attorneys?|lawyers?|arrest(?:ed)?|jail|prison|demanda(?:s|r|rle|rlo|rla|remos)?|acci(?:on|ones) legal(?:es)?|embargos?|embargar|abogados?|tribunal(?:es)?|corte|arresto|carcel)\\b";
const LITIGATION = new RegExp(LITIGATION_SOURCE);
const LITIGATION_ALL = new RegExp(LITIGATION_SOURCE, "g");

/** Phrases that name litigation to say it will not or cannot happen, or to address the consumer's own lawyer. */
const SAFE: RegExp[] = [
  /\b(?:cannot|can not|can't|will not|won't|may not|could not|are not allowed to|is not allowed to|not allowed to|is prohibited from|are prohibited from)(?: legally)? (?:sue|be sued|bring (?:a )?(?:lawsuit|legal action)|file (?:a )?lawsuit|take legal action)\b/g,
  /\bhow long (?:you|a person|someone) can be sued\b/g,
  /\bno (?:le |lo |la |se le )?(?:puede|pueden|podemos|podra|podran)(?: legalmente)? (?:demandar(?:le|lo|la)?|ser demandad[oa])\b/g,
  /\b(?:cuanto tiempo|por cuanto tiempo) (?:se le puede|lo pueden|le pueden) demandar\b/g,
  /\b(?:represented by|if you have|if you are represented by|your|you may contact|you or your) (?:an? )?(?:attorney|lawyer)\b/g,
  /\b(?:su|si tiene un|representado por un) abogado\b/g,
  // The Rosenthal notice (Civ. Code 1812.700) lists what collectors may not do.
  /\bthreats of violence or arrest\b/g,
  /\bother than your attorney or spouse\b/g,
  /\bconfirm your location or enforce a judgment\b/g,
  // Street names.
  /\bcourt (?:st|street|ave|avenue|rd|road|dr|drive|ln|lane|plaza|square|sq|blvd|house)\b/g,
];
/** New York's exempt-income notice (23 NYCRR 1.2(a)) speaks of judgments to protect income from them. */
const EXEMPT_INCOME_NOTICE = /\bexempt\b|\bprevent the following types of income\b|\bexent[oa]s?\b/;

const CITE_TBD = "(Reg F 1006.26(b))";
const CITE_FALSE = "(FDCPA 1692e(4), (5))";

/** The first sentence with litigation language, and the word; undefined when there is none. */
function litigationIn(view: View): { word: string; excerpt: string } | undefined {
  if (!LITIGATION.test(view.folded)) return undefined;
  for (const s of view.sentences) {
    if (!LITIGATION.test(s.folded) || EXEMPT_INCOME_NOTICE.test(s.folded)) continue;
    const cleaned = SAFE.reduce((t, re) => t.replace(re, " "), s.folded);
    for (const m of cleaned.matchAll(LITIGATION_ALL)) {
      // "Please ask for Sue": a capitalised Sue inside the sentence is a name, not a threat.
      if (m[0] === "sue" && !/\bsue\b/.test(s.raw) && /\S\s+Sue\b/.test(s.raw)) continue;
      return { word: m[0], excerpt: excerptOf(s.raw) };
    }
  }
  return undefined;
}

export function litigationRules(context: LintContext, views: View[], out: Finding[]): void {
  let found: { word: string; excerpt: string } | undefined;
  for (const v of views) {
    found = litigationIn(v);
    if (found) break;
  }
  if (!found) return;
  const barred = context.timeBarred === true || (context.stage === "send" && context.timeBarred === "unknown");
  if (barred) {
    out.push({
      rule: "TBD-02",
      severity: "block",
      message:
        context.timeBarred === "unknown"
          ? `Must not threaten legal action on a time-barred debt, and a debt whose limitation period is unknown counts as time-barred until it is determined: remove the litigation language ("${found.word}") or determine the limitation period first ${CITE_TBD}`
          : `Must not threaten legal action on a time-barred debt: remove the litigation language ("${found.word}") ${CITE_TBD}`,
      excerpt: found.excerpt,
    });
    return;
  }
  if (context.legalReviewApproved === true) return;
  out.push({
    rule: "CONT-05",
    severity: "warn",
    message: `Litigation language ("${found.word}") needs legal review approval: threatening action that cannot legally be taken or is not intended is a false or misleading representation. Have legal review approve the template ${CITE_FALSE}`,
    excerpt: found.excerpt,
  });
}
