/**
 * What a message says, checked at the moment it is sent with what is true then: the template lint run with
 * the consumer's jurisdiction, validation period and limitation status (ENG-05 at send time: DISP-05, TBD-02,
 * CONT-01 for the first written communication, the state blocks), and third parties told nothing (THIRD-01).
 */
import { lintMessage, type LintChannel, type MessageKind } from "../../lint";
import { block, warn, WRITTEN_CHANNELS, type Evaluation } from "../facts";
import type { Channel } from "../types";
import { dateOfDay, localDay } from "../zones";
import { initialCommunication, validationEndsOn } from "./holds";
import { limitation } from "./states";

const LINT_CHANNEL: Partial<Record<Channel, LintChannel>> = {
  email: "email",
  sms: "sms",
  letter: "letter",
  voicemail: "voicemail",
  portal_message: "portal_message",
  social_message: "portal_message",
};

export function contentRules(e: Evaluation): void {
  const { action, person } = e;
  if (person.role === "third_party") {
    // 1006.6(d), 1006.10: a third party is only asked where the consumer is, and told nothing of the debt.
    if (e.purpose !== "location") block(e, "THIRD-01", "A third party may only be contacted to find the consumer");
    if (action.content?.mentionsDebt)
      block(e, "THIRD-01", "The message tells a third party about the debt; say nothing about it");
  }
  const channel = LINT_CHANNEL[action.channel];
  if (!action.content || !channel) return;
  for (const f of lintMessage(
    {
      channel,
      kind: messageKind(e),
      language: action.content.language,
      text: action.content.text,
      html: action.content.html,
      subject: action.content.subject,
      optOutLinkRequires: action.content.optOutLinkRequires,
    },
    {
      stage: "send",
      states: e.state ? [e.state] : [],
      nyc: e.nyc,
      today: dateOfDay(localDay(e.homeZone, e.at)),
      validationEndsOn: latestValidationEnd(e),
      timeBarred: timeBarred(e),
      firstWritten: WRITTEN_CHANNELS.has(action.channel) && !e.past.some((h) => isWrittenTo(e, h)),
      pastObsolescence: e.debts.some((d) => d.pastObsolescence),
    },
  )) {
    if (f.severity === "block") block(e, f.rule, f.message);
    else warn(e, f.rule, f.message);
  }
}

function messageKind(e: Evaluation): MessageKind {
  if (e.action.content?.kind === "limited_content") return "limited_content";
  switch (e.purpose) {
    case "opt_out_confirmation":
      return "opt_out_confirmation";
    case "validation_notice":
      return "validation_notice";
    case "cease_termination":
    case "remedy_notice":
      return "cease_response";
  }
  const first = e.debts.every((d) => {
    const initial = initialCommunication(e, d);
    return initial === undefined || initial >= e.at;
  });
  return first ? "initial_communication" : "communication";
}

function isWrittenTo(
  e: Evaluation,
  h: { direction: string; channel: Channel; personId: string; debtIds: string[] },
): boolean {
  return (
    h.direction === "outbound" &&
    WRITTEN_CHANNELS.has(h.channel) &&
    h.personId === e.person.id &&
    h.debtIds.some((id) => e.action.debtIds.includes(id))
  );
}

/** The latest end of a validation period among the debts: overshadowing is judged against it (DISP-05). */
function latestValidationEnd(e: Evaluation): string | undefined {
  const ends = e.debts.map((d) => validationEndsOn(e, d, e.at)).filter((x): x is string => !!x);
  return ends.length ? ends.sort()[ends.length - 1] : undefined;
}

function timeBarred(e: Evaluation): boolean | "unknown" {
  const states = e.debts.map((d) => limitation(e, d));
  if (states.includes("barred")) return true;
  return states.includes("unknown") ? "unknown" : false;
}
