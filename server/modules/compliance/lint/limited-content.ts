/**
 * CONT-03: a limited-content message (Reg F 1006.2(j)) is a voicemail that holds the required items — a business
 * name that does not indicate debt collection, a request to reply, the name of a natural person to reply to, a
 * telephone number — and may add only a salutation, the date and time of the message, suggested dates and
 * times to reply, and that the consumer may speak to any representative. Anything else (an amount, the word
 * debt, a state-required disclosure) makes it an ordinary communication that needs the mini-Miranda and risks
 * telling a third party about the debt (CFPB Reg F FAQs, limited-content messages). A text message is never
 * one.
 *
 * How: each sentence is rewritten into tokens — phone numbers, dates and times, and template variables become
 * placeholders, capitalised words not in the grammar's vocabulary become name tokens — and then consumed clause
 * by clause (salutation, identification, request to reply, time, representative statement). A sentence with
 * anything left over is quoted back as not allowed.
 */
import { foldAccents, excerptOf, splitSentences } from "./text";
import type { Finding } from "./types";

const CITE = "(Reg F 1006.2(j))";

// Placeholders, chosen so that no word of a message can produce them.
const P_PHONE = "§p";
const P_TIME = "§t";
const P_PERSON = "§n";
const P_BUSINESS = "§b";
const P_CONSUMER = "§c";
const P_UNKNOWN = "§x";

const VARIABLE = /\{\{\s*([^{}]{0,80}?)\s*\}\}/g;
/** US numbers as people write them: 1-800-555-1212, (800) 555-1212, 800.555.1212, +1 800 555 1212 ext. 12. */
const PHONE =
  /(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b(?:\s?(?:x|ext\.?|extension)\s?\d{1,6}\b)?|\b1?\d{10}\b/gi;
const MONTHS_EN =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const MONTHS_ES = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre";
const DAY = "\\d{1,2}(?:st|nd|rd|th)?";
/** Times, dates, weekdays and time zones, each becoming one time token. Order matters: longest first. */
const TIME_PATTERNS: RegExp[] = [
  /\b\d{1,2}(?::\d{2})?\s?(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?)/gi,
  /\b\d{1,2}:\d{2}\b(?:\s?(?:hrs|horas)\b)?/gi,
  new RegExp(`\\b(?:${MONTHS_EN})\\.?\\s${DAY}\\b(?:,?\\s\\d{4}\\b)?|\\bmay\\s${DAY}\\b(?:,?\\s\\d{4}\\b)?`, "gi"),
  new RegExp(`\\b${DAY}\\sde\\s(?:${MONTHS_ES})\\b(?:\\sde\\s\\d{4}\\b)?`, "gi"),
  /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/g,
  /\b(?:(?:mon|tues?|wednes|thurs?|fri|satur|sun)days?|weekdays?|weekends?|business days?|lunes|martes|miercoles|jueves|viernes|sabados?|domingos?|dias? (?:habiles|laborables|de semana))\b/gi,
  /\b(?:eastern|central|mountain|pacific|alaska|hawaii)(?: standard| daylight)?(?: time)?\b|\bhora (?:del )?(?:este|centro|pacifico|montana)\b/gi,
  /\b[ECMP][SD]?T\b/g,
  /\b(?:noon|midnight|mediodia|medianoche|today|tomorrow|tonight|this (?:morning|afternoon|evening|week)|hoy|manana|esta (?:manana|tarde|noche|semana))\b/gi,
];

/** Words of the grammar, so that a capitalised one at the start of a sentence is not read as a name. */
const VOCABULARY = new Set(
  (
    "hi hello hey good morning afternoon evening day greetings dear hola buenos buenas dias tardes " +
    "noches saludos this it it's its is my name i i'm we we're are am calling here from with at of and " +
    "or please kindly you your yours can may feel free to call contact reach give get return back me us " +
    "our a an any one the again that's that once number line direct phone le habla soy llamo mi nombre " +
    "es de con por favor llame llamenos llameme comuniquese conmigo nosotros puede usted cualquier " +
    "cualquiera nuestro nuestros nuestra el la hoy son las los al o y until till before by after between " +
    "starting on during anytime also speak talk representative representatives agent agents ask for " +
    "thank thanks"
  ).split(" "),
);

const NAME = `(?:${P_PERSON}|\\^[^ ]+)(?: (?:${P_PERSON}|\\^[^ ]+))*`;
const BUSINESS = `(?:${P_BUSINESS}|\\^[^ ]+)(?:(?: ,)? (?:(?:&|and|of|the|de|del|y) )?(?:\\^[^ ]+|&|${P_BUSINESS}))*`;
const PHONES = `${P_PHONE}(?:(?: ,)? (?:or|and|o|y) ${P_PHONE})*`;
const REPS =
  "(?:any|cualquiera|cualquier|one|a|our)(?: one)?(?: of (?:our|my|the)| de (?:nuestros|los))?(?: other)? (?:representatives?|agents?|team members?|specialists?|representantes?|agentes?)|(?:nuestros|los) (?:representantes|agentes)";
const CONTACT = `(?:me|us|conmigo|nosotros|(?:con )?${NAME}|${REPS})`;
const CONTACTS = `${CONTACT}(?:(?: ,)? (?:or|and|o|y) ${CONTACT})*`;
const CONNECT =
  "(?:,|on|at|to|from|until|till|through|thru|and|or|-|between|de|a|las|el|hasta|entre|y|o|the|of|any|every|al|del|los|after|before|by)";
const TIMES = `(?:(?:until|till|before|by|after|from|between|starting|beginning|at|on|during|anytime|any time|any|every|all|hasta|antes de|despues de|desde|entre|a partir de|a las|de|del|el|los|cualquier|todos los) )*${P_TIME}(?:(?: ${CONNECT})* ${P_TIME})*`;

type ClauseKind = "salutation" | "identity" | "request" | "time" | "representative" | "phone";
type Clause = { kind: ClauseKind; re: RegExp };

/** Each clause starts with a space and ends before one: the sentence is " tok tok tok". */
const clause = (kind: ClauseKind, body: string): Clause => ({ kind, re: new RegExp(` (?:${body})(?= |$)`, "y") });

const CLAUSES: Clause[] = [
  clause(
    "salutation",
    `(?:hi|hello|hey|good (?:morning|afternoon|evening|day)|greetings|dear|hola|buenos dias|buenas tardes|buenas noches|saludos)(?:(?: ,)? (?:${P_CONSUMER}|${NAME}))?`,
  ),
  clause(
    "identity",
    `(?:this is|it's|it is|my name is|i am|i'm|le habla|habla|soy|me llamo|mi nombre es) (?<name>${NAME})(?: (?:calling|here|and i'm calling|and i am calling|llamando|y le llamo|le llamo|y llamo))?(?: (?:from|with|at|of|de|con) (?<business>${BUSINESS}))?`,
  ),
  clause("identity", `(?<name>${NAME})(?: (?:calling|here|llamando))? (?:from|with|de) (?<business>${BUSINESS})`),
  clause(
    "identity",
    `(?:i'm|i am|we're|we are|le llamamos|llamamos|le llamo|llamo|estoy llamando|le estoy llamando|calling|llamando) (?:calling )?(?:from|de) (?<business>${BUSINESS})`,
  ),
  clause(
    "request",
    `(?:please |kindly |por favor |(?:you )?(?:can|may|could) |feel free to |puede |usted puede )?(?:give (?:me|us) a (?:call|ring)|return (?:my|our|this|the) (?:call|message)|get (?:back )?(?:in touch )?(?:with|to)|reach out to|call|contact|reach|phone|ring|ask for|llamenos|llameme|llame(?: a)?|comuniquese(?: con)?|contactenos|contacteme|contacte(?: a)?|devuelva (?:mi|la|esta|nuestra) llamada|regrese (?:la|mi) llamada|pregunte por)(?: (?<contacts>${CONTACTS}))?(?: back)?(?: (?:at|on|al|en|by calling|llamando al))?(?: ${PHONES})?`,
  ),
  clause(
    "representative",
    `(?:you (?:may|can) (?:also )?(?:speak|talk) (?:to|with) |(?:usted )?puede hablar con )?(?:${REPS})(?: (?:can|will be able to|will be happy to|is able to|puede|pueden) (?:help|assist|ayudarle|atenderle)(?: you)?)?`,
  ),
  clause(
    "time",
    `(?:(?:it is|it's|${P_TIME} is|the time is|i'm calling|i am calling|this message was left|this call was placed|son las|es|hoy es)(?: (?:at|on|el|a las))? )?${TIMES}`,
  ),
  clause(
    "phone",
    `(?:(?:my|our|the)(?: direct| phone| callback| call back| toll-free| toll free)? (?:number|line|phone number) is |(?:mi|nuestro|el) (?:numero|telefono)(?: de telefono)? es (?:el )?|again |that's |that is |once again |at )?${PHONES}`,
  ),
];
const SEPARATOR = /(?: (?:,|;|and|or|y|o|then)(?= |$))*/y;

const COLLECTION_WORDS =
  /\b(?:collect\w*|debts?|recover(?:y|ies)|receivables?|credit bureaus?|cobranzas?|deudas?|cobrador(?:es|a)?|cobros?|recuperacion(?:es)?)\b/;
const UNKIND_VARIABLE =
  /(?:^|[._])(?:debt|balance|amount|account|creditor|due|payment|saldo|deuda|monto|plan|license|licence)(?:[._]|$)/;

/** A variable becomes the placeholder of the slot its name says it fills; unknown ones fill none. */
function placeholderOf(name: string): string {
  const n = name.toLowerCase();
  if (UNKIND_VARIABLE.test(n)) return P_UNKNOWN;
  if (/phone|(?:^|[._])tel(?:ephone)?(?:[._]|$)|call_?back_?number/.test(n)) return P_PHONE;
  if (/(?:^|[._])(?:date|time|day|hours?|today)(?:[._]|$)|_(?:date|time|hours)$/.test(n)) return P_TIME;
  if (!/name/.test(n)) return P_UNKNOWN;
  if (/(?:^|[._])(?:agent|caller|rep|representative|user|sender|staff|employee|collector_agent)(?:[._]|$)/.test(n))
    return P_PERSON;
  if (/(?:^|[._])(?:org|organization|organisation|company|business|agency|tenant|brand)(?:[._]|$)/.test(n))
    return P_BUSINESS;
  if (/(?:^|[._])(?:debtor|consumer|customer|recipient|person|contact)(?:[._]|$)/.test(n)) return P_CONSUMER;
  return P_UNKNOWN;
}

/** The sentence as the clause grammar reads it: " hi , this is ^robin ^smith calling from ^abc , ^inc". */
export function tokensOf(sentence: string): string {
  // "§" is removed first so that the message itself cannot forge a placeholder.
  let s = foldAccents(sentence.replace(/§/g, " ")).replace(VARIABLE, (_, name: string) => ` ${placeholderOf(name)} `);
  s = s.replace(PHONE, ` ${P_PHONE} `);
  for (const re of TIME_PATTERNS) s = s.replace(re, ` ${P_TIME} `);
  s = s
    .replace(/[,;:]/g, " , ")
    .replace(/(?<![.!?])[.!?]+(?= |$)/g, " ")
    .replace(/["()[\]]/g, " ");
  const tokens: string[] = [];
  for (const t of s.split(" ")) {
    if (!t) continue;
    const lower = t.toLowerCase();
    tokens.push(/^[A-Z]/.test(t) && !VOCABULARY.has(lower) ? `^${lower}` : lower);
  }
  return tokens.length ? ` ${tokens.join(" ")}` : "";
}

type Parsed = {
  ok: boolean;
  businesses: string[];
  request: boolean;
  person: boolean;
  phone: boolean;
};

function parseSentence(tokens: string): Parsed {
  const parsed: Parsed = { ok: true, businesses: [], request: false, person: false, phone: false };
  let pos = 0;
  while (pos < tokens.length) {
    SEPARATOR.lastIndex = pos;
    pos += SEPARATOR.exec(tokens)?.[0].length ?? 0;
    if (pos >= tokens.length) break;
    let matched: RegExpExecArray | null = null;
    let kind: ClauseKind | undefined;
    for (const c of CLAUSES) {
      c.re.lastIndex = pos;
      matched = c.re.exec(tokens);
      if (matched) {
        kind = c.kind;
        break;
      }
    }
    if (!matched || matched[0].length === 0) return { ...parsed, ok: false };
    pos += matched[0].length;
    const text = matched[0];
    if (text.includes(P_PHONE)) parsed.phone = true;
    const groups = matched.groups ?? {};
    if (groups.business) parsed.businesses.push(groups.business);
    if (groups.name) parsed.person = true;
    if (kind === "request") {
      parsed.request = true;
      if (groups.contacts && (groups.contacts.includes("^") || groups.contacts.includes(P_PERSON)))
        parsed.person = true;
    }
  }
  return parsed;
}

/** Findings for a message sent as a limited-content voicemail. */
export function limitedContentRules(text: string, out: Finding[]): void {
  const seen = { business: false, request: false, person: false, phone: false };
  const sentences = splitSentences(typeof text === "string" ? text : "");
  for (const sentence of sentences) {
    const parsed = parseSentence(tokensOf(sentence));
    // What the sentence held before the part that is not allowed still counts toward the required items.
    seen.request ||= parsed.request;
    seen.person ||= parsed.person;
    seen.phone ||= parsed.phone;
    if (parsed.businesses.length) seen.business = true;
    for (const b of parsed.businesses) {
      const plain = b.replace(/\^/g, "").replace(/ ,/g, ",");
      if (COLLECTION_WORDS.test(plain))
        out.push({
          rule: "CONT-03",
          severity: "block",
          message: `The business name "${excerptOf(displayName(sentence, plain))}" indicates debt collection, which a limited-content message may not: use a business name without words like collection, debt, recovery or receivables ${CITE}`,
          excerpt: excerptOf(sentence),
        });
    }
    if (!parsed.ok) {
      const thanks = /^\s*(?:thank|thanks|gracias|have a|bye|goodbye|adios)/i.test(sentence);
      out.push({
        rule: "CONT-03",
        severity: "block",
        message: thanks
          ? `A limited-content message may contain only a salutation, the caller's and contact names, a business name, a request to reply, phone numbers, the date and time, suggested times to reply and that any representative can help; remove the closing words ${CITE}`
          : `Not allowed in a limited-content message: it may contain only a salutation, the caller's and contact names, a business name, a request to reply, phone numbers, the date and time, suggested times to reply and that any representative can help. Remove this sentence, or send an ordinary voicemail with the debt-collector disclosure ${CITE}`,
        excerpt: excerptOf(sentence),
      });
    }
  }
  const lacking = [
    !seen.business && "a business name",
    !seen.request && "a request to reply",
    !seen.person && "the name of a person to reply to",
    !seen.phone && "a telephone number to reply to",
  ].filter((x): x is string => typeof x === "string");
  if (lacking.length)
    out.push({
      rule: "CONT-03",
      severity: "block",
      message: `A limited-content message must include a business name, a request to reply, the name of a person to reply to and a telephone number; this one lacks ${lacking.length > 1 ? `${lacking.slice(0, -1).join(", ")} and ${lacking[lacking.length - 1]}` : lacking[0]} ${CITE}`,
    });
}

/** The business name as written in the sentence (the tokens lost its case). */
function displayName(sentence: string, plain: string): string {
  const words = plain.split(/[\s,]+/).filter(Boolean);
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return plain;
  const folded = foldAccents(sentence);
  const lower = folded.toLowerCase();
  const start = lower.indexOf(first);
  const end = lower.indexOf(last, start) + last.length;
  return start >= 0 && end > start ? folded.slice(start, end) : plain;
}
