/**
 * What a dispute or an original-creditor request does once received (12 CFR 1006.38, FDCPA 1692g(b), 1692e(8),
 * and the New York City overlay): whether it is written and timely, whether collection must stop and under which
 * rule, and the NYC verification timer. Pure: the caller supplies the dates it recorded.
 */
import { addDays, assertPlainDate, daysBetween, type PlainDate } from "./calendar";

export type DisputeKind = "dispute" | "original_creditor_request";
export type DisputeMedium = "mail" | "email" | "portal" | "in_person" | "phone";
export type DisputeHoldRule = "DISP-01" | "DISP-04" | "NYC-04";

export type DisputeInput = {
  kind: DisputeKind;
  medium: DisputeMedium;
  receivedOn: PlainDate;
  /** Postmark (mail) or send date (electronic), when known (DD-6). */
  sentOn?: PlainDate;
  /** Last day of the validation period; absent when no validation notice has been provided yet. */
  validationEndsOn?: PlainDate;
  /** The consumer lives in New York City (NYC-04). */
  nyc?: boolean;
  /** Verification, the original creditor's name and address, or the duplicative-dispute notice was sent. */
  respondedOn?: PlainDate;
};

export type DisputeOutcome = {
  /** Comment 38-1: made in writing (mail, the tear-off form, email, portal, in person or courier). */
  written: boolean;
  /** Submitted within the validation period (DD-6), or no validation period has started yet. */
  timely: boolean;
  /** Collection must stop now. */
  hold: boolean;
  /** Present while `hold`: the rule that stops collection (the federal one when NYC-04 applies too). */
  holdRule?: DisputeHoldRule;
  /** DISP-07: any credit reporting must show the debt as disputed. */
  disputedFlag: boolean;
  /** NYC-04: the last day of the 45-day verification pause (the day of receipt is day 1). */
  pauseEndsOn?: PlainDate;
  /** NYC-04: day 46, when a notice of unverified debt is due if the debt was not verified. */
  unverifiedNoticeDueOn?: PlainDate;
  reasons: string[];
};

/** NYC-04: the pause lasts up to 45 days, counting the day the dispute was received as the first. */
const NYC_PAUSE_DAYS = 45;

const FEDERAL_RULE: Record<DisputeKind, "DISP-01" | "DISP-04"> = {
  dispute: "DISP-01",
  original_creditor_request: "DISP-04",
};

const onOrBefore = (a: PlainDate, b: PlainDate) => daysBetween(a, b) >= 0;

export function disputeOutcome(input: DisputeInput): DisputeOutcome {
  const { kind, medium, receivedOn, sentOn, validationEndsOn, respondedOn } = input;
  for (const date of [receivedOn, sentOn, validationEndsOn, respondedOn]) if (date !== undefined) assertPlainDate(date);
  const reasons: string[] = [];
  const what = kind === "dispute" ? "dispute" : "request for the original creditor's name and address";

  // Comment 38-1: "in writing" includes mail, the tear-off response form, email or a website portal the collector
  // accepts for electronic communications, and delivery in person or by courier; only a phone call is oral.
  const written = medium !== "phone";

  // DD-6 (consumer-favourable reading of 1006.38, "submitted … within the validation period"): timely when received
  // by the last day, or postmarked / sent by it. Before any notice there is no period to miss (1006.34(b)(5)
  // starts the period only when the validation information is provided).
  const timely =
    validationEndsOn === undefined ||
    onOrBefore(receivedOn, validationEndsOn) ||
    (sentOn !== undefined && onOrBefore(sentOn, validationEndsOn));
  if (validationEndsOn === undefined)
    reasons.push(`No validation notice has been provided yet, so the ${what} is timely`);
  else if (timely)
    reasons.push(
      onOrBefore(receivedOn, validationEndsOn)
        ? `Received ${receivedOn}, within the validation period ending ${validationEndsOn}`
        : `Received ${receivedOn} after the validation period ended ${validationEndsOn}, but sent ${sentOn} within it (DD-6)`,
    );
  else reasons.push(`Received ${receivedOn}, after the validation period ended ${validationEndsOn}`);

  // Reg F 1006.38(c) (original creditor) and 1006.38(d)(2) (disputes): only a written request submitted within
  // the validation period obliges the collector to stop collecting until it responds.
  const federalRule = written && timely ? FEDERAL_RULE[kind] : undefined;
  if (federalRule)
    reasons.push(
      kind === "dispute"
        ? `${federalRule}: a written, timely dispute stops collection until verification is sent (1006.38(d)(2))`
        : `${federalRule}: a written, timely request stops collection until the original creditor's name and address are sent (1006.38(c))`,
    );
  else
    reasons.push(
      `No federal hold: the ${what} is ${written ? "late" : timely ? "oral" : "oral and late"} (1006.38 requires one in writing within the validation period)`,
    );

  // DISP-07, FDCPA 1692e(8): a debt known to be disputed must be reported as disputed, however and whenever the
  // dispute arrived. A request for the original creditor alone is not a dispute.
  const disputedFlag = kind === "dispute";
  if (disputedFlag) reasons.push("DISP-07: credit reporting must show the debt as disputed");

  // NYC-04: in New York City a dispute, oral or written and at any time, pauses collection while the collector
  // verifies; up to 45 days counting the day of receipt, then a notice of unverified debt on day 46.
  const nycApplies = input.nyc === true && kind === "dispute";
  let pauseEndsOn: PlainDate | undefined;
  let unverifiedNoticeDueOn: PlainDate | undefined;
  if (nycApplies) {
    pauseEndsOn = addDays(receivedOn, NYC_PAUSE_DAYS - 1);
    unverifiedNoticeDueOn = addDays(receivedOn, NYC_PAUSE_DAYS);
    reasons.push(
      `NYC-04: collection pauses from ${receivedOn} through ${pauseEndsOn}; without verification a notice of unverified debt is due on ${unverifiedNoticeDueOn}`,
    );
  }

  // The hold lasts until the response is sent. When both apply the federal rule is reported: it holds wherever the
  // consumer lives, so the recorded basis stays right if the address later leaves New York City.
  const rule: DisputeHoldRule | undefined = federalRule ?? (nycApplies ? "NYC-04" : undefined);
  const hold = rule !== undefined && respondedOn === undefined;
  if (rule !== undefined && respondedOn !== undefined)
    reasons.push(`${rule}: the hold ended when the response was sent on ${respondedOn}`);

  return {
    written,
    timely,
    hold,
    ...(hold && rule ? { holdRule: rule } : {}),
    disputedFlag,
    ...(pauseEndsOn !== undefined ? { pauseEndsOn, unverifiedNoticeDueOn } : {}),
    reasons,
  };
}
