import { listMyQueue } from "@/server/modules/queues/my-queue";
import { nextAccount } from "@/server/modules/queues/next-account";
import { runCases, type Benchmark } from "./harness";
import { benchOrg, openSeeded, staffContext } from "./seeded";

/**
 * Server time of "Next account" (queue.next) for the agent holding the most accounts (about 200,000 of a
 * 1,000,000-account portfolio): the first call of a session, and a session walking on, where every account
 * already seen is skipped. Acceptance: p95 <= 50 ms. My queue's first page is reported alongside.
 */
export const nextAccountBenchmark: Benchmark = {
  async run({ accounts, serverUrl, log, report, sampling }) {
    const handle = await openSeeded(serverUrl, accounts, log);
    try {
      const { org, agents } = await benchOrg(handle.db);
      const agent = agents[0]!;
      const ctx = staffContext(handle.db, org.id, agent);
      report({ metric: "accounts assigned to the agent", value: agent.assigned, unit: "accounts" });

      // A walk: each answer becomes the current account and joins the skipped ones (at most 100, the verb's cap).
      let skip: string[] = [];
      let current: string | undefined;
      const walk = async () => {
        if (skip.length >= 99) {
          skip = [];
          current = undefined;
        }
        const next = await nextAccount({ ctx, input: { skip, currentAccountId: current } });
        if (current) skip.push(current);
        current = next?.accountId;
        return next;
      };
      const first = await nextAccount({ ctx, input: {} });
      log(`next-account: ${agent.name} (${agent.assigned.toLocaleString("en-US")} accounts); first: ${first?.reason}`);
      await runCases(
        [
          ["next account, first of the session", () => nextAccount({ ctx, input: {} })],
          ["next account, walking (skip list up to 100)", walk],
          ["My queue, first page", () => listMyQueue({ ctx, input: {} })],
        ],
        report,
        log,
        sampling,
      );
    } finally {
      await handle.close();
    }
  },
};
