/**
 * The message linter (ENG-05): pure checks of what a debt-collection message says, run when a template is
 * published and again by the compliance gate when a rendered message is sent, with what is known then (the
 * consumer's state, validation period, limitation status). US rules: Regulation F, the FDCPA, the TCPA and
 * state overlays; rule ids are those of the compliance rule catalogue.
 *
 * Every pattern is compiled once at module load; a send-time lint of a 2 KB message takes microseconds.
 */
import { disclosureRules } from "./disclosure";
import { limitedContentRules } from "./limited-content";
import { litigationRules } from "./litigation";
import { optOutRules } from "./opt-out";
import { optOutConfirmationRules } from "./opt-out-confirmation";
import { overshadowingRules } from "./overshadowing";
import { stateRules } from "./state-notices";
import { viewsOf } from "./text";
import type { Finding, LintChannel, LintContext, LintMessage } from "./types";

export type { Finding, LintChannel, LintContext, LintMessage, MessageKind } from "./types";

/** Reg F 1006.6(e) covers email, text and other electronic media (a portal or social-media message). */
const ELECTRONIC = new Set<LintChannel>(["email", "sms", "portal_message"]);

const NOT_VOICEMAIL: Record<LintChannel, string> = {
  sms: "A text message",
  email: "An email",
  letter: "A letter",
  portal_message: "A portal message",
  voicemail: "A voicemail",
};

/** Everything wrong with a message for the given context; an empty array when it may be published or sent. */
export function lintMessage(message: LintMessage, context: LintContext): Finding[] {
  const out: Finding[] = [];
  let kind = message.kind;
  if (kind === "limited_content") {
    if (message.channel === "voicemail") {
      // An LCM is not a communication (1006.2(b)): no mini-Miranda, no opt-out, no state blocks; only its
      // closed list of contents, which leaves no room for deadlines or litigation language either.
      limitedContentRules(message.text, out);
      return out;
    }
    // CFPB Reg F FAQ: a text message (or any written one) is never a limited-content message. Say so, then lint
    // it as the ordinary communication it is, so the admin sees everything it needs.
    out.push({
      rule: "CONT-03",
      severity: "block",
      message: `${NOT_VOICEMAIL[message.channel]} is never a limited-content message: only a voicemail can be one. Send it as an ordinary communication, with the debt-collector disclosure${ELECTRONIC.has(message.channel) ? " and a way to opt out" : ""} (Reg F 1006.2(j))`,
    });
    kind = "communication";
  }
  const msg: LintMessage = kind === message.kind ? message : { ...message, kind };
  const { views, subject } = viewsOf(msg);
  // Required content must be in the body; forbidden content is looked for in the subject line too.
  const scanned = subject ? [...views, subject] : views;

  if (kind === "opt_out_confirmation") optOutConfirmationRules(msg.channel, scanned, out);
  else if (ELECTRONIC.has(msg.channel)) optOutRules(msg, views, out);
  disclosureRules(msg, context, views, out);
  overshadowingRules(context, scanned, out);
  litigationRules(context, scanned, out);
  stateRules(msg, context, views, out);
  // Blocks first: they are what stops publishing or sending.
  return [...out.filter((f) => f.severity === "block"), ...out.filter((f) => f.severity !== "block")];
}
