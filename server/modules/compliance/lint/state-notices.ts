/**
 * State and city blocks a message must carry for the consumers it goes to: California's licence number
 * (CA-02), Rosenthal notice (CA-04) and time-barred notice (CA-06); New York State's exempt-income notice
 * (NYS-01); New York City's language-access disclosure (NYC-03/NYC-05); Texas's time-barred notice (TX-01).
 * Each is recognised by its key phrases, not its full wording: the exact text is the legal team's to keep.
 */
import { smallestPx } from "./html";
import { whichVersions, type View } from "./text";
import type { Finding, LintChannel, LintContext, LintMessage } from "./types";

const DIGITAL_OR_WRITTEN = new Set<LintChannel>(["email", "sms", "letter", "portal_message"]);
const DOCUMENTS = new Set<LintChannel>(["email", "letter", "portal_message"]);
const FIRST_NOTICES = new Set(["initial_communication", "validation_notice"]);
/** Messages that may carry nothing but what their own rule allows (CONT-03, TCPA-04/ELEC-05). */
const LOCKED = new Set(["limited_content", "opt_out_confirmation"]);

/** "License No. 10012345", "CA licence #10012345", "Licencia número {{org.ca_license_number}}". */
const LICENCE =
  /\b(?:(?:licen[cs]e|licencia)\b|lic\.)(?:\s*(?:no\.?|number|num\.?|n[uú]mero|id|de|del|of|california|ca|estado|state)(?=[\s#:\d{]|$))*[\s#:]*(?:\d[\d-]{3,}|\{\{[^{}]{0,40}licen[cs][^{}]{0,40}\}\})/i;
const ROSENTHAL = /\brosenthal fair debt collection practices act\b|\bley (?:estatal )?rosenthal\b/;
const CANNOT_SUE =
  /\b(?:cannot|can not|can't|may not|will not) (?:legally )?sue you\b|\bno (?:le )?(?:puede|podemos|podra|pueden) demandar(?:le|lo|la)?\b/;
const MAY_REPORT =
  /\b(?:may|can|will)(?: continue to)? (?:be )?report(?:ed)?\b|\b(?:puede|podra|pueden)(?: seguir)? (?:ser )?report(?:ar|ando|ado|ada)\b/;
const CANNOT_REPORT =
  /\b(?:cannot|can not|can't|will not|won't|may not) (?:be )?report(?:ed)?\b|\bno (?:se )?(?:puede|podra|pueden|podemos) (?:ser )?report(?:ar|ado|ada)\b/;
const EXEMPT = /\bexempt\b|\bexent[oa]s?\b/;
const SOCIAL_SECURITY = /\bsocial security\b|\bseguro social\b/;
const NINETY_PERCENT = /\b90 ?%|\b90 percent\b|\bninety percent\b|\b90 por ?ciento\b|\bnoventa por ?ciento\b/;
const LANGUAGE_ACCESS =
  /\blanguage[- ]access\b|\bservicios de acceso linguistico\b|\bacceso linguistico\b|\bacceso a (?:servicios de )?idiomas?\b/;
const TIME_BARRED_NOTICE =
  /\btime[- ]barred\b|\bcan ?not sue you\b|\bno (?:le |se le )?(?:puede|podemos) demandar(?:le)?\b|\bprescrita\b/;

/** Calls `add` with the versions that do not match, when any. */
function requireIn(views: View[], test: (v: View) => boolean, add: (suffix: string) => void): void {
  const missing = views.filter((v) => !test(v));
  if (missing.length) add(whichVersions(missing, views));
}

export function stateRules(message: LintMessage, context: LintContext, views: View[], out: Finding[]): void {
  const listed = Array.isArray(context.states) ? context.states : [];
  const states = new Set(listed.filter((s) => typeof s === "string").map((s) => s.trim().toUpperCase()));
  const { channel, kind } = message;
  if (LOCKED.has(kind)) return;
  const first = FIRST_NOTICES.has(kind);

  if (states.has("CA") && DIGITAL_OR_WRITTEN.has(channel)) {
    requireIn(
      views,
      (v) => LICENCE.test(v.raw),
      (suffix) =>
        out.push({
          rule: "CA-02",
          severity: "block",
          message: `California consumers: every written or digital communication must show the collector's California licence number in at least 12-point type; add "California license number {{org.ca_license_number}}" (Cal. Civ. Code 1788.11(b))${suffix}`,
        }),
    );
    for (const v of views) {
      if (!v.runs) continue;
      const m = LICENCE.exec(v.raw);
      if (!m) continue;
      const px = smallestPx(v.runs, m.index, m.index + m[0].length);
      // 12 pt = 16 CSS px; a hair of tolerance for sizes written in pt that convert with rounding.
      if (px !== undefined && px < 15.99)
        out.push({
          rule: "CA-02",
          severity: "block",
          message: `The California licence number is shown at ${formatPt(px)}; it must be in at least 12-point type (16px): raise the font size of the element holding it (Cal. Civ. Code 1788.11(b))`,
          excerpt: m[0],
        });
    }
  }

  if (states.has("CA") && (channel === "letter" || channel === "email") && (context.firstWritten === true || first)) {
    requireIn(
      views,
      (v) => ROSENTHAL.test(v.folded),
      (suffix) =>
        out.push({
          rule: "CA-04",
          severity: "block",
          message: `The first written notice to a California consumer must include the Rosenthal notice ("The state Rosenthal Fair Debt Collection Practices Act and the federal Fair Debt Collection Practices Act require that, except under unusual circumstances, collectors may not contact you before 8 a.m. or after 9 p.m. …") (Cal. Civ. Code 1812.700)${suffix}`,
        }),
    );
  }

  if (
    states.has("CA") &&
    context.timeBarred === true &&
    context.firstWritten === true &&
    DIGITAL_OR_WRITTEN.has(channel)
  ) {
    const past = context.pastObsolescence === true;
    const wording = past
      ? '"The law limits how long you can be sued on a debt. Because of the age of your debt, [creditor] cannot sue you for it, and [creditor] cannot report it to any credit reporting agencies."'
      : '"The law limits how long you can be sued on a debt. Because of the age of your debt, [creditor] cannot sue you for it. If you do not pay the debt, [creditor] may report it to the credit reporting agencies as unpaid."';
    requireIn(
      views,
      (v) => CANNOT_SUE.test(v.folded) && (past ? CANNOT_REPORT.test(v.folded) : MAY_REPORT.test(v.folded)),
      (suffix) => {
        const wrongVariant = views.some(
          (v) =>
            CANNOT_SUE.test(v.folded) &&
            (past ? MAY_REPORT.test(v.folded) && !CANNOT_REPORT.test(v.folded) : CANNOT_REPORT.test(v.folded)),
        );
        out.push({
          rule: "CA-06",
          severity: "block",
          message: wrongVariant
            ? `The California time-barred notice has the wrong credit-reporting sentence: the debt is ${past ? "past" : "not past"} the credit-reporting period, so use ${wording} (Cal. Civ. Code 1788.14(d))${suffix}`
            : `The first written communication to a California consumer about a time-barred debt must include the time-barred notice: ${wording} (Cal. Civ. Code 1788.14(d))${suffix}`,
        });
      },
    );
  }

  if (states.has("NY") && first && DOCUMENTS.has(channel)) {
    requireIn(
      views,
      (v) => EXEMPT.test(v.folded) && SOCIAL_SECURITY.test(v.folded) && NINETY_PERCENT.test(v.folded),
      (suffix) =>
        out.push({
          rule: "NYS-01",
          severity: "block",
          message: `New York consumers: the initial disclosures must include the exempt-income notice (income such as Social Security, public assistance, unemployment, disability, pensions and 90% of wages earned in the last 60 days is exempt from being taken to pay the debt) (23 NYCRR 1.2(a))${suffix}`,
        }),
    );
  }

  if (context.nyc === true && first && DOCUMENTS.has(channel)) {
    requireIn(
      views,
      (v) => LANGUAGE_ACCESS.test(v.folded),
      (suffix) =>
        out.push({
          // NYC-03 is the validation notice's city extras; NYC-05 the language-access duty in the initial notice.
          rule: kind === "validation_notice" ? "NYC-03" : "NYC-05",
          severity: "block",
          message: `New York City consumers: the initial notice must say that language access services are available (and where to find the city's glossary of debt-collection terms) (6 RCNY 5-77)${suffix}`,
        }),
    );
  }

  if (states.has("TX") && context.timeBarred === true && DIGITAL_OR_WRITTEN.has(channel)) {
    requireIn(
      views,
      (v) => TIME_BARRED_NOTICE.test(v.folded),
      (suffix) =>
        out.push({
          rule: "TX-01",
          severity: "block",
          message: `Texas consumers: a written communication about a time-barred debt must include the time-barred notice ("The law limits how long you can be sued on a debt. Because of the age of your debt, we cannot sue you for it.") (Tex. Fin. Code 392.307)${suffix}`,
        }),
    );
  }
}

function formatPt(px: number): string {
  const pt = Math.round(((px * 3) / 4) * 10) / 10;
  return `${pt}pt (${Math.round(px * 10) / 10}px)`;
}
