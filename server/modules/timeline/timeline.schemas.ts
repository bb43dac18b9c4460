import { z } from "zod";

/** What the account timeline shows, one chip each in the UI. "change" = audited changes (status, assignment…). */
export const TIMELINE_KINDS = [
  "interaction",
  "note",
  "ledger",
  "hold",
  "task",
  "promise",
  "compliance",
  "change",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = {
  interaction: "Calls & messages",
  note: "Notes",
  ledger: "Payments & ledger",
  hold: "Holds",
  task: "Tasks",
  promise: "Promises",
  compliance: "Compliance blocks",
  change: "Changes",
};

export const listTimelineInput = z.object({
  accountId: z.uuid({ error: "Malformed account id" }),
  /** Only these kinds; all when absent or empty. */
  kinds: z
    .array(z.enum(TIMELINE_KINDS, { error: (i) => `Unknown timeline kind "${String(i.input)}"` }))
    .max(TIMELINE_KINDS.length)
    .optional(),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(30),
});
export type ListTimelineInput = z.input<typeof listTimelineInput>;
