/**
 * TCPA-04 / ELEC-05: the one confirmation of an opt-out may only confirm it and that it will be honoured; it may
 * ask to clarify the scope of the request, and nothing else — no offer, no amount, no payment request, no link
 * (47 CFR 64.1200(a)(12) for texts; Reg F 1006.14(h)(2)(i) for any electronic medium).
 */
import { excerptOf, type View } from "./text";
import type { Finding, LintChannel } from "./types";

type Check = { what: string; re: RegExp };

const CHECKS: Check[] = [
  {
    what: "an offer",
    re: /\b(?:offers?|discount(?:s|ed)?|save|savings|deals?|promo(?:tion)?s?|special|settle(?:ment)?|reduced|waive[ds]?|forgiv\w*|bonus|free|descuentos?|ofertas?|ahorr\w*|rebaja\w*|promocion\w*)\b|\d\s?%|%\s?off\b|\bpercent\b|\bpor ?ciento\b/,
  },
  {
    what: "an amount",
    re: /[$€£]\s?\d|\b\d[\d,]*(?:\.\d{2})?\s?(?:dollars|usd|dolares)\b|\{\{[^{}]{0,40}(?:amount|balance|saldo|monto|total)[^{}]{0,40}\}\}|\b(?:balance|saldo|amount (?:due|owed)|monto)\b/,
  },
  { what: "a payment request", re: /\b(?:pay|paying|payment|payments|pague|pagar|pago|pagos)\b/ },
  { what: "a link", re: /\bhttps?:\/\/|\bwww\.|\{\{[^{}]{0,40}(?:url|link|enlace)[^{}]{0,40}\}\}/ },
];
/**
 * A request to reply with a keyword: allowed only with a stop-type or scope keyword, to clarify what the opt-out
 * covers. "Reply X" is always a keyword; "text X" only when X is written as one (capitals or quotes), since
 * "we will not text you again" is not a request.
 */
const REPLY =
  /\b(reply|respond|responda|conteste|text|txt|send|envie)\b(?: (?:with|back|con))*[ :]+(["']?)([a-z]{1,20})\2/gi;
const NOT_KEYWORDS = new Set([
  "to",
  "if",
  "here",
  "below",
  "this",
  "us",
  "and",
  "or",
  "a",
  "the",
  "at",
  "now",
  "anytime",
  "a este",
]);
const SCOPE_KEYWORDS = new Set([
  "stop",
  "stopall",
  "all",
  "end",
  "cancel",
  "unsubscribe",
  "quit",
  "alto",
  "parar",
  "baja",
  "todo",
  "todos",
  "email",
  "emails",
  "calls",
  "texts",
]);

export function optOutConfirmationRules(channel: LintChannel, views: View[], out: Finding[]): void {
  const rule = channel === "sms" || channel === "voicemail" ? "TCPA-04" : "ELEC-05";
  const cite = rule === "TCPA-04" ? "(47 CFR 64.1200(a)(12); Reg F 1006.14(h)(2)(i))" : "(Reg F 1006.14(h)(2)(i))";
  const reported = new Set<string>();
  for (const v of views) {
    for (const s of v.sentences) {
      const problems = CHECKS.filter((c) => c.re.test(s.folded)).map((c) => c.what);
      for (const m of s.raw.matchAll(REPLY)) {
        const verb = (m[1] ?? "").toLowerCase();
        const word = m[3] ?? "";
        const written = m[2] !== "" || (word.length > 1 && word === word.toUpperCase());
        const keyword = word.toLowerCase();
        if (NOT_KEYWORDS.has(keyword) || SCOPE_KEYWORDS.has(keyword)) continue;
        if (["reply", "respond", "responda", "conteste"].includes(verb) || written)
          problems.push(`a request to reply "${word.toUpperCase()}"`);
      }
      if (!problems.length || reported.has(s.folded)) continue;
      reported.add(s.folded);
      out.push({
        rule,
        severity: "block",
        message: `An opt-out confirmation may only confirm the opt-out (and ask which messages it covers); this sentence adds ${[...new Set(problems)].join(", ")}: remove it ${cite}`,
        excerpt: excerptOf(s.raw),
      });
    }
  }
}
