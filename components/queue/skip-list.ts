import { SKIP_MAX } from "@/server/modules/queues/queues.schemas";

/**
 * Accounts an agent moved on from during this browser session, per queue (My queue or a work queue id), so
 * "Next account" does not hand them back until the session ends or the agent resets the list. Kept in
 * sessionStorage: a new tab or sign-in starts fresh, and nothing about it needs the server.
 */
const keyFor = (queueId?: string) => `recoup:queue-skip:${queueId ?? "mine"}`;

export function readSkipList(queueId?: string): string[] {
  if (typeof window === "undefined") return [];
  try {
    const parsed: unknown = JSON.parse(window.sessionStorage.getItem(keyFor(queueId)) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === "string").slice(-SKIP_MAX) : [];
  } catch {
    return [];
  }
}

/** Adds an id (most recent last); past the cap the oldest fall off, so they may come round again. */
export function rememberSkipped(accountId: string, queueId?: string): string[] {
  const list = [...readSkipList(queueId).filter((id) => id !== accountId), accountId].slice(-SKIP_MAX);
  try {
    window.sessionStorage.setItem(keyFor(queueId), JSON.stringify(list));
  } catch {
    // Storage full or disabled: the walk still works, it just cannot remember skips.
  }
  return list;
}

export function clearSkipList(queueId?: string): void {
  try {
    window.sessionStorage.removeItem(keyFor(queueId));
  } catch {
    // Nothing to clear.
  }
}
