/**
 * ELEC-01/02: every electronic communication says how to opt out of further electronic communications to that
 * address or number, and the way is reasonable and simple (Reg F 1006.6(e); comment 6(e)-1: a link or a reply
 * keyword is; postal mail, a telephone call or a website without a link is not for a message received
 * electronically; the opt-out may not cost a fee or ask for information beyond the preference and the address).
 */
import { whichVersions, type View } from "./text";
import type { Finding, LintChannel, LintMessage } from "./types";

/** A template's own opt-out link: {{unsubscribe_url}}, {{opt_out_url}}, {{email_preferences_link}}… */
const LINK_VARIABLE = /\{\{\s*[\w.]{0,40}(?:unsubscribe|opt_?out|optout|preferences?)[\w.]{0,40}\s*\}\}/;
const ANY_URL = /\bhttps?:\/\/[^\s<>()"']+/g;
const LINKS = /\bhttps?:\/\/[^\s<>()"']+|\{\{[^{}]{0,80}\}\}/g;
const OPT_OUT_URL = /unsubscribe|opt-?out|optout|preference|subscription|\/stop\b|baja/;
/** Words saying the message is about opting out (English and Spanish). */
const OPT_OUT_WORDS =
  /\bunsubscrib\w*|\bopt(?:ing)?[- ]?out\b|\boptout\b|\bstop (?:receiving|getting)\b|\bno longer (?:receive|want|wish)|\b(?:to )?stop (?:these |our |all |future )?(?:texts?|emails?|e-mails?|messages?|notifications?)\b|\b(?:email|communication|contact|message) preferences\b|\bdejar de recibir\b|\bdarse de baja\b|\bdese de baja\b|\bcancel(?:e|ar) (?:su |la )?suscripcion\b|\bno recibir mas\b/;
/** "Reply STOP", "Text STOP to 12345", "Responda STOP/ALTO/PARAR" (comment 6(e)-1's own example). */
const REPLY_KEYWORD =
  /\b(?:reply|replying|respond|text|txt|send|responda|responder|envie|enviar|conteste)\b(?: (?:with|back|the word|con|la palabra|to this message|a este mensaje))*[ :"']+(?:stop|stopall|end|cancel|unsubscribe|quit|alto|parar|baja)\b/;
const BY_MAIL =
  /(?<!e-)\bmail(?:ing)?\b|\b(?:letter|write (?:to )?us|writing|p\.? ?o\.? box|postal|correo postal|carta|escribanos)\b/;
const BY_PHONE = /\b(?:call|calling|phone|telephone|llame|llamenos|llamar|telefono)\b/;
const BY_WEBSITE = /\b(?:website|web site|web page|webpage|online|our site|portal|sitio web|pagina web|en linea)\b/;
const BY_EMAIL_REPLY = /\b(?:reply|respond|send us an email|email us|responda)\b/;

/** What an opt-out page may ask for besides the choice itself (1006.6(e)). */
const ALLOWED_PAGE_FIELDS =
  /^(?:e-?mail(?:[_ ]?address)?|address|phone(?:[_ ]?number)?|telephone(?:[_ ]?number)?|mobile(?:[_ ]?number)?|preferences?|choice|channel|scope|opt[_ ]?out[_ ]?preference)$/i;

const CITE = "(Reg F 1006.6(e))";
const CITE_SIMPLE = "(Reg F 1006.6(e), comment 6(e)-1)";

const NOUN: Record<LintChannel, string> = {
  email: "Email",
  sms: "Text message",
  portal_message: "Portal message",
  letter: "Letter",
  voicemail: "Voicemail",
};
const MEDIUM: Record<LintChannel, string> = {
  email: "email to this address",
  sms: "texts to this number",
  portal_message: "messages to this account",
  letter: "",
  voicemail: "",
};

type Method = "link" | "reply";

function hasLink(view: View): boolean {
  if (LINK_VARIABLE.test(view.raw)) return true;
  for (const m of view.folded.matchAll(ANY_URL)) if (OPT_OUT_URL.test(m[0])) return true;
  // A plain URL in a sentence that says it opts out ("To unsubscribe, go to https://acme.example/u/x7").
  if (!view.folded.includes("http")) return false;
  return view.sentences.some((s) => /\bhttps?:\/\//.test(s.folded) && OPT_OUT_WORDS.test(s.folded));
}

function methodsIn(view: View): Set<Method> {
  const found = new Set<Method>();
  if (hasLink(view)) found.add("link");
  if (REPLY_KEYWORD.test(view.folded)) found.add("reply");
  return found;
}

/** Why a stated opt-out way is not reasonable and simple for this channel. */
function whyNotSimple(channel: LintChannel, view: View, methods: Set<Method>): string {
  const noun = NOUN[channel];
  const fix =
    channel === "email"
      ? "add the one-click unsubscribe link {{unsubscribe_url}}"
      : channel === "sms"
        ? 'add "Reply STOP to stop texts to this telephone number."'
        : 'add the one-click link {{opt_out_url}} or a reply keyword ("Reply STOP to stop messages to this account")';
  const sentence = view.sentences.find((s) => OPT_OUT_WORDS.test(s.folded))?.folded ?? view.folded;
  if (channel === "email" && methods.has("reply"))
    return `${noun} offers only a reply keyword to opt out: ${fix} ${CITE_SIMPLE}`;
  if (BY_MAIL.test(sentence))
    return `${noun} lets the consumer opt out only by postal mail, which is not reasonable and simple for a message received electronically: ${fix} ${CITE_SIMPLE}`;
  if (BY_WEBSITE.test(sentence))
    return `${noun} sends the consumer to a website without a link to opt out: ${fix} ${CITE_SIMPLE}`;
  if (BY_PHONE.test(sentence))
    return `${noun} lets the consumer opt out only by telephone, which is not reasonable and simple for a message received electronically: ${fix} ${CITE_SIMPLE}`;
  if (channel === "email" && BY_EMAIL_REPLY.test(sentence))
    return `${noun} asks the consumer to write back to opt out: ${fix} ${CITE_SIMPLE}`;
  return `${noun} mentions opting out but gives no link or reply keyword to do it with: ${fix} ${CITE_SIMPLE}`;
}

export function optOutRules(message: LintMessage, views: View[], out: Finding[]): void {
  const { channel } = message;
  const noun = NOUN[channel];
  const missing: View[] = [];
  const unexplained: View[] = [];
  const notSimple: { view: View; why: string }[] = [];
  let linked = false;
  for (const view of views) {
    const methods = methodsIn(view);
    if (methods.has("link")) linked = true;
    // Comment 6(e)-1: a link works everywhere; a reply keyword works for texts and messages one can answer,
    // while for email the platform's one-click link is the reasonable and simple way.
    const ok = methods.has("link") || (channel !== "email" && methods.has("reply"));
    // The statement must be in words: a bare link, even one whose address says "unsubscribe", is not one.
    const stated = methods.has("reply") || OPT_OUT_WORDS.test(view.folded.replace(LINKS, " "));
    if (ok && stated) continue;
    if (ok) unexplained.push(view);
    else if (stated) notSimple.push({ view, why: whyNotSimple(channel, view, methods) });
    else missing.push(view);
  }
  if (missing.length) {
    const fix =
      channel === "email"
        ? "add the one-click unsubscribe link {{unsubscribe_url}}"
        : channel === "sms"
          ? 'add "Reply STOP to stop texts to this telephone number."'
          : 'add the one-click link {{opt_out_url}} or "Reply STOP to stop messages to this account"';
    const what = channel === "sms" ? "texts" : channel === "email" ? "email" : "electronic messages";
    out.push({
      rule: "ELEC-01",
      severity: "block",
      message: `${noun} has no way to opt out of ${what}: ${fix} ${CITE}${whichVersions(missing, views)}`,
    });
  }
  if (unexplained.length)
    out.push({
      rule: "ELEC-01",
      severity: "block",
      message: `${noun} has an opt-out link but no clear statement of what it does: write e.g. "To stop ${MEDIUM[channel]}, unsubscribe here: {{unsubscribe_url}}" ${CITE}${whichVersions(unexplained, views)}`,
    });
  const first = notSimple[0];
  if (first)
    out.push({
      rule: "ELEC-02",
      severity: "block",
      message:
        first.why +
        whichVersions(
          notSimple.map((n) => n.view),
          views,
        ),
    });
  const fields = Array.isArray(message.optOutLinkRequires) ? message.optOutLinkRequires : [];
  const extra = fields.filter((f) => typeof f === "string" && !ALLOWED_PAGE_FIELDS.test(f.trim()));
  if (extra.length && linked)
    out.push({
      rule: "ELEC-02",
      severity: "block",
      message: `The opt-out page asks for ${listOf(extra.map((f) => f.trim().replace(/_/g, " ")))}: opting out may require nothing beyond the choice and the address or number it applies to; remove those fields ${CITE}`,
    });
}

function listOf(items: string[]): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
