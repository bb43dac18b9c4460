import { and, eq } from "drizzle-orm";
import { workQueues } from "@/db/schema";
import type { Database } from "@/db";
import type { ServiceContext } from "@/server/lib/context";
import { createQueue } from "@/server/modules/queues/create-queue";
import { listMyQueue } from "@/server/modules/queues/my-queue";
import type { CreateQueueInput } from "@/server/modules/queues/queues.schemas";
import { nextAccount } from "@/server/modules/queues/next-account";
import { runCases, type Benchmark } from "./harness";
import { benchOrg, openSeeded, staffContext } from "./seeded";

/** A work queue of the benchmark database, created by an admin the first time. */
async function benchQueue(db: Database, admin: ServiceContext, input: CreateQueueInput): Promise<string> {
  const [existing] = await db
    .select({ id: workQueues.id })
    .from(workQueues)
    .where(and(eq(workQueues.orgId, admin.orgId), eq(workQueues.name, input.name)));
  return existing?.id ?? (await createQueue({ ctx: admin, input })).id;
}

/**
 * Server time of "Next account" (queue.next) for the agent holding the most accounts (about 200,000 of a
 * 1,000,000-account portfolio): the first call of a session, and a session walking on, where every account
 * already seen is skipped; then the same in two admin-defined work queues. Acceptance: p95 <= 50 ms. My queue's
 * first page is reported alongside.
 */
export const nextAccountBenchmark: Benchmark = {
  async run({ accounts, serverUrl, log, report, sampling }) {
    const handle = await openSeeded(serverUrl, accounts, log);
    try {
      const { org, agents, admin } = await benchOrg(handle.db);
      const agent = agents[0]!;
      const ctx = staffContext(handle.db, org.id, agent);
      report({ metric: "accounts assigned to the agent", value: agent.assigned, unit: "accounts" });

      // Admin-defined queues walk the agent's own and unassigned accounts in the queue's order.
      const adminCtx = staffContext(handle.db, org.id, admin);
      const byBalance = await benchQueue(handle.db, adminCtx, {
        name: "Bench: 180+ days, $1,000 or more, by balance",
        filters: { bucket: ["180+"], minBalance: 100_000 },
        sort: "balance",
        dir: "desc",
      });
      // A small state: a walk of 100 gets past its few due callbacks into broken promises and priority order.
      const byPriority = await benchQueue(handle.db, adminCtx, {
        name: "Bench: Wyoming by priority",
        filters: { state: "WY" },
        sort: "priority",
        dir: "desc",
      });
      const sections = new Map<string, number>();
      // A walk: each answer becomes the current account and joins the skipped ones (at most 100, the verb's cap).
      const walker = (queueId?: string) => {
        let skip: string[] = [];
        let current: string | undefined;
        return async () => {
          if (skip.length >= 99) {
            skip = [];
            current = undefined;
          }
          const next = await nextAccount({ ctx, input: { skip, currentAccountId: current, queueId } });
          if (current) skip.push(current);
          current = next?.accountId;
          const key = `${queueId ? "work queue" : "My queue"} ${next?.section ?? "empty"}`;
          sections.set(key, (sections.get(key) ?? 0) + 1);
          return next;
        };
      };
      const first = await nextAccount({ ctx, input: {} });
      log(`next-account: ${agent.name} (${agent.assigned.toLocaleString("en-US")} accounts); first: ${first?.reason}`);
      await runCases(
        [
          ["next account, first of the session", () => nextAccount({ ctx, input: {} })],
          ["next account, walking (skip list up to 100)", walker()],
          ["next account in a work queue by balance", () => nextAccount({ ctx, input: { queueId: byBalance } })],
          ["next account in a work queue by priority, walking", walker(byPriority)],
          ["My queue, first page", () => listMyQueue({ ctx, input: {} })],
        ],
        report,
        log,
        sampling,
      );
      // Which sections of the queue the walks went through (answers, warm-up included).
      for (const [key, n] of [...sections].sort())
        report({ metric: `walk answers: ${key}`, value: n, unit: "answers" });
    } finally {
      await handle.close();
    }
  },
};
