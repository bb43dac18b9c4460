/**
 * When and where a person may be contacted: Reg F 1006.6(b)(1) convenient hours in every zone the person may
 * be in (TIME-01/02), no evidence at all (TIME-03, DD-2), times and places the person said are inconvenient
 * (TIME-05, PLACE-01/02), employer-provided email (PLACE-03), and the state windows (FL-01, MA-04).
 */
import { block, FIFTY_STATE_ZONES, TIMED_CHANNELS, type Evaluation } from "../facts";
import type { Channel, Designation } from "../types";
import { localDay, localTimeOfDay, MS_PER_DAY, weekday, zonedInstant } from "../zones";
import { respondingPromptly } from "./replies";

const HOUR = 3_600_000;
const MINUTE = 60_000;

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  const hh = String(Math.floor(s / 3600)).padStart(2, "0");
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, "0");
  const ss = s % 60;
  return ss ? `${hh}:${mm}:${String(ss).padStart(2, "0")}` : `${hh}:${mm}`;
}

function hhmm(value: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (!m || Number(m[2]) > 59 || Number(m[1]) * 60 + Number(m[2]) > 24 * 60)
    throw new RangeError(`Not a time of day (HH:MM): "${value}"`);
  return Number(m[1]) * HOUR + Number(m[2]) * MINUTE;
}

/** Calls cover voicemails: a voicemail is left on a call. */
function names(designation: Designation, channel: Channel): boolean {
  const media = designation.mediaNamed;
  if (!media?.length) return true;
  return media.includes(channel) || (channel === "voicemail" && media.includes("call"));
}

function covers(e: Evaluation, d: Designation): boolean {
  return e.policy.designationScope === "all_media" || names(d, e.action.channel);
}

export function timeRules(e: Evaluation): void {
  const { action } = e;
  if (!TIMED_CHANNELS.has(action.channel)) {
    placeRules(e);
    return;
  }
  // TIME-06 / ELEC-05: the person reached out; one prompt answer in the same medium is allowed at that time.
  if (respondingPromptly(e)) return;
  convenientHours(e);
  designatedTimes(e);
  placeRules(e);
}

function convenientHours(e: Evaluation): void {
  let zones = e.zones;
  let fallback = false;
  if (!zones.length) {
    if (e.policy.unknownLocation === "block") {
      block(
        e,
        "TIME-03",
        "Nothing says where this person is (no address, no phone area code, no stated zone), so no time can be shown to be convenient (DD-2); add a location before contacting them",
      );
      return;
    }
    zones = FIFTY_STATE_ZONES;
    fallback = true;
  }
  const opens = 8 * HOUR + e.policy.callWindowMarginMinutes.start * MINUTE;
  const closes = 21 * HOUR - e.policy.callWindowMarginMinutes.end * MINUTE;
  const outside: string[] = [];
  let until = 0;
  for (const zone of zones) {
    const t = localTimeOfDay(zone, e.at);
    // DD-3: "after 8:00 a.m. and before 9:00 p.m." — both ends excluded.
    if (t > opens && t < closes) continue;
    outside.push(`${clock(t)} in ${zone}`);
    const day = localDay(zone, e.at) + (t <= opens ? 0 : 1);
    // The first whole second after the opening.
    until = Math.max(until, zonedInstant(zone, day, opens + 1000));
  }
  if (!outside.length) return;
  const window = `after ${clock(opens)} and before ${clock(closes)}`;
  const where = fallback
    ? "inside the hours common to every US state, as nothing says where the person is (DD-2)"
    : zones.length > 1
      ? `in every zone the person may be in (${zones.join(", ")})`
      : "in the person's local time";
  const message = `It is ${outside.join(", ")}; contacts are allowed only ${window} ${where}`;
  const rule = e.federal ? "TIME-01" : "TCPA-06";
  block(e, rule, message, until);
  if (fallback) block(e, "TIME-03", message, until);
  else if (zones.length > 1) block(e, "TIME-02", message, until);
  // State windows of the same hours bind creditors too (FL 559.72(17), 940 CMR 7.04(1)(d)).
  if (e.state === "FL") block(e, "FL-01", message, until);
  if (e.state === "MA") block(e, "MA-04", message, until);
}

function designatedTimes(e: Evaluation): void {
  const zones = e.zones.length ? e.zones : [e.homeZone];
  for (const d of e.snapshot.designations) {
    if (
      d.kind !== "time" ||
      d.personId !== e.person.id ||
      d.at > e.at ||
      (d.endedAt !== undefined && d.endedAt <= e.at)
    )
      continue;
    if (!covers(e, d)) continue;
    for (const zone of zones) {
      const t = localTimeOfDay(zone, e.at);
      const day = localDay(zone, e.at);
      for (const span of d.times ?? []) {
        const from = hhmm(span.from);
        const to = hhmm(span.to);
        // A span past midnight ("21:00"–"09:00") is the evening of one day and the morning of the next.
        const inside = from < to ? t >= from && t < to : t >= from || t < to;
        const spanDay = from < to || t >= from ? day : day - 1;
        if (!inside || (span.days && !span.days.includes(weekday(spanDay)))) continue;
        const endDay = (from < to ? day : t >= from ? day + 1 : day) + (to === MS_PER_DAY ? 1 : 0);
        block(
          e,
          "TIME-05",
          `The person said ${span.from}–${span.to}${span.days ? " on those days" : ""} is inconvenient (${zone}); contact them outside it`,
          zonedInstant(zone, endDay, to % MS_PER_DAY),
        );
      }
    }
  }
}

function placeRules(e: Evaluation): void {
  const { action, contactPoint } = e;
  for (const d of e.snapshot.designations) {
    if (
      d.kind !== "place" ||
      d.personId !== e.person.id ||
      d.at > e.at ||
      (d.endedAt !== undefined && d.endedAt <= e.at)
    )
      continue;
    if (!covers(e, d)) continue;
    if (d.place === "work") {
      const workNumber = contactPoint?.kind === "phone" && contactPoint.phoneType === "work";
      const phoneLike = ["call", "voicemail", "sms"].includes(action.channel);
      if ((phoneLike && workNumber) || (action.channel === "letter" && action.toWorkplace)) {
        block(
          e,
          "PLACE-02",
          "The person said they cannot be contacted at work (their employer forbids it); use a personal number or their home address",
        );
      }
    } else if (contactPoint && d.contactPointIds?.includes(contactPoint.id)) {
      block(e, "PLACE-01", "The person said this place is inconvenient; use another way to reach them");
    }
  }
  // 1006.22(f)(3): an employer's email address only if the consumer used it with us or consented directly.
  if (action.channel === "email" && contactPoint?.employerProvided) {
    const used =
      contactPoint.email?.basis === "consumer_used" ||
      contactPoint.email?.basis === "consumer_consent" ||
      e.past.some((h) => h.direction === "inbound" && h.channel === "email" && h.contactPointId === contactPoint.id);
    if (!used)
      block(
        e,
        "PLACE-03",
        "This email address is provided by the person's employer, and they have neither written to us from it nor agreed to its use",
      );
  }
}
