import type { PromiseStatus } from "./promises.schemas";

/**
 * A pending promise whose due date has passed counts as broken until payments settle it (the payments issue
 * does that for real). The same rule as the list's SQL filter (accounts/account-filters `effectivePromiseStatus`),
 * for one promise on screen. `today` is the UTC date, as for days past due.
 */
export function effectivePromiseStatus(status: PromiseStatus, dueOn: string, today: string): PromiseStatus {
  return status === "pending" && dueOn < today ? "broken" : status;
}
