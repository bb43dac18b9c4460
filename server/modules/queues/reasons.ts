import type { QueueSection } from "./queues.schemas";
import { localDate } from "./zoned-day";

export type QueueReason =
  | { section: "callback"; dueAt: Date }
  | { section: "broken_promise"; promiseDueOn: string }
  | { section: "priority"; priority: number }
  | { section: "ordering"; label: string };

/** Why an account is where it is in the queue, in words the agent reads at a glance, in the agent's zone. */
export function reasonText(reason: QueueReason, timeZone: string, today: string): string {
  switch (reason.section) {
    case "callback": {
      const time = reason.dueAt.toLocaleTimeString("en-US", { timeZone, hour: "numeric", minute: "2-digit" });
      if (localDate(reason.dueAt, timeZone) === today) return `Callback due ${time}`;
      const day = reason.dueAt.toLocaleDateString("en-US", { timeZone, month: "short", day: "numeric" });
      return `Callback due ${day}, ${time}`;
    }
    case "broken_promise": {
      const [y, m, d] = reason.promiseDueOn.split("-").map(Number) as [number, number, number];
      return `Promise broken ${m}/${d}${String(y) === today.slice(0, 4) ? "" : `/${y}`}`;
    }
    case "priority":
      return `Priority ${reason.priority}`;
    case "ordering":
      return reason.label;
  }
}

export function sectionOf(reason: QueueReason): QueueSection {
  return reason.section === "ordering" ? "priority" : reason.section;
}
