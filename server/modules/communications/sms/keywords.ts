/**
 * What an inbound text asks for: to stop texts, to start them again, for help, or none of these (an ordinary
 * message for an agent to read).
 *
 * The cost of a mistake is lopsided. Each text sent after consent was revoked is a TCPA violation (47 U.S.C.
 * 227(b)(3): $500, trebled if wilful), and Reg F 1006.14(h)(1) forbids using a medium the consumer asked us not to
 * use; a wrongly recorded opt-out only loses a channel, visibly, until the consumer texts START. So anything that
 * reasonably reads as a refusal of texts or contact is an opt-out, and only readings that are plainly about
 * something else ("I will stop by the office") are not.
 */

export type InboundTextKind = "opt_out" | "opt_in" | "help" | "message";

export type InboundClassification =
  | {
      kind: "opt_out" | "opt_in" | "help";
      /** The keyword in its usual spelling ("STOP", "NO MÁS"), or, for a phrase, the words that matched. */
      keyword: string;
      /**
       * "keyword": the whole message is the keyword (once surrounding punctuation and emoji are gone);
       * "phrase": a keyword among courtesy words ("please stop") or a refusal in plain language.
       */
      confidence: "keyword" | "phrase";
    }
  | { kind: "message"; keyword?: undefined; confidence: "none" };

/**
 * 47 CFR 64.1200(a)(10) names stop, quit, end, revoke, opt out, cancel and unsubscribe as per-se revocations in
 * reply to a text; STOPALL is the carriers' (CTIA) variant. The Spanish words are what Spanish-speaking consumers
 * send, and BAJA ("darse de baja", to unsubscribe) is the usual Spanish opt-out word on short codes.
 */
const OPT_OUT_KEYWORDS = keywordMap([
  "STOP",
  "STOPALL",
  "STOP ALL",
  "END",
  "QUIT",
  "CANCEL",
  "UNSUBSCRIBE",
  "REVOKE",
  "OPT OUT",
  "OPTOUT",
  "ALTO",
  "PARAR",
  "BASTA",
  "CANCELAR",
  "NO MÁS",
  "BAJA",
]);

// Re-enabling texts after an opt-out must be unambiguous, so these count only as the whole message.
const OPT_IN_KEYWORDS = keywordMap(["START", "UNSTOP", "YES"]);

const HELP_KEYWORDS = keywordMap(["HELP", "INFO", "AYUDA"]);

/** Words that may surround a lone opt-out keyword without changing what it asks ("STOP please", "ya basta"). */
const COURTESY = [
  "please",
  "pls",
  "plz",
  "now",
  "ok",
  "okay",
  "thanks",
  "thank you",
  "thx",
  "por favor",
  "porfavor",
  "porfa",
  "ya",
  "gracias",
];

// Whom or what a refusal is about. A refusal must name the contact ("me", "this number") or the medium
// ("texts"): "stop texting" alone also fits "I'll stop texting you once I've paid".
const TARGET = "(?:me|us|this number|this phone|my (?:cell )?(?:phone|number|cell)(?: number)?)";
const CONTACTING = "(?:texting|txting|messaging|msging|contacting|calling|harassing|bothering)";
const CONTACT = "(?:text|txt|message|msg|sms|contact|call)";
const TEXTS = "(?:texts|txts|messages|text messages|sms|sms messages)";
/**
 * "Don't ... me" in Spanish: the negative command (subjunctive: plural, familiar, formal) of send, write, contact,
 * call and text. Only the command: the indicative "no me envían el estado de cuenta" (you don't send me the
 * statement) is a complaint, not a refusal.
 */
const ES_DONT_CONTACT = [
  ...["envi", "mand", "contact", "llam", "texte"].flatMap((stem) => [`${stem}en`, `${stem}es`, `${stem}e`]),
  ...["escriban", "escribas", "escriba"],
].join("|");

/**
 * Refusals in plain language, matched anywhere in the folded message. Texts are calls under the TCPA, so a
 * refusal of calls sent by text ("stop calling me") revokes consent to texts as well. "Unsubscribe" and "opt out"
 * have no everyday sense in a reply to a collector, so they count inside a longer message too; stop, end, quit
 * and cancel do ("cancel my payment"), so they count only as a keyword.
 */
const REFUSALS: RegExp[] = [
  new RegExp(`\\bstop ${CONTACTING} ${TARGET}\\b`),
  new RegExp(
    `\\bstop sending (?:me |us )?(?:any |these |the |your )?(?:more )?(?:texts?|txts?|messages?|text messages?|sms)\\b`,
  ),
  new RegExp(`\\bstop (?:all )?(?:the |these |your )?${TEXTS}\\b`),
  new RegExp(`\\b(?:dont|do not|never) (?:ever )?${CONTACT} ${TARGET}\\b`),
  new RegExp(`\\bno more ${TEXTS}\\b`),
  new RegExp(`\\b(?:take|remove|delete|erase) ${TARGET} (?:off|from) (?:of )?(?:your|the|this|all) (?:\\w+ )?list\\b`),
  /\bleave me alone\b/,
  /\b(?:unsubscribe|optout|opt out|opt me out)\b/,
  /\brevoke (?:my |all |your )?(?:consent|permission)\b/,
  // Spanish: "don't send me / write to me (any more)", "stop writing to me", "no more messages", "leave me alone".
  new RegExp(`\\bno me (?:${ES_DONT_CONTACT})\\b`),
  /\b(?:dejen|deje|deja|dejar) de (?:escribirme|enviarme|mandarme|contactarme|llamarme|molestarme|textearme)\b/,
  /\bno mas (?:mensajes|textos|sms)\b/,
  /\b(?:darme|dar|den|denme|deme) de baja\b/,
  /\b(?:dejame|dejenme|dejeme) en paz\b/,
];

function keywordMap(keywords: string[]): Map<string, string> {
  return new Map(keywords.map((k) => [fold(k), k]));
}

/**
 * The message reduced to lower-case words separated by single spaces: accents dropped (people type "no mas" as
 * often as "no más"), apostrophes dropped ("don't", "don’t", "dont"), every other non-letter, non-digit run —
 * punctuation, emoji, hyphens, line breaks — a single space.
 */
function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’‘`´]/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function withoutCourtesy(folded: string): string {
  let text = folded;
  let changed = true;
  while (changed) {
    changed = false;
    for (const word of COURTESY) {
      if (text.startsWith(`${word} `)) {
        text = text.slice(word.length + 1);
        changed = true;
      }
      if (text.endsWith(` ${word}`)) {
        text = text.slice(0, -word.length - 1);
        changed = true;
      }
    }
  }
  return text;
}

/** "stop stop stop" is "stop": the one keyword, said more than once. */
function repeatedKeyword(text: string, keywords: Map<string, string>): string | undefined {
  for (const [folded, keyword] of keywords) {
    let rest = text;
    while (rest.startsWith(`${folded} `)) rest = rest.slice(folded.length + 1);
    if (rest === folded) return keyword;
  }
  return undefined;
}

export function classifyInboundText(body: string): InboundClassification {
  const folded = fold(body);

  const optOut = OPT_OUT_KEYWORDS.get(folded);
  if (optOut) return { kind: "opt_out", keyword: optOut, confidence: "keyword" };
  const optIn = OPT_IN_KEYWORDS.get(folded);
  if (optIn) return { kind: "opt_in", keyword: optIn, confidence: "keyword" };
  const help = HELP_KEYWORDS.get(folded);
  if (help) return { kind: "help", keyword: help, confidence: "keyword" };

  const wrapped = repeatedKeyword(withoutCourtesy(folded), OPT_OUT_KEYWORDS);
  if (wrapped) return { kind: "opt_out", keyword: wrapped, confidence: "phrase" };

  for (const refusal of REFUSALS) {
    const match = refusal.exec(folded);
    if (match) return { kind: "opt_out", keyword: match[0], confidence: "phrase" };
  }
  return { kind: "message", confidence: "none" };
}

/**
 * The one text confirming an opt-out (47 CFR 64.1200(a)(12); Reg F 1006.14(h)(2)(i)). It may only confirm the
 * request and that it will be honoured: no offer, amount, payment request, link, or invitation to reply, which the
 * compliance lint (TCPA-04) would block. With a name of up to 90 GSM-7 characters, the English text is one
 * segment; the Spanish one needs UCS-2 for its accents.
 */
export function optOutConfirmation(orgName: string, language: "en" | "es"): string {
  // A name with a line break or a run of spaces would garble a one-line text.
  const name = orgName.replace(/\s+/gu, " ").trim();
  const prefix = name ? `${name}: ` : "";
  return language === "es"
    ? `${prefix}No volverá a recibir mensajes de texto de nuestra parte en este número.`
    : `${prefix}You will no longer receive text messages from us at this number.`;
}
