/**
 * The media a person may be reached through: medium and address opt-outs with their two exceptions (ELEC-04,
 * ELEC-05), TCPA consent and revocation for automated calls and texts (TCPA-01..05), the email and text
 * safe harbors (ELEC-06, ELEC-07), NYC's consent to electronic messages (NYC-02), public social media
 * (ELEC-08) and text-message volume (ELEC-09).
 */
import { block, ELECTRONIC_CHANNELS, NON_CONTACT_CHANNELS, pattern, warn, type Evaluation } from "../facts";
import type { ContactPoint, Instant, OptOut } from "../types";
import { dateOfDay, localDay } from "../zones";
import { alreadyReplied, mediumCovers, optOutsInForce, repliedContact } from "./replies";

const MINUTE = 60_000;
const DAY = 86_400_000;

const MEDIUM_NAMES: Record<OptOut["medium"], string> = {
  call: "calls",
  sms: "text messages",
  email: "email",
  letter: "letters",
  electronic: "electronic messages",
  all: "any contact",
};

export function mediaRules(e: Evaluation): void {
  if (NON_CONTACT_CHANNELS.has(e.action.channel)) return;
  if (e.action.channel === "social_message" && e.action.publiclyVisible)
    block(
      e,
      "ELEC-08",
      "A message visible to the public or the person's social-media contacts is never allowed; use a private message",
    );
  optOuts(e);
  tcpa(e);
  if (ELECTRONIC_CHANNELS.has(e.action.channel) && e.consumerLike) {
    safeHarbor(e);
    nycConsent(e);
    textVolume(e);
  }
}

function optOuts(e: Evaluation): void {
  const inForce = optOutsInForce(e);
  if (e.purpose === "opt_out_confirmation") {
    confirmation(e, inForce);
    return;
  }
  if (!inForce.length) return;
  if (e.purpose === "reply") {
    // ELEC-05(ii): the person wrote or called through the medium they had opted out of; one answer is allowed.
    const inbound = repliedContact(e);
    const latest = Math.max(...inForce.map((o) => o.at));
    if (inbound && inbound.at >= latest && !alreadyReplied(e, inbound)) return;
    block(
      e,
      "ELEC-05",
      inbound && alreadyReplied(e, inbound)
        ? "That contact from the person was already answered; after an opt-out only one reply per contact they start is allowed"
        : "After an opt-out only a reply to a contact the person started through this medium is allowed, and none is named",
    );
    return;
  }
  const o = inForce.sort((a, b) => b.at - a.at)[0]!;
  block(
    e,
    "ELEC-04",
    `The person asked not to receive ${MEDIUM_NAMES[o.medium]}${o.contactPointId ? " at this address" : ""} on ${new Date(o.at).toISOString().slice(0, 10)}${o.source ? ` (${o.source.replace(/_/g, " ")})` : ""}`,
  );
}

/** ELEC-05(i), TCPA-04: one confirmation of an opt-out, through the same medium, promptly and saying nothing else. */
function confirmation(e: Evaluation, inForce: OptOut[]): void {
  if (!inForce.length) {
    block(e, "ELEC-05", "There is no opt-out by this person for this medium to confirm");
    return;
  }
  if (!ELECTRONIC_CHANNELS.has(e.action.channel)) {
    block(e, "ELEC-05", "Only an electronic opt-out is confirmed, by one message through the same medium");
    return;
  }
  const latest = inForce.reduce((a, b) => (b.at > a.at ? b : a));
  const sent = e.past.some(
    (h) =>
      h.direction === "outbound" &&
      h.purpose === "opt_out_confirmation" &&
      h.personId === e.person.id &&
      h.channel === e.action.channel &&
      h.at >= latest.at,
  );
  if (sent) block(e, "ELEC-05", "This opt-out was already confirmed; only one confirmation is allowed");
  else if (e.at - latest.at > 5 * MINUTE)
    warn(
      e,
      "TCPA-04",
      `The confirmation goes out ${Math.round((e.at - latest.at) / MINUTE)} minutes after the opt-out; within five minutes is presumed reasonable`,
    );
}

function isWireless(cp: ContactPoint): boolean {
  // A work line may be a mobile too: only a number known to be a landline is treated as one.
  return cp.phoneType !== "landline";
}

/** TCPA-01/02: automated calls and texts to a wireless number need prior express consent; TCPA-03/05: revoked. */
function tcpa(e: Evaluation): void {
  const { action, contactPoint: cp } = e;
  const automated = action.automated || action.ringless;
  if (!automated || !cp || cp.kind !== "phone" || !["call", "voicemail", "sms"].includes(action.channel)) return;
  const rule = action.ringless ? "TCPA-02" : "TCPA-01";
  if (isWireless(cp) && !(cp.tcpaConsentAt !== undefined && cp.tcpaConsentAt <= e.at)) {
    block(
      e,
      rule,
      `No prior express consent for ${action.ringless ? "ringless voicemail" : "automated calls or texts"} to this number; only a manually dialed ${action.channel === "sms" ? "text" : "call"} is allowed`,
    );
  }
  if (e.purpose === "opt_out_confirmation") return;
  for (const o of e.snapshot.optOuts) {
    if (o.personId !== e.person.id || o.at > e.at || (o.contactPointId && o.contactPointId !== cp.id)) continue;
    const telephone = o.medium === "call" || o.medium === "sms" || o.medium === "all" || o.medium === "electronic";
    if (!telephone) continue;
    if (mediumCovers(o.medium, action.channel)) {
      block(
        e,
        "TCPA-03",
        `Consent to automated ${action.channel === "sms" ? "texts" : "calls"} to this number was revoked on ${dateOfDay(localDay(e.homeZone, o.at))}`,
      );
    } else if (e.policy.tcpaRevokeAll) {
      const message = `The person revoked consent on ${dateOfDay(localDay(e.homeZone, o.at))}; under the revoke-all policy a revocation stops every automated call and text to this number`;
      block(e, "TCPA-03", message);
      block(e, "TCPA-05", message);
    }
  }
}

function latest(...times: (Instant | undefined)[]): Instant | undefined {
  const known = times.filter((t): t is Instant => t !== undefined);
  return known.length ? Math.max(...known) : undefined;
}

/** ELEC-06 (email, 1006.6(d)(4)) and ELEC-07 (texts, 1006.6(d)(5)): procedures that keep the message private. */
function safeHarbor(e: Evaluation): void {
  const { action, contactPoint: cp } = e;
  if (!cp || e.purpose === "opt_out_confirmation") return;
  const fail = (rule: string, message: string) =>
    e.policy.electronicSafeHarbor === "block" ? block(e, rule, message) : warn(e, rule, message);
  const inbound = e.past.filter(
    (h) => h.direction === "inbound" && h.contactPointId === cp.id && h.channel === action.channel,
  );
  const lastInbound = latest(...inbound.map((h) => h.at));
  if (action.channel === "sms") {
    const texted = latest(cp.sms?.consumerTextedAt, lastInbound);
    const consented = cp.sms?.consentAt !== undefined && cp.sms.consentAt <= e.at ? cp.sms.consentAt : undefined;
    if (texted === undefined && consented === undefined) {
      fail(
        "ELEC-07",
        "No text-message safe harbor: the person has neither texted us from this number nor consented directly to texts",
      );
      return;
    }
    const basis = latest(texted, consented)!;
    const check =
      cp.sms?.reassignedCheckAt !== undefined &&
      cp.sms.reassignedCheckAt >= Math.min(texted ?? Infinity, consented ?? Infinity)
        ? cp.sms.reassignedCheckAt
        : undefined;
    const fresh = latest(basis, check)!;
    if (e.at - fresh > 60 * DAY)
      fail(
        "ELEC-07",
        `The last text from, or consent for, this number is more than 60 days old (${new Date(fresh).toISOString().slice(0, 10)}) and no reassigned-number check was made since`,
      );
    return;
  }
  if (action.channel !== "email") return;
  if (cp.thirdPartyDisclosureAt !== undefined && cp.thirdPartyDisclosureAt <= e.at) {
    fail("ELEC-06", "Messages to this email address reached someone else before; it no longer qualifies");
    return;
  }
  if (lastInbound !== undefined) return;
  const basis = cp.email;
  if (!basis) {
    fail(
      "ELEC-06",
      "No email safe harbor: the person has not emailed us from this address, not consented to it, and no creditor notice covers it",
    );
    return;
  }
  if (basis.basis === "creditor_notice") {
    const { noticeSentAt, optOutDeadline } = basis;
    if (noticeSentAt === undefined || optOutDeadline === undefined)
      fail("ELEC-06", "The creditor's notice about this address is missing its date or its opt-out deadline");
    else if (optOutDeadline - noticeSentAt < 35 * DAY)
      fail("ELEC-06", "The creditor's notice gave less than 35 days to opt out (1006.6(d)(4)(ii)(C)(5))");
    else if (e.at <= optOutDeadline)
      fail(
        "ELEC-06",
        `The opt-out period of the creditor's notice runs until ${new Date(optOutDeadline).toISOString().slice(0, 10)}`,
      );
  }
}

/** NYC-02: New York City consumers must have agreed to email and texts (a reply to their message is fine). */
function nycConsent(e: Evaluation): void {
  const { action, contactPoint: cp } = e;
  if (!e.nyc || (action.channel !== "sms" && action.channel !== "email")) return;
  if (e.purpose === "reply" || e.purpose === "opt_out_confirmation") return;
  if (cp?.nycEConsentAt !== undefined && cp.nycEConsentAt <= e.at) return;
  block(
    e,
    "NYC-02",
    `New York City rules require the consumer's consent before ${action.channel === "sms" ? "texting" : "emailing"} them`,
  );
}

/** ELEC-09: many unsolicited texts a day can be harassment (comment 14(a)-1.i); caps set by the organization. */
function textVolume(e: Evaluation): void {
  if (e.action.channel !== "sms" || e.purpose === "reply" || e.purpose === "opt_out_confirmation") return;
  const zone = e.zones[0] ?? e.homeZone;
  const today = localDay(zone, e.at);
  const texts = e.past.filter(
    (h) =>
      h.channel === "sms" &&
      h.direction === "outbound" &&
      h.personId === e.person.id &&
      h.purpose !== "reply" &&
      h.purpose !== "opt_out_confirmation" &&
      h.debtIds.some((id) => e.groups.includes(e.groupOf(id))),
  );
  const days = texts.map((h) => localDay(zone, h.at));
  const todayCount = days.filter((d) => d === today).length;
  const weekCount = days.filter((d) => d > today - 7).length;
  if (todayCount >= e.policy.maxTextsPerDay)
    pattern(
      e,
      "ELEC-09",
      `${todayCount} text(s) about this debt already today; policy allows ${e.policy.maxTextsPerDay} a day`,
    );
  if (weekCount >= e.policy.maxTextsPerWeek)
    pattern(
      e,
      "ELEC-09",
      `${weekCount} texts about this debt in seven days; policy allows ${e.policy.maxTextsPerWeek}`,
    );
}
