import { formatMoney } from "@/server/lib/money";
import { HOLD_KIND_LABELS, type HoldKind } from "@/server/modules/holds/holds.schemas";
import {
  CALL_OUTCOME_LABELS,
  PERSON_REACHED_LABELS,
  type CallOutcome,
  type PersonReached,
} from "@/server/modules/interactions/interactions.schemas";
import { effectivePromiseStatus } from "@/server/modules/promises/promise-status";
import type { PromiseStatus } from "@/server/modules/promises/promises.schemas";
import { TASK_KIND_LABELS, type TaskKind } from "@/server/modules/tasks/tasks.schemas";
import type { TimelineKind } from "./timeline.schemas";

/** One labelled fact under a timeline entry; `at` is an instant the UI formats, `text` is shown as is. */
export type TimelineFact = { label: string; text?: string; at?: Date };

export type TimelineItem = {
  key: string;
  kind: TimelineKind;
  /** What happened, machine-readable (e.g. "hold.placed", "account.status_changed", "call"). */
  action: string;
  at: Date;
  actorName: string;
  summary: string;
  /** Free text the user wrote: the note, the call note, a reason. */
  body: string | null;
  facts: TimelineFact[];
};

export type RawTimelineRow = {
  kind: TimelineKind;
  key: string;
  at: Date;
  actorType: string;
  actorName: string | null;
  data: Record<string, unknown>;
};

type Lookups = { userName: (id: unknown) => string | null; today: string };

const str = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);
const num = (v: unknown): number => (typeof v === "number" ? v : Number(v ?? 0));
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

function humanize(text: string): string {
  const words = text.replace(/[._]/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const lower = (v: unknown) => (typeof v === "string" ? v.replace(/_/g, " ") : "unknown");

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (m < 60) return s ? `${m} min ${s} s` : `${m} min`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

function actorLabel(row: RawTimelineRow): string {
  if (row.actorName) return row.actorName;
  if (row.actorType === "staff") return "Former user";
  if (row.actorType === "system") return "System";
  return humanize(row.actorType);
}

const MESSAGE_CHANNELS: Record<string, string> = {
  email: "Email",
  sms: "Text message",
  letter: "Letter",
  portal: "Portal message",
  voicemail: "Voicemail",
};

/** A message that did not go out (yet): scheduled, refused by the compliance gate, failed. */
function describeUnsentMessage(d: Record<string, unknown>): Omit<TimelineItem, "key" | "kind" | "at" | "actorName"> {
  const channel = MESSAGE_CHANNELS[str(d.channel) ?? ""] ?? "Message";
  const status = str(d.status) ?? "scheduled";
  const facts: TimelineFact[] = [];
  if (typeof d.scheduledFor === "string") facts.push({ label: "Scheduled for", at: new Date(d.scheduledFor) });
  if (str(d.error)) facts.push({ label: "Error", text: str(d.error)! });
  const label =
    status === "scheduled"
      ? "scheduled"
      : status === "blocked"
        ? "blocked by compliance"
        : status === "sending"
          ? "being sent"
          : status;
  return {
    action: `message.${status}`,
    summary: `${channel} to ${str(d.address) ?? "?"} ${label}`,
    body: str(d.subject) ?? str(d.excerpt),
    facts,
  };
}

function describeInteraction(d: Record<string, unknown>): Omit<TimelineItem, "key" | "kind" | "at" | "actorName"> {
  if (d.source === "message") return describeUnsentMessage(d);
  const inbound = d.direction === "inbound";
  const written = MESSAGE_CHANNELS[str(d.channel) ?? "call"];
  if (written && str(d.channel) !== "voicemail") {
    const address = str(d.address);
    return {
      action: str(d.channel)!,
      summary: `${inbound ? "Inbound" : "Outbound"} ${written.toLowerCase()}${address ? ` ${inbound ? "from" : "to"} ${address}` : ""}`,
      body: str(d.note),
      facts: [],
    };
  }
  const address = str(d.address);
  const outcome = str(d.outcome) as CallOutcome | null;
  const channel = str(d.channel) ?? "call";
  const facts: TimelineFact[] = [
    { label: "Person reached", text: PERSON_REACHED_LABELS[(str(d.personReached) ?? "none") as PersonReached] },
    { label: "Conversation", text: d.conversation ? "Yes" : "No" },
  ];
  if (d.durationSeconds !== null && d.durationSeconds !== undefined) {
    facts.push({ label: "Duration", text: duration(num(d.durationSeconds)) });
  }
  const others = num(d.otherDebts);
  if (others > 0) facts.push({ label: "Debts discussed", text: `This and ${others} other${others === 1 ? "" : "s"}` });
  const what = channel === "call" ? `${inbound ? "Inbound" : "Outbound"} call` : `${humanize(channel)}`;
  const where = address ? ` ${inbound ? "from" : "to"} ${address}` : "";
  return {
    action: channel,
    summary: `${what}${where}${outcome ? ` — ${CALL_OUTCOME_LABELS[outcome] ?? humanize(outcome)}` : ""}`,
    body: str(d.note),
    facts,
  };
}

function describeLedger(d: Record<string, unknown>): Omit<TimelineItem, "key" | "kind" | "at" | "actorName"> {
  const currency = str(d.currency) ?? "USD";
  const total = num(d.principal) + num(d.interest) + num(d.fees);
  const kind = str(d.ledgerKind) ?? "adjustment";
  const summary =
    kind === "payment"
      ? `Payment of ${formatMoney(-total, currency)}`
      : kind === "reversal"
        ? `Reversal of ${formatMoney(total, currency)}`
        : `${humanize(kind)}: ${formatMoney(total, currency)}`;
  return {
    action: `ledger.${kind}`,
    summary,
    body: str(d.description),
    facts: [
      { label: "Effective", text: str(d.effectiveOn) ?? "—" },
      { label: "Principal", text: formatMoney(num(d.principal), currency) },
      { label: "Interest", text: formatMoney(num(d.interest), currency) },
      { label: "Fees", text: formatMoney(num(d.fees), currency) },
    ],
  };
}

function describeHold(d: Record<string, unknown>): Omit<TimelineItem, "key" | "kind" | "at" | "actorName"> {
  const kind = HOLD_KIND_LABELS[str(d.holdKind) as HoldKind] ?? humanize(str(d.holdKind) ?? "hold");
  const scope = d.scope === "debtor" ? " (every account of the debtor)" : "";
  if (d.event === "released") {
    return {
      action: "hold.released",
      summary: `Hold released: ${kind}${scope}`,
      body: str(d.releaseReason),
      facts: [],
    };
  }
  const facts: TimelineFact[] = [];
  if (str(d.evidence)) facts.push({ label: "Evidence", text: str(d.evidence)! });
  return { action: "hold.placed", summary: `Hold placed: ${kind}${scope}`, body: str(d.reason), facts };
}

function describeTask(d: Record<string, unknown>, l: Lookups): Omit<TimelineItem, "key" | "kind" | "at" | "actorName"> {
  const kind = TASK_KIND_LABELS[str(d.taskKind) as TaskKind] ?? "Task";
  const facts: TimelineFact[] = [];
  if (str(d.dueAt)) facts.push({ label: "Due", at: new Date(str(d.dueAt)!) });
  const assignee = l.userName(d.assigneeId);
  if (assignee) facts.push({ label: "Assigned to", text: assignee });
  if (d.status && d.status !== "open")
    facts.push({ label: "Now", text: d.status === "done" ? "Completed" : "Cancelled" });
  return { action: "task.created", summary: `${kind} scheduled: ${str(d.title) ?? ""}`, body: str(d.note), facts };
}

function describePromise(
  d: Record<string, unknown>,
  l: Lookups,
): Omit<TimelineItem, "key" | "kind" | "at" | "actorName"> {
  const currency = str(d.currency) ?? "USD";
  const dueOn = str(d.dueOn) ?? "";
  const status = effectivePromiseStatus((str(d.status) ?? "pending") as PromiseStatus, dueOn, l.today);
  return {
    action: "promise.created",
    summary: `Promise to pay ${formatMoney(num(d.amountMinor), currency)} by ${dueOn}${d.viaCall ? " (taken on a call)" : ""}`,
    body: null,
    facts: [{ label: "Status", text: humanize(status) }],
  };
}

/** Contact point changes (the audit keeps a snapshot of the contact point before and after). */
function describeContactChange(
  action: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Omit<TimelineItem, "key" | "kind" | "at" | "actorName"> {
  const value = str(after.value) ?? str(before.value) ?? "contact point";
  const facts: TimelineFact[] = [];
  const source = (s: unknown) => {
    if (str(s)) facts.push({ label: "Source", text: str(s)! });
  };
  let summary: string;
  const body = str(after.reason) ?? str(after.note);
  switch (action) {
    case "contact.added":
      summary = `Contact point added: ${value}`;
      source(after.source);
      break;
    case "contact.corrected":
      summary =
        str(before.value) && before.value !== after.value
          ? `Contact point corrected: ${str(before.value)} → ${value}`
          : `Contact point corrected: ${value}`;
      break;
    case "contact.invalidated":
      summary = `Contact point marked invalid: ${value}`;
      break;
    case "contact.consent_recorded":
      summary = `Consent recorded (${lower(after.consent)}): ${value}`;
      source(after.consentSource);
      break;
    case "contact.opted_out":
      summary = `Opt-out recorded: ${value}`;
      source(after.optOutSource);
      break;
    case "contact.primary_set":
      summary = `Primary contact point set: ${value}`;
      break;
    default:
      summary = `${humanize(action)}: ${value}`;
  }
  return { action, summary, body, facts };
}

/** Audited changes that have no row of their own on the timeline. */
function describeAudit(
  d: Record<string, unknown>,
  l: Lookups,
): Omit<TimelineItem, "key" | "kind" | "at" | "actorName"> {
  const action = str(d.action) ?? "change";
  const before = obj(d.before);
  const after = obj(d.after);
  const reason = str(after.reason);
  const count = num(after.count);
  const bulk = count > 1 ? ` (bulk action on ${count.toLocaleString("en-US")} accounts)` : "";
  const base = { action, body: reason, facts: [] as TimelineFact[] };
  switch (action) {
    case "account.status_changed":
      return { ...base, summary: `Status changed from ${lower(before.status)} to ${lower(after.status)}` };
    case "account.bulk_status_changed":
      return { ...base, summary: `Status changed to ${lower(after.status)}${bulk}` };
    case "account.assigned":
    case "account.bulk_assigned":
    case "account.auto_assigned": {
      const name = l.userName(after.assigneeId);
      const auto = action === "account.auto_assigned" ? " automatically" : "";
      const who = after.assigneeId === null || after.assigneeId === undefined ? null : (name ?? "another user");
      return { ...base, summary: who ? `Assigned${auto} to ${who}${bulk}` : `Unassigned${bulk}` };
    }
    case "account.bulk_tagged": {
      const facts: TimelineFact[] = [];
      for (const [key, label] of [
        ["add", "Added"],
        ["remove", "Removed"],
        ["tags", "Tags"],
      ] as const) {
        const list = after[key];
        if (Array.isArray(list) && list.length) facts.push({ label, text: list.join(", ") });
      }
      return { ...base, summary: `Tags changed${bulk}`, facts };
    }
    case "account.exported":
      return {
        ...base,
        summary: `Included in a CSV export${count ? ` of ${count.toLocaleString("en-US")} accounts` : ""}`,
      };
    case "task.completed":
      return { ...base, summary: `Task completed: ${str(after.title) ?? ""}`.trim() };
    case "task.cancelled":
      return { ...base, summary: `Task cancelled: ${str(after.title) ?? ""}`.trim() };
    case "task.reassigned":
      return {
        ...base,
        summary:
          `Task reassigned to ${l.userName(after.assigneeId) ?? "another user"}: ${str(after.title) ?? ""}`.trim(),
      };
    case "promise.cancelled":
      return { ...base, summary: "Promise cancelled" };
    default: {
      if (action.startsWith("contact.")) return describeContactChange(action, before, after);
      return { ...base, summary: humanize(action) };
    }
  }
}

/** A contact the compliance gate refused, or one a manager let through despite it. */
function describeCompliance(d: Record<string, unknown>, lookups: Lookups) {
  const rules = Array.isArray(d.rules) ? (d.rules as string[]) : [];
  const reasons = Array.isArray(d.reasons)
    ? (d.reasons as { rule?: string; severity?: string; message?: string }[])
    : [];
  const overriddenBy = lookups.userName(d.overrideBy);
  const channel = lower(d.channel);
  const facts: TimelineFact[] = [{ label: "Rules", text: rules.join(", ") }];
  for (const r of reasons.filter((x) => x.severity === "block"))
    facts.push({ label: r.rule ?? "Rule", text: r.message ?? "" });
  if (typeof d.nextAllowedAt === "string") facts.push({ label: "Next allowed", at: new Date(d.nextAllowedAt) });
  if (overriddenBy) facts.push({ label: "Overridden by", text: overriddenBy });
  facts.push({ label: "Rule set", text: str(d.ruleSetVersion) ?? "" });
  return {
    action: overriddenBy ? "compliance.overridden" : "compliance.blocked",
    summary: overriddenBy ? `Blocked ${channel} let through by a manager` : `Blocked ${channel}`,
    body: str(d.overrideReason),
    facts,
  };
}

/** Turns a row of the timeline query into what the user reads. Pure. */
export function describeTimelineRow(row: RawTimelineRow, lookups: Lookups): TimelineItem {
  const d = row.data;
  const described =
    row.kind === "interaction"
      ? describeInteraction(d)
      : row.kind === "note"
        ? { action: "note", summary: "Note", body: str(d.body), facts: [] }
        : row.kind === "compliance"
          ? describeCompliance(d, lookups)
          : row.kind === "ledger"
            ? describeLedger(d)
            : row.kind === "hold"
              ? describeHold(d)
              : row.kind === "task" && d.source === "row"
                ? describeTask(d, lookups)
                : row.kind === "promise" && d.source === "row"
                  ? describePromise(d, lookups)
                  : describeAudit(d, lookups);
  return { key: row.key, kind: row.kind, at: row.at, actorName: actorLabel(row), ...described };
}
