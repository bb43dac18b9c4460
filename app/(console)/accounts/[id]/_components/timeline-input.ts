import type { TimelineKind } from "@/server/modules/timeline/timeline.schemas";

export const TIMELINE_PAGE_SIZE = 30;

/** The timeline query input for a set of kind chips; the page prefetches the unfiltered one with the same shape. */
export function timelineInput(accountId: string, kinds: TimelineKind[]) {
  return { accountId, limit: TIMELINE_PAGE_SIZE, ...(kinds.length ? { kinds } : {}) };
}
