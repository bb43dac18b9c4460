/**
 * CONT-01/02, the "mini-Miranda" (Reg F 1006.18(e); FDCPA 1692e(11)). The initial communication states that the
 * collector is attempting to collect a debt and that any information obtained will be used for that purpose
 * (and so does the first written one when the initial communication was oral, 1006.18(e)(1)); every later
 * communication states that it is from a debt collector. The disclosure is in the language of the rest of the
 * message (1006.18(e)(4)).
 */
import { whichVersions, type View } from "./text";
import type { Finding, LintContext, LintMessage } from "./types";

type Level = 0 | 1 | 2;
type Patterns = { collector: RegExp; attempt: RegExp; information: RegExp };

const EN: Patterns = {
  collector:
    /\b(?:from|by) an? debt collector\b|\b(?:we are|we're|i am|i'm|this is|is) an? debt collector\b|\bdebt collector (?:attempting|trying) to collect\b/,
  attempt: /\b(?:attempt(?:ing|s)?|trying) to collect (?:a |this |the |your )?debt\b/,
  information:
    /\binformation (?:obtained|we obtain|that we obtain|we receive|received|you provide|you give us)\b.{0,40}?\bwill be used for (?:that|this|the same) purpose\b/,
};
const ES: Patterns = {
  collector: /\bcobrador(?:a|es)? de deudas\b/,
  attempt: /\b(?:intento|intentando|tratando|intenta|intentamos) (?:de )?cobrar (?:una |la |esta |su )?deuda\b/,
  information:
    /\b(?:cualquier|toda) (?:la )?informacion (?:obtenida|que obtengamos|que se obtenga|que recibamos)\b.{0,40}?\b(?:sera|se) (?:utilizada|usada|utilizara|usara) (?:para|con) (?:ese|este|dicho|tal) (?:proposito|fin)\b/,
};

/** 0: nothing; 1: "from a debt collector"; 2: the full initial disclosure (which also says it). */
function levelOf(folded: string, p: Patterns): Level {
  const full = p.attempt.test(folded) && p.information.test(folded);
  if (full) return 2;
  return p.collector.test(folded) ? 1 : 0;
}

const WRITTEN = new Set(["email", "letter", "portal_message"]);
const EXEMPT = new Set(["limited_content", "opt_out_confirmation", "cease_response"]);

const SAY: Record<"en" | "es", Record<1 | 2, string>> = {
  en: {
    1: '"This communication is from a debt collector."',
    2: '"This is an attempt to collect a debt and any information obtained will be used for that purpose."',
  },
  es: {
    1: '"Esta comunicación es de un cobrador de deudas."',
    2: '"Este es un intento de cobrar una deuda y cualquier información obtenida será utilizada para ese propósito."',
  },
};

export function requiredLevel(message: LintMessage, context: LintContext): Level {
  if (EXEMPT.has(message.kind)) return 0;
  if (message.kind === "initial_communication" || message.kind === "validation_notice") return 2;
  if (context.firstWritten === true && WRITTEN.has(message.channel)) return 2;
  return 1;
}

export function disclosureRules(message: LintMessage, context: LintContext, views: View[], out: Finding[]): void {
  const need = requiredLevel(message, context);
  if (need === 0) return;
  const lang = message.language === "es" ? "es" : "en";
  const own = lang === "es" ? ES : EN;
  const other = lang === "es" ? EN : ES;
  const missing: View[] = [];
  const wrongLanguage: View[] = [];
  for (const v of views) {
    if (levelOf(v.folded, own) >= need) continue;
    if (levelOf(v.folded, other) >= need) wrongLanguage.push(v);
    else missing.push(v);
  }
  const why =
    need === 2
      ? message.kind === "initial_communication" || message.kind === "validation_notice"
        ? "the initial communication must state that the collector is attempting to collect a debt and that any information obtained will be used for that purpose"
        : "the first written communication after an oral initial communication must repeat that the collector is attempting to collect a debt and that any information obtained will be used for that purpose"
      : "every communication after the initial one must state that it is from a debt collector";
  if (missing.length)
    out.push({
      rule: "CONT-01",
      severity: "block",
      message: `Missing the debt-collector disclosure: ${why}; add ${SAY[lang][need]} (Reg F 1006.18(e))${whichVersions(missing, views)}`,
    });
  if (wrongLanguage.length) {
    const language = lang === "es" ? "Spanish" : "English";
    const otherLanguage = lang === "es" ? "English" : "Spanish";
    out.push({
      rule: "CONT-02",
      severity: "block",
      message: `The debt-collector disclosure is only in ${otherLanguage} but the message is in ${language}: add it in ${language}, e.g. ${SAY[lang][need]} (Reg F 1006.18(e)(4))${whichVersions(wrongLanguage, views)}`,
    });
  }
}
