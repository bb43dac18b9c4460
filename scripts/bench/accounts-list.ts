import { listAccounts } from "@/server/modules/accounts/list-accounts";
import type { ListAccountsInput } from "@/server/modules/accounts/accounts.schemas";
import { runCases, type Benchmark } from "./harness";
import { benchOrg, openSeeded, staffContext } from "./seeded";

/**
 * Server time of the accounts list (page of rows + capped count, in-process) for combinations of two or three
 * filters and a sort, the way people narrow the list. Acceptance: p95 <= 50 ms on 1,000,000 accounts.
 */
export const accountsListBenchmark: Benchmark = {
  async run({ accounts, serverUrl, log, report, sampling }) {
    const handle = await openSeeded(serverUrl, accounts, log);
    try {
      const { org, creditors, agents } = await benchOrg(handle.db);
      const agent = agents[0]!;
      const ctx = staffContext(handle.db, org.id, agent);
      const [creditorA, creditorB] = [creditors[0]!, creditors[3] ?? creditors[0]!];

      const combos: [string, ListAccountsInput][] = [
        ["default: most overdue first", {}],
        ["status active + bucket 91-120, by balance", { status: ["active"], bucket: ["91-120"], sort: "balance" }],
        [
          "creditor + state CA + assignee, by DPD",
          { creditorId: creditorA.id, state: "CA", assignee: agent.id, sort: "dpd" },
        ],
        ["bucket 180+ + has any hold, by DPD", { bucket: ["180+"], hasHold: "any", sort: "dpd" }],
        [
          "hold attorney/bankruptcy + status on_hold, by balance",
          { hasHold: ["attorney", "bankruptcy"], status: ["on_hold"], sort: "balance" },
        ],
        [
          "30+ days since contact + promise broken, by last contact",
          { minDaysSinceContact: 30, promise: ["broken"], sort: "lastContact", dir: "asc" },
        ],
        ["never contacted + status active, by balance", { neverContacted: true, status: ["active"], sort: "balance" }],
        [
          "tags hardship + balance $1,000-$5,000, by balance",
          { tags: ["hardship"], minBalance: 100_000, maxBalance: 500_000, sort: "balance" },
        ],
        ["DPD 60-120 + unassigned, by balance", { minDpd: 60, maxDpd: 120, assignee: "unassigned", sort: "balance" }],
        ["promise pending + assignee, by DPD", { promise: ["pending"], assignee: agent.id, sort: "dpd" }],
        [
          "state TX + status active/promised, by last contact",
          { state: "TX", status: ["active", "promised"], sort: "lastContact", dir: "desc" },
        ],
        ["creditor + balance >= $2,500, by placed", { creditorId: creditorB.id, minBalance: 250_000, sort: "placed" }],
        ["status disputed + bucket 31-60, by debtor name", { status: ["disputed"], bucket: ["31-60"], sort: "debtor" }],
        [
          "0-7 days since contact + assignee + status active, by balance",
          { maxDaysSinceContact: 7, assignee: agent.id, status: ["active"], sort: "balance" },
        ],
        ["bucket 1-30 + creditor, page 20", { bucket: ["1-30"], creditorId: creditorA.id, sort: "balance", page: 20 }],
      ];
      log(`accounts-list: ${combos.length} cases as ${agent.name}, ${accounts.toLocaleString("en-US")} accounts`);
      await runCases(
        combos.map(([label, input]) => [label, () => listAccounts({ ctx, input })] as const),
        report,
        log,
        sampling,
      );
    } finally {
      await handle.close();
    }
  },
};
