import { z } from "zod";
import { TASK_KINDS, TASK_STATUSES } from "@/db/schema/values";

export { TASK_KINDS, TASK_STATUSES };
export type TaskKind = (typeof TASK_KINDS)[number];
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  callback: "Callback",
  review: "Review",
  follow_up: "Follow-up",
};

export const taskId = z.uuid({ error: "Malformed task id" });
const accountId = z.uuid({ error: "Malformed account id" });
const userId = z.uuid({ error: "Malformed user id" });
const version = z.number({ error: "The version you saw is required" }).int().positive();

/**
 * When a task is due: an instant, or a wall-clock date and time in a named IANA zone (the debtor's or the
 * agent's), converted on the server so daylight-saving rules are applied once, in one place.
 */
export const taskDue = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("instant"), at: z.date({ error: "Give the due date and time" }) }),
    z.object({
      kind: z.literal("local"),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Pick a due date"),
      time: z.string().regex(/^\d{2}:\d{2}$/, "Pick a due time (HH:MM)"),
      timeZone: z.string().trim().min(1, "Pick a time zone").max(64),
    }),
  ],
  { error: "Give the due date and time" },
);
export type TaskDue = z.input<typeof taskDue>;

export const taskTitle = z
  .string()
  .trim()
  .min(1, "Give the task a title")
  .max(200, "A title is at most 200 characters");
export const taskNote = z.string().trim().max(2000, "A note is at most 2,000 characters").optional();

export const createTaskInput = z.object({
  accountId,
  kind: z.enum(TASK_KINDS, { error: (i) => `Unknown task kind "${String(i.input)}"` }),
  title: taskTitle,
  note: taskNote,
  due: taskDue,
  /** Who does it; defaults to the person creating it. */
  assigneeId: userId.optional(),
});
export type CreateTaskInput = z.input<typeof createTaskInput>;

export const completeTaskInput = z.object({ taskId, expectedVersion: version });
export type CompleteTaskInput = z.input<typeof completeTaskInput>;

export const cancelTaskInput = z.object({
  taskId,
  expectedVersion: version,
  reason: z.string().trim().max(500, "A reason is at most 500 characters").optional(),
});
export type CancelTaskInput = z.input<typeof cancelTaskInput>;

export const reassignTaskInput = z.object({ taskId, assigneeId: userId, expectedVersion: version });
export type ReassignTaskInput = z.input<typeof reassignTaskInput>;

/** "My tasks" tabs: before now, the rest of my local today, after today. */
export const TASK_WINDOWS = ["overdue", "today", "upcoming", "all"] as const;
export type TaskWindow = (typeof TASK_WINDOWS)[number];

export const listMyTasksInput = z.object({
  window: z.enum(TASK_WINDOWS).default("all"),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(5).max(100).default(25),
});
export type ListMyTasksInput = z.input<typeof listMyTasksInput>;

export const listAccountTasksInput = z.object({
  accountId,
  /** Open tasks only, or every task of the account (newest first after the open ones). */
  include: z.enum(["open", "all"]).default("all"),
});
export type ListAccountTasksInput = z.input<typeof listAccountTasksInput>;

/** Pure zone helpers the forms use to preview a due time in the other zone. */
export { canonicalTimeZone, zonedToInstant } from "./zoned-time";
