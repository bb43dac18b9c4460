/**
 * Answers to the person: the one response to a contact they initiated (TIME-06, ELEC-05(ii)) and the one
 * confirmation of an opt-out (ELEC-05(i), TCPA-04). Both are allowed where an unsolicited message is not.
 */
import type { Evaluation } from "../facts";
import type { Channel, ContactEvent, OptOut } from "../types";

const MINUTE = 60_000;

/** Media are the same when a voicemail answers a call (both telephone). */
export function sameMedium(a: Channel, b: Channel): boolean {
  const phone = (c: Channel) => (c === "voicemail" ? "call" : c);
  return phone(a) === phone(b);
}

/** The inbound contact this action answers, if it is one the person made through the same medium. */
export function repliedContact(e: Evaluation): ContactEvent | undefined {
  if (e.purpose !== "reply" || !e.action.inReplyTo) return undefined;
  const inbound = e.past.find((h) => h.id === e.action.inReplyTo);
  if (!inbound || inbound.direction !== "inbound" || inbound.personId !== e.person.id) return undefined;
  return sameMedium(inbound.channel, e.action.channel) ? inbound : undefined;
}

/** A reply already went out for that contact: the exception allows one. */
export function alreadyReplied(e: Evaluation, inbound: ContactEvent): boolean {
  return e.past.some((h) => h.direction === "outbound" && h.inReplyTo === inbound.id);
}

/** The opt-outs in force for this person, medium and address at the action's time. */
export function optOutsInForce(e: Evaluation): OptOut[] {
  const { action, person } = e;
  return e.snapshot.optOuts.filter(
    (o) =>
      o.personId === person.id &&
      o.at <= e.at &&
      mediumCovers(o.medium, action.channel) &&
      (!o.contactPointId || o.contactPointId === action.contactPointId),
  );
}

export function mediumCovers(medium: OptOut["medium"], channel: Channel): boolean {
  switch (medium) {
    case "all":
      return !["credit_furnishing", "legal_referral", "payment"].includes(channel);
    case "call":
      return channel === "call" || channel === "voicemail";
    case "electronic":
      return channel === "sms" || channel === "email" || channel === "portal_message" || channel === "social_message";
    default:
      return medium === channel;
  }
}

/**
 * The action answers the person at the time they chose: a reply to their contact, or the confirmation of their
 * opt-out, sent within the organization's reply window. Such an answer is not held to the hours and places
 * they would otherwise find inconvenient (TIME-06, comment 6(b)(1)-2).
 */
export function respondingPromptly(e: Evaluation): boolean {
  const window = e.policy.replyWindowMinutes * MINUTE;
  if (e.purpose === "reply") {
    const inbound = repliedContact(e);
    return !!inbound && e.at - inbound.at <= window && !alreadyReplied(e, inbound);
  }
  if (e.purpose === "opt_out_confirmation") {
    const latest = Math.max(...optOutsInForce(e).map((o) => o.at));
    return Number.isFinite(latest) && e.at - latest <= window;
  }
  return false;
}
