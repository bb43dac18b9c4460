import type { RebalanceMethod } from "./queues.schemas";

export type Deal = { accountId: string; balanceMinor: number };
export type Share = { userId: string; accountIds: string[]; balanceMinor: number };

/**
 * Deals accounts out to agents, deterministically (same input, same result; preview and apply agree).
 *
 * round_robin: accounts in the order given (priority order), the i-th to agent i mod n, in the agents' order.
 * balance:     accounts largest balance first (ties by id), each to the agent whose share of this operation
 *              is smallest so far (ties: fewer accounts, then the agents' order) — the greedy rule that keeps
 *              totals close (never further apart than the largest single balance). Existing portfolios do not
 *              count: this evens out what is being handed out, not what people already hold.
 */
export function distribute(deals: readonly Deal[], userIds: readonly string[], method: RebalanceMethod): Share[] {
  const shares: Share[] = userIds.map((userId) => ({ userId, accountIds: [], balanceMinor: 0 }));
  if (shares.length === 0) return shares;
  if (method === "round_robin") {
    deals.forEach((deal, i) => {
      const share = shares[i % shares.length]!;
      share.accountIds.push(deal.accountId);
      share.balanceMinor += deal.balanceMinor;
    });
    return shares;
  }
  const ordered = [...deals].sort((a, b) =>
    a.balanceMinor !== b.balanceMinor ? b.balanceMinor - a.balanceMinor : a.accountId < b.accountId ? -1 : 1,
  );
  for (const deal of ordered) {
    let least = shares[0]!;
    for (const share of shares) {
      if (
        share.balanceMinor < least.balanceMinor ||
        (share.balanceMinor === least.balanceMinor && share.accountIds.length < least.accountIds.length)
      )
        least = share;
    }
    least.accountIds.push(deal.accountId);
    least.balanceMinor += deal.balanceMinor;
  }
  return shares;
}
