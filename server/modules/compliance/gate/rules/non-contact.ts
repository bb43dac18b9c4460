/**
 * Actions that contact nobody but still need the gate: furnishing to credit bureaus (CR-01 passive collection,
 * CR-02 the dispute indicator) and referral to court (TBD-01/02 time-barred debts, TX-01).
 */
import { block, type Evaluation } from "../facts";
import type { Debt } from "../types";
import { dateOfDay, localDay, zonedInstant } from "../zones";
import { limitation } from "./states";

export function nonContactRules(e: Evaluation): void {
  if (e.action.channel === "credit_furnishing") furnishing(e);
  if (e.action.channel === "legal_referral") legalReferral(e);
}

/**
 * CR-01 (1006.30(a)(1)): no furnishing before speaking to the consumer about the debt, or before a letter or
 * electronic message about it has gone out and 14 consecutive days passed without notice that it was
 * undeliverable.
 */
function furnishing(e: Evaluation): void {
  if (!e.federal) return;
  const zone = e.homeZone;
  const today = localDay(zone, e.at);
  for (const debt of e.debts) {
    let eligible = Infinity;
    for (const h of e.past) {
      if (![...h.debtIds, ...(h.debtsDiscussed ?? [])].includes(debt.id)) continue;
      const person = e.snapshot.persons.find((p) => p.id === h.personId);
      if (!person || person.role === "third_party") continue;
      if (h.channel === "call" && h.conversation) eligible = Math.min(eligible, localDay(zone, h.at));
      else if (h.direction === "outbound" && ["letter", "email", "sms"].includes(h.channel) && !undeliverable(e, h.id))
        eligible = Math.min(eligible, localDay(zone, h.at) + 15);
    }
    if (eligible === Infinity)
      block(
        e,
        "CR-01",
        "Nothing about this debt has reached the consumer yet: speak to them or send a letter or message first",
      );
    else if (today < eligible)
      block(
        e,
        "CR-01",
        `Furnishing may start on ${dateOfDay(eligible)}, 14 days after the first letter or message about the debt, if none comes back undeliverable`,
        zonedInstant(zone, eligible, 0),
      );
    disputed(e, debt);
  }
}

/** A letter or message is undeliverable when it, or a later notice about it, says so. */
function undeliverable(e: Evaluation, id: string): boolean {
  return e.snapshot.history.some((h) => (h.id === id || h.inReplyTo === id) && h.undeliverable);
}

/** CR-02 (1692e(8)): a disputed debt is furnished as disputed. */
function disputed(e: Evaluation, debt: Debt): void {
  const wasDisputed =
    e.snapshot.disputes.some((d) => d.kind === "dispute" && d.receivedAt <= e.at && d.debtIds.includes(debt.id)) ||
    e.snapshot.holds.some(
      (h) => h.kind === "dispute" && h.placedAt <= e.at && (!h.debtIds || h.debtIds.includes(debt.id)),
    );
  if (wasDisputed && !e.action.disputeIndicator)
    block(e, "CR-02", "The consumer disputed this debt: furnish it with the dispute indicator");
}

/** TBD-01/02 (1006.26(b)): no suit, or threat of one, on a time-barred debt; unknown limitation counts as barred. */
function legalReferral(e: Evaluation): void {
  for (const debt of e.debts) {
    const status = limitation(e, debt);
    if (status === "unknown")
      block(e, "TBD-01", "The statute of limitations of this debt is not known; determine it before any legal step");
    else if (status === "barred") {
      block(
        e,
        "TBD-02",
        `The limitation period ended on ${debt.limitationEndsOn}: a time-barred debt cannot be taken to court`,
      );
      if (e.state === "TX" && e.snapshot.regime === "debt_buyer")
        block(e, "TX-01", "Texas: a debt buyer may not sue on a time-barred debt");
    }
  }
}
