import type { ACCOUNT_STATUSES, CALL_OUTCOMES, HOLD_KINDS } from "@/db/schema/values";
import { csvField } from "./copy";
import { weightedTable, type OrderedUuids, type Random, type WeightedTable } from "./random";
import type { TableText } from "./table-text";

/**
 * The work history of a seeded portfolio: calls and letters (interactions), promises to pay, holds and tasks,
 * generated per debtor so that they agree with each other and with the accounts: an account's last contact is
 * its latest interaction, its promise columns are its latest promise, no call follows a hold that stops
 * contact, a flagged debtor has the matching hold, and nothing happens after `now`.
 *
 * Times are integer seconds relative to today's 00:00 UTC ("rel"), so they compare and sort as numbers and are
 * formatted once, at the end, from the precomputed day table.
 */

type Status = (typeof ACCOUNT_STATUSES)[number];
type Outcome = (typeof CALL_OUTCOMES)[number];
type HoldKind = (typeof HOLD_KINDS)[number];
type PersonReached = "debtor" | "third_party" | "attorney" | "none";

export const INTERACTION_COLUMNS = [
  "id",
  "org_id",
  "debtor_id",
  "account_id",
  "account_ids",
  "channel",
  "direction",
  "contact_point_id",
  "address",
  "person_reached",
  "outcome",
  "conversation",
  "duration_seconds",
  "note",
  "occurred_at",
  "agent_id",
  "created_at",
];
export const PROMISE_COLUMNS = [
  "id",
  "org_id",
  "account_id",
  "amount_minor",
  "currency",
  "due_on",
  "status",
  "interaction_id",
  "created_by_id",
  "created_at",
  "resolved_at",
];
export const HOLD_COLUMNS = [
  "id",
  "org_id",
  "debtor_id",
  "account_id",
  "kind",
  "reason",
  "evidence",
  "details",
  "placed_by_id",
  "placed_at",
  "released_at",
  "released_by_id",
  "release_reason",
];
export const TASK_COLUMNS = [
  "id",
  "org_id",
  "account_id",
  "kind",
  "title",
  "note",
  "due_at",
  "assignee_id",
  "status",
  "created_by_id",
  "created_at",
  "completed_at",
  "completed_by_id",
];

export type ActivityCounts = { interactions: number; promises: number; holds: number; tasks: number };

export type ActivityOut = {
  interactions: TableText;
  promises: TableText;
  holds: TableText;
  tasks: TableText;
  counts: ActivityCounts;
};

export type DebtorContacts = {
  id: string;
  firstName: string;
  /** IANA zone of the postal address: calls and callbacks happen in the debtor's daytime. */
  zone: string;
  deceased: boolean;
  bankruptcy: boolean;
  attorney: boolean;
  servicemember: boolean;
  address: { id: string; value: string };
  phones: { id: string; e164: string; optedOut: boolean }[];
  email: { id: string; value: string; optedOut: boolean } | null;
};

export type AccountDraft = {
  id: string;
  status: Status;
  assigneeId: string | null;
  balance: number;
  /** Day offset (<= 0) and amount (cents) of the latest payment, if any. */
  lastPayment: { off: number; amount: number } | null;
};

/** CSV fields for the account row: last_contact_at, promise_status, promise_due_on ("" is NULL). */
export type AccountActivity = string;

export type Staff = { agentIds: readonly string[]; managerId: string };

const DAY = 86_400;
const HOUR = 3_600;
/** How far back the call history goes. */
const HISTORY_DAYS = 90;
const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));
const ZERO_BALANCE: ReadonlySet<Status> = new Set(["settled", "paid", "closed"]);

/** Share of accounts with calls in the last 90 days, by status: about half of the portfolio overall. */
const CONTACT_RATE: Record<Status, number> = {
  active: 0.52,
  in_plan: 0.6,
  promised: 1,
  disputed: 0.6,
  on_hold: 0.3,
  settled: 0.3,
  paid: 0.25,
  closed: 0.1,
  recalled: 0.2,
  legal: 0.4,
};
const ATTEMPTS = weightedTable<number>([
  [1, 30],
  [2, 22],
  [3, 16],
  [4, 11],
  [5, 8],
  [6, 6],
  [7, 4],
  [8, 3],
]);
/**
 * Outbound dialing outcomes. Most attempts reach nobody; a right-party conversation is about one in eight.
 * Promises and disputes are not drawn here: they come with the promise or hold they create.
 */
const OUTBOUND = weightedTable<Outcome>([
  ["no_answer", 40],
  ["voicemail_left", 26],
  ["busy", 5],
  ["not_in_service", 2],
  ["wrong_number", 3],
  ["disconnected", 2],
  ["right_party_contact", 13],
  ["refused", 3],
  ["callback_requested", 6],
]);
const INBOUND = weightedTable<Outcome>([
  ["right_party_contact", 70],
  ["callback_requested", 15],
  ["refused", 15],
]);
const DURATION: Record<Outcome, readonly [number, number]> = {
  right_party_contact: [120, 900],
  no_answer: [25, 45],
  voicemail_left: [35, 90],
  busy: [3, 10],
  not_in_service: [3, 12],
  wrong_number: [15, 60],
  disconnected: [3, 12],
  refused: [20, 120],
  dispute_raised: [180, 720],
  callback_requested: [30, 180],
  promise_taken: [240, 900],
};
const NOTES: Partial<Record<Outcome, readonly string[]>> = {
  right_party_contact: [
    "Verified identity; explained the itemization",
    "Discussed the balance; debtor reviewing options",
    "Debtor asked about a payment plan; options sent by mail",
    "Debtor questioned the fees; explained the charges",
    "Debtor between jobs; will call when working again",
  ],
  refused: ["Debtor declined to pay at this time", "Debtor ended the call after the disclosure"],
  callback_requested: [
    "Asked to be called back after 5 pm",
    "At work; call back tomorrow morning",
    "Wants to check with spouse first; call back",
  ],
  wrong_number: ["Person answering does not know the debtor", "Business line; debtor not known there"],
  voicemail_left: ["Left a limited-content message"],
};

const HOLD_PROFILES: Record<
  "attorney" | "bankruptcy" | "deceased" | "servicemember",
  { reason: string; evidence: (date: string) => string }
> = {
  attorney: {
    reason: "Debtor is represented by counsel; communicate only with the attorney",
    evidence: (date) => `Letter of representation received ${date}`,
  },
  bankruptcy: {
    reason: "Bankruptcy petition filed; automatic stay in effect",
    evidence: (date) => `Notice of bankruptcy filing received ${date}`,
  },
  deceased: {
    reason: "Debtor reported deceased; refer to the estate",
    evidence: (date) => `Death confirmed via probate records ${date}`,
  },
  servicemember: {
    reason: "Active-duty servicemember; SCRA protections apply",
    evidence: (date) => `DMDC SCRA status report dated ${date}`,
  },
};
const FIRMS = ["Hale & Moreno LLP", "Consumer Law Group", "Park Street Legal Aid", "Bishop Whitcombe PC"];
const ATTORNEYS = ["Dana Hale", "Luis Moreno", "Renee Park", "Tom Bishop", "Alicia Whitcombe"];
const BRANCHES = ["Army", "Navy", "Air Force", "Marine Corps", "Coast Guard", "Space Force"];
const DISTRICTS = ["N.D. Ill.", "C.D. Cal.", "S.D.N.Y.", "N.D. Tex.", "D. Ariz.", "M.D. Fla.", "E.D. Mich."];
const RELEASES: readonly (readonly [HoldKind, string, string, string])[] = [
  [
    "dispute",
    "Consumer disputes the debt; validation requested",
    "Recorded call",
    "Debt verified; validation notice mailed and no further dispute",
  ],
  [
    "manual",
    "Creditor asked to pause collection pending a billing review",
    "Creditor email",
    "Creditor review complete; resume collection",
  ],
  [
    "cease",
    "Consumer asked us to stop contacting them",
    "Written request",
    "Consumer withdrew the request in writing and asked to set up a plan",
  ],
];

type SeedPromise = {
  id: string;
  created: number;
  dueOff: number;
  status: "pending" | "kept" | "broken" | "cancelled";
  amount: number;
  resolved: number | null;
  interactionId: string | null;
};

type Work = {
  account: AccountDraft;
  open: boolean;
  /** No interaction after this instant (a hold that stops contact, or now). */
  end: number;
  /** Random attempts end here, so the promise or dispute that ended the history is the latest interaction. */
  randomEnd: number;
  lastContact: number;
  promises: SeedPromise[];
  fixed: { rel: number; outcome: Outcome; note: string | null; id: string }[];
  disputeHold: { rel: number; viaCall: boolean } | null;
};

/** All the random choices of the work history; one instance per seeding run, drawing from its own stream. */
export class ActivityGenerator {
  private readonly nowRel: number;
  private readonly start: number;
  private readonly baseMs: number;
  private readonly offsets = new Map<string, Map<number, number>>();
  private readonly formats = new Map<string, Intl.DateTimeFormat>();
  private forcedCallbacks = 0;

  constructor(
    private readonly rng: Random,
    private readonly ids: OrderedUuids,
    private readonly orgId: string,
    now: Date,
    today: string,
    private readonly day: (offset: number) => string,
    private readonly staff: Staff,
  ) {
    this.baseMs = Date.parse(`${today}T00:00:00Z`);
    this.nowRel = Math.floor((now.getTime() - this.baseMs) / 1000);
    this.start = -HISTORY_DAYS * DAY;
  }

  // -- time -------------------------------------------------------------------------------------------------

  private ts(rel: number): string {
    const off = Math.floor(rel / DAY);
    const sod = rel - off * DAY;
    return `${this.day(off)} ${PAD2[Math.floor(sod / HOUR)]}:${PAD2[Math.floor((sod % HOUR) / 60)]}:${PAD2[sod % 60]}+00`;
  }

  /** UTC offset (seconds, negative west of Greenwich) of `zone` on day `off`, read from the IANA database. */
  private zoneOffset(zone: string, off: number): number {
    let byDay = this.offsets.get(zone);
    if (!byDay) {
      byDay = new Map();
      this.offsets.set(zone, byDay);
    }
    const cached = byDay.get(off);
    if (cached !== undefined) return cached;
    let format = this.formats.get(zone);
    if (!format) {
      format = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
      this.formats.set(zone, format);
    }
    // Mid-day UTC is daytime everywhere in the US, well clear of the 2 a.m. DST switch.
    const ms = this.baseMs + off * DAY * 1000 + 18 * HOUR * 1000;
    const parts = new Map(format.formatToParts(new Date(ms)).map((p) => [p.type, Number(p.value)]));
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.get(type) ?? 0;
    const local = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
    const offset = Math.round((local - ms) / 1000);
    byDay.set(off, offset);
    return offset;
  }

  /** The instant of local time `localSeconds` on day `off` in `zone`. */
  private local(zone: string, off: number, localSeconds: number): number {
    return off * DAY + localSeconds - this.zoneOffset(zone, off);
  }

  /** An instant within [from, to] during the debtor's calling hours (8 a.m.-9 p.m. local), or null if none fits. */
  private callTime(zone: string, from: number, to: number): number | null {
    to = Math.min(to, this.nowRel);
    if (to < from) return null;
    const rng = this.rng;
    for (let attempt = 0; attempt < 8; attempt++) {
      const off = rng.int(Math.floor(from / DAY), Math.floor(to / DAY));
      const rel = this.local(zone, off, rng.int(8 * HOUR, 20 * HOUR + 50 * 60));
      if (rel >= from && rel <= to) return rel;
    }
    // A window narrower than the day's calling hours: any instant in it.
    return from + rng.int(0, to - from);
  }

  /** An instant during office hours (the agency's, Eastern) on day `off`, never after now. */
  private officeTime(off: number): number {
    return Math.min(this.nowRel, off * DAY + this.rng.int(14 * HOUR, 21 * HOUR));
  }

  private agentFor(account: AccountDraft): string {
    const rng = this.rng;
    if (account.assigneeId && rng.chance(0.85)) return account.assigneeId;
    return rng.pick(this.staff.agentIds);
  }

  // -- per debtor -------------------------------------------------------------------------------------------

  /** Writes the debtor's holds, promises, interactions and tasks; returns each account's activity columns. */
  debtor(debtor: DebtorContacts, accounts: readonly AccountDraft[], out: ActivityOut): AccountActivity[] {
    const rng = this.rng;
    let contactEnd = this.nowRel;
    // Holds from the debtor's flags stop contact on every one of their accounts (account_id null).
    const flagged: (keyof typeof HOLD_PROFILES)[] = [];
    if (debtor.attorney) flagged.push("attorney");
    if (debtor.bankruptcy) flagged.push("bankruptcy");
    if (debtor.deceased) flagged.push("deceased");
    if (debtor.servicemember) flagged.push("servicemember");
    for (const kind of flagged) {
      const placed = this.officeTime(-rng.int(5, 540));
      contactEnd = Math.min(contactEnd, placed);
      this.hold(out, debtor.id, null, kind, placed, this.flagDetails(kind));
    }

    const work: Work[] = accounts.map((account) => ({
      account,
      open: !ZERO_BALANCE.has(account.status),
      end: contactEnd,
      randomEnd: contactEnd,
      lastContact: Number.NEGATIVE_INFINITY,
      promises: [],
      fixed: [],
      disputeHold: null,
    }));

    for (const w of work) this.accountHolds(debtor, w, flagged.length > 0, out);
    for (const w of work) this.accountPromises(debtor, w);
    for (const w of work) this.accountInteractions(debtor, w, work, out);
    for (const w of work) this.writePromises(w, out);
    for (const w of work) this.accountTasks(debtor, w, out);

    return work.map((w) => {
      const latest = w.promises.reduce<SeedPromise | null>(
        (a, p) => (a === null || p.created > a.created ? p : a),
        null,
      );
      const contact = Number.isFinite(w.lastContact) ? this.ts(w.lastContact) : "";
      return latest ? `${contact},${latest.status},${this.day(latest.dueOff)}` : `${contact},,`;
    });
  }

  private flagDetails(kind: keyof typeof HOLD_PROFILES): Record<string, string> {
    const rng = this.rng;
    switch (kind) {
      case "attorney":
        return {
          attorneyName: rng.pick(ATTORNEYS),
          firm: rng.pick(FIRMS),
          attorneyPhone: `+1${rng.int(201, 989)}555${String(rng.int(100, 199)).padStart(4, "0")}`,
        };
      case "bankruptcy": {
        const chapter = rng.chance(0.7) ? "7" : "13";
        return {
          chapter,
          court: rng.pick(DISTRICTS),
          caseNumber: `${rng.int(1, 9)}:${rng.int(23, 26)}-bk-${String(rng.int(10_000, 99_999))}`,
        };
      }
      case "deceased":
        return { dateOfDeath: this.day(-rng.int(20, 900)) };
      case "servicemember":
        return { branch: rng.pick(BRANCHES) };
    }
  }

  private hold(
    out: ActivityOut,
    debtorId: string,
    accountId: string | null,
    kind: HoldKind,
    placed: number,
    details: Record<string, string> | null,
    text?: { reason: string; evidence: string },
    release?: { at: number; reason: string },
  ): void {
    const rng = this.rng;
    const profile = kind in HOLD_PROFILES ? HOLD_PROFILES[kind as keyof typeof HOLD_PROFILES] : null;
    const reason = text?.reason ?? profile!.reason;
    const evidence = text?.evidence ?? profile!.evidence(this.day(Math.floor(placed / DAY)));
    const placedBy = rng.chance(0.5) ? this.staff.managerId : rng.pick(this.staff.agentIds);
    const released = release ? `${this.ts(release.at)},${this.staff.managerId},${csvField(release.reason)}` : ",,";
    out.holds.add(
      `${this.ids.next()},${this.orgId},${debtorId},${accountId ?? ""},${kind},${csvField(reason)},${csvField(evidence)},` +
        `${details ? csvField(JSON.stringify(details)) : ""},${placedBy},${this.ts(placed)},${released}\n`,
    );
    out.counts.holds++;
  }

  private accountHolds(debtor: DebtorContacts, w: Work, debtorHeld: boolean, out: ActivityOut): void {
    const rng = this.rng;
    const { account } = w;
    if (account.status === "disputed") {
      // Most disputes are raised on a call (the dispute is then the account's last interaction), the rest by letter.
      const viaCall = rng.chance(0.6);
      const rel = viaCall
        ? this.callTime(debtor.zone, Math.max(this.start, w.end - 60 * DAY), w.end)
        : this.officeTime(-rng.int(3, 200));
      const placed = rel ?? this.officeTime(-rng.int(3, 200));
      const byCall = viaCall && rel !== null;
      w.disputeHold = { rel: placed, viaCall: byCall };
      w.end = Math.min(w.end, placed);
      w.randomEnd = Math.min(w.randomEnd, placed - 60);
      const date = this.day(Math.floor(placed / DAY));
      this.hold(
        out,
        debtor.id,
        account.id,
        "dispute",
        placed,
        { channel: byCall ? "call" : "letter" },
        {
          reason: "Consumer disputes the debt and asked for validation",
          evidence: byCall ? `Recorded call of ${date}` : `Written dispute received ${date}`,
        },
      );
      if (byCall)
        w.fixed.push({
          rel: placed,
          outcome: "dispute_raised",
          note: "Debtor disputes owing this debt; validation requested",
          id: this.ids.next(),
        });
    } else if (account.status === "on_hold" && !debtorHeld) {
      const placed = this.officeTime(-rng.int(5, 300));
      w.end = Math.min(w.end, placed);
      w.randomEnd = Math.min(w.randomEnd, placed);
      this.hold(out, debtor.id, account.id, "manual", placed, null, {
        reason: rng.pick([
          "Creditor asked to pause collection pending a billing review",
          "Hardship review in progress",
          "Possible identity theft; awaiting the police report",
        ]),
        evidence:
          rng.pick(["Creditor email", "Debtor letter", "Supervisor review"]) +
          ` of ${this.day(Math.floor(placed / DAY))}`,
      });
    }
    // A few holds placed and released long ago: released holds no longer stop anything.
    if (w.open && rng.chance(0.012)) {
      const [kind, reason, evidence, releaseReason] = rng.pick(RELEASES);
      const placed = this.officeTime(-rng.int(150, 500));
      const releasedAt = Math.min(this.nowRel, placed + rng.int(14, 60) * DAY);
      this.hold(
        out,
        debtor.id,
        kind === "cease" ? null : account.id,
        kind,
        placed,
        null,
        { reason, evidence: `${evidence} of ${this.day(Math.floor(placed / DAY))}` },
        { at: releasedAt, reason: releaseReason },
      );
    }
  }

  private promiseAmount(balance: number): number {
    const rng = this.rng;
    if (balance <= 2_500) return Math.max(1, balance);
    const share = rng.chance(0.3) ? 1 : 0.1 + 0.6 * rng.next();
    return Math.min(balance, Math.max(2_500, Math.round((balance * share) / 100) * 100));
  }

  private accountPromises(debtor: DebtorContacts, w: Work): void {
    const rng = this.rng;
    const { account } = w;
    const zone = debtor.zone;
    const addPromise = (
      created: number,
      dueOff: number,
      status: SeedPromise["status"],
      amount: number,
      resolved: number | null = null,
    ) => {
      w.promises.push({ id: this.ids.next(), created, dueOff, status, amount, resolved, interactionId: null });
    };

    if (account.status === "promised") {
      const created =
        this.callTime(zone, Math.max(this.start, w.end - 21 * DAY), w.end) ?? this.officeTime(-rng.int(1, 21));
      // Now and then an earlier promise, broken, before the one that is pending.
      if (rng.chance(0.15)) {
        const earlier = this.callTime(zone, this.start, created - 12 * DAY);
        if (earlier !== null) {
          const dueOff = Math.min(Math.floor(earlier / DAY) + rng.int(3, 10), Math.floor(created / DAY) - 1);
          const resolved = Math.min(this.nowRel, (dueOff + 1) * DAY + 11 * HOUR);
          addPromise(earlier, dueOff, "broken", this.promiseAmount(account.balance), resolved);
        }
      }
      // Due 3-21 days after it was made in the last three weeks: about a third are past due (broken, not yet
      // marked so), the rest still to come.
      addPromise(created, Math.floor(created / DAY) + rng.int(3, 21), "pending", this.promiseAmount(account.balance));
      w.randomEnd = Math.min(w.randomEnd, created - 60);
      return;
    }

    const payment = account.lastPayment;
    if (payment && payment.off >= -HISTORY_DAYS && rng.chance(0.15)) {
      // The payment kept a promise made a few days before it.
      const paid = this.officeTime(payment.off);
      const created = this.callTime(zone, paid - 14 * DAY, Math.min(paid - HOUR, w.end));
      if (created !== null) addPromise(created, payment.off, "kept", payment.amount, paid);
      return;
    }
    if (!w.open || account.status === "recalled") return;
    const roll = rng.next();
    if (roll < 0.06) {
      const created = this.callTime(zone, this.start, Math.min(w.end, this.nowRel - 12 * DAY));
      if (created === null) return;
      const dueOff = Math.min(-1, Math.floor(created / DAY) + rng.int(3, 10));
      // Marked broken by the nightly run the morning after the due date.
      const resolved = Math.min(this.nowRel, (dueOff + 1) * DAY + 11 * HOUR);
      addPromise(created, dueOff, "broken", this.promiseAmount(account.balance), resolved);
    } else if (roll < 0.075) {
      const created = this.callTime(zone, this.start, Math.min(w.end, this.nowRel - DAY));
      if (created === null) return;
      const dueOff = Math.floor(created / DAY) + rng.int(3, 14);
      const resolved = Math.min(this.nowRel, created + rng.int(1, 5) * DAY);
      addPromise(created, dueOff, "cancelled", this.promiseAmount(account.balance), resolved);
    }
  }

  private accountInteractions(debtor: DebtorContacts, w: Work, all: readonly Work[], out: ActivityOut): void {
    const rng = this.rng;
    const { account } = w;
    // Every promise made within the history comes with the call that took it.
    for (const p of w.promises) {
      if (p.created < this.start || p.created > w.end) continue;
      p.interactionId = this.ids.next();
      w.fixed.push({
        rel: p.created,
        outcome: "promise_taken",
        note: `Promised $${(p.amount / 100).toFixed(2)} by ${this.day(p.dueOff)}`,
        id: p.interactionId,
      });
    }
    const contacted = w.fixed.length > 0 || rng.chance(CONTACT_RATE[account.status]);
    const attempts = contacted ? Math.max(0, rng.weighted(ATTEMPTS) - w.fixed.length) : 0;
    const randomEnd = Math.min(w.end, w.randomEnd);
    for (let k = 0; k < attempts; k++) {
      const rel = this.callTime(debtor.zone, this.start, randomEnd);
      if (rel === null) break;
      this.interaction(debtor, w, all, rel, null, null, this.ids.next(), out);
    }
    for (const f of w.fixed) this.interaction(debtor, w, all, f.rel, f.outcome, f.note, f.id, out);
  }

  private interaction(
    debtor: DebtorContacts,
    w: Work,
    all: readonly Work[],
    rel: number,
    fixedOutcome: Outcome | null,
    fixedNote: string | null,
    id: string,
    out: ActivityOut,
  ): void {
    const rng = this.rng;
    const { account } = w;
    const agent = this.agentFor(account);
    const phones = debtor.phones.filter((p) => !p.optedOut);
    let channel = "call";
    let direction = "outbound";
    let contactId: string;
    let address: string;
    let outcome: Outcome | null = fixedOutcome;
    let person: PersonReached = "none";
    let duration = "";
    let note = fixedNote;

    const channelRoll = fixedOutcome ? 1 : rng.next();
    if (fixedOutcome && phones.length === 0) {
      // Opted out of our calls, yet the debtor may still call in.
      phones.push(debtor.phones[0]!);
      direction = "inbound";
    }
    if (phones.length === 0 || channelRoll < 0.04) {
      channel = "letter";
      contactId = debtor.address.id;
      address = csvField(debtor.address.value);
    } else if (channelRoll < 0.08 && debtor.email && !debtor.email.optedOut) {
      channel = "email";
      contactId = debtor.email.id;
      address = debtor.email.value;
    } else {
      const phone = phones.length > 1 && rng.chance(0.3) ? phones[1]! : phones[0]!;
      contactId = phone.id;
      address = phone.e164;
      if (!outcome) {
        direction = rng.chance(0.1) ? "inbound" : "outbound";
        outcome = rng.weighted(direction === "inbound" ? INBOUND : OUTBOUND);
      } else if (direction === "outbound" && rng.chance(0.2)) {
        direction = "inbound";
      }
      person =
        outcome === "wrong_number"
          ? "third_party"
          : outcome === "right_party_contact" ||
              outcome === "refused" ||
              outcome === "callback_requested" ||
              outcome === "promise_taken" ||
              outcome === "dispute_raised"
            ? "debtor"
            : "none";
      const [lo, hi] = DURATION[outcome];
      duration = String(rng.int(lo, hi));
      if (note === null) {
        const choices = NOTES[outcome];
        if (choices && (outcome !== "voicemail_left" || rng.chance(0.5))) note = rng.pick(choices);
      }
    }

    // A call about one debt often covers the debtor's other open debts too (Reg F counts it against each).
    let accountIds = `{${account.id}}`;
    w.lastContact = Math.max(w.lastContact, rel);
    if (all.length > 1 && person === "debtor" && rng.chance(0.4)) {
      const others = all.filter((o) => o !== w && o.open && rel <= o.end);
      if (others.length > 0) {
        accountIds = csvField(`{${[account.id, ...others.map((o) => o.account.id)].join(",")}}`);
        for (const o of others) o.lastContact = Math.max(o.lastContact, rel);
      }
    }
    // Reg F: a conversation is one with the consumer; a wrong party answering is not one.
    const conversation = person === "debtor";
    const at = this.ts(rel);
    out.interactions.add(
      `${id},${this.orgId},${debtor.id},${account.id},${accountIds},${channel},${direction},${contactId},${address},` +
        `${person},${outcome ?? ""},${conversation ? "t" : "f"},${duration},${note === null ? "" : csvField(note)},${at},${agent},${at}\n`,
    );
    out.counts.interactions++;

    // A requested callback becomes a task for the agent who took the call.
    if (outcome === "callback_requested" && w.open && account.assigneeId) {
      const dueOff = Math.floor(rel / DAY) + rng.int(1, 2);
      const due = this.local(debtor.zone, dueOff, rng.int(9, 18) * HOUR + rng.pick([0, 15, 30, 45]) * 60);
      // Done when it fell due a while ago (mostly), cancelled when a hold stopped contact before it.
      const status =
        w.end < this.nowRel && due > w.end
          ? "cancelled"
          : due < this.nowRel - 2 * HOUR && (due < this.nowRel - 3 * DAY || rng.chance(0.6))
            ? "done"
            : "open";
      const completed = status === "done" ? Math.min(this.nowRel, due + rng.int(0, 90) * 60) : null;
      this.task(
        out,
        account.id,
        "callback",
        `Call back ${debtor.firstName}`,
        note,
        due,
        agent,
        status,
        agent,
        rel,
        completed,
      );
    }
  }

  private writePromises(w: Work, out: ActivityOut): void {
    for (const p of w.promises) {
      out.promises.add(
        `${p.id},${this.orgId},${w.account.id},${p.amount},USD,${this.day(p.dueOff)},${p.status},` +
          `${p.interactionId ?? ""},${this.agentFor(w.account)},${this.ts(p.created)},${p.resolved === null ? "" : this.ts(p.resolved)}\n`,
      );
      out.counts.promises++;
    }
  }

  private task(
    out: ActivityOut,
    accountId: string,
    kind: "callback" | "review" | "follow_up",
    title: string,
    note: string | null,
    due: number,
    assignee: string | null,
    status: "open" | "done" | "cancelled",
    createdBy: string,
    created: number,
    completed: number | null,
  ): void {
    const completedCols =
      status === "open" || completed === null ? "," : `${this.ts(completed)},${assignee ?? createdBy}`;
    out.tasks.add(
      `${this.ids.next()},${this.orgId},${accountId},${kind},${csvField(title)},${note === null ? "" : csvField(note)},` +
        `${this.ts(due)},${assignee ?? ""},${status},${createdBy},${this.ts(Math.min(created, this.nowRel))},${completedCols}\n`,
    );
    out.counts.tasks++;
  }

  private accountTasks(debtor: DebtorContacts, w: Work, out: ActivityOut): void {
    const rng = this.rng;
    const { account } = w;
    const assignee = account.assigneeId;
    if (!w.open || !assignee) return;
    const zone = debtor.zone;
    const businessHour = () => rng.int(9, 18) * HOUR + rng.pick([0, 15, 30, 45]) * 60;
    const held = w.end < this.nowRel;

    // Scheduled callbacks spread over the days around today: overdue, due today and upcoming in every queue.
    // The first few go one of each kind to every agent, so even a small demo shows all three.
    const forced = !held && this.forcedCallbacks < 3 * this.staff.agentIds.length;
    if (forced || (!held && rng.chance(0.012))) {
      let due: number;
      if (forced) {
        const kind = this.forcedCallbacks++ % 3;
        due =
          kind === 0
            ? this.local(zone, -1, businessHour())
            : kind === 1
              ? this.nowRel + rng.int(1, 5) * HOUR
              : this.local(zone, rng.int(1, 3), businessHour());
      } else {
        due = this.local(zone, rng.weighted(CALLBACK_DAYS), businessHour());
      }
      const created = Math.min(this.nowRel, due - rng.int(1, 5) * DAY);
      this.task(
        out,
        account.id,
        "callback",
        `Call back ${debtor.firstName}`,
        null,
        due,
        assignee,
        "open",
        assignee,
        created,
        null,
      );
    }
    // Follow up on a pending promise the morning after it falls due.
    const pending = w.promises.find((p) => p.status === "pending");
    if (pending && rng.chance(0.5)) {
      const due = this.local(zone, pending.dueOff + 1, 10 * HOUR);
      this.task(
        out,
        account.id,
        "follow_up",
        "Check the promised payment",
        `Promised $${(pending.amount / 100).toFixed(2)} by ${this.day(pending.dueOff)}`,
        due,
        assignee,
        "open",
        assignee,
        pending.created,
        null,
      );
    }
    // A dispute must be reviewed and answered with validation before collection resumes.
    if (w.disputeHold && rng.chance(0.6)) {
      const placedOff = Math.floor(w.disputeHold.rel / DAY);
      const due = Math.max(w.disputeHold.rel + HOUR, (placedOff + rng.int(3, 10)) * DAY + rng.int(14, 21) * HOUR);
      // Older disputes have been reviewed (the account stays disputed until the validation is answered).
      const done = due < this.nowRel - 2 * DAY;
      this.task(
        out,
        account.id,
        "review",
        "Review the dispute and send validation",
        null,
        due,
        rng.chance(0.5) ? this.staff.managerId : assignee,
        done ? "done" : "open",
        this.staff.managerId,
        w.disputeHold.rel,
        done ? Math.min(this.nowRel, due + rng.int(0, 48) * HOUR) : null,
      );
    }
    // Work done in the past: completed callbacks and a few cancelled ones.
    const roll = rng.next();
    if (roll < 0.03) {
      const dueOff = -rng.int(1, 60);
      const due = this.local(zone, dueOff, businessHour());
      const cancelled = roll < 0.005;
      this.task(
        out,
        account.id,
        rng.chance(0.8) ? "callback" : "follow_up",
        cancelled ? `Call back ${debtor.firstName}` : `Follow up with ${debtor.firstName}`,
        cancelled ? "Debtor called in before the callback" : null,
        due,
        assignee,
        cancelled ? "cancelled" : "done",
        assignee,
        due - rng.int(1, 4) * DAY,
        cancelled ? null : Math.min(this.nowRel, due + rng.int(0, 120) * 60),
      );
    }
  }
}

/** Due days of scheduled callbacks relative to today: some overdue, many today, the rest over the coming week. */
const CALLBACK_DAYS: WeightedTable<number> = weightedTable<number>([
  [-3, 4],
  [-2, 8],
  [-1, 14],
  [0, 30],
  [1, 16],
  [2, 10],
  [3, 7],
  [4, 5],
  [5, 3],
  [6, 3],
]);
