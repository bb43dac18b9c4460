import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distribute, type Deal } from "./distribute";

const deal = (id: string, balanceMinor: number): Deal => ({ accountId: id, balanceMinor });

describe("distribute", () => {
  it("deals round-robin in the given order, agents in their order", () => {
    const deals = ["a1", "a2", "a3", "a4", "a5"].map((id) => deal(id, 100));
    expect(distribute(deals, ["u1", "u2"], "round_robin")).toEqual([
      { userId: "u1", accountIds: ["a1", "a3", "a5"], balanceMinor: 300 },
      { userId: "u2", accountIds: ["a2", "a4"], balanceMinor: 200 },
    ]);
  });

  it("by balance: the largest balance goes to whoever has least so far", () => {
    const deals = [deal("a", 500), deal("b", 400), deal("c", 300), deal("d", 200), deal("e", 100), deal("f", 100)];
    const shares = distribute(deals, ["u1", "u2"], "balance");
    // a→u1 (500), b→u2 (400), c→u2 (700), d→u1 (700), e→u1 (ties on 700: u1 listed first, same count) …
    expect(shares).toEqual([
      { userId: "u1", accountIds: ["a", "d", "e"], balanceMinor: 800 },
      { userId: "u2", accountIds: ["b", "c", "f"], balanceMinor: 800 },
    ]);
  });

  it("by balance keeps totals within the largest single balance, and loses nothing", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 7 }),
        (balances, n) => {
          const deals = balances.map((b, i) => deal(`acc-${String(i).padStart(4, "0")}`, b));
          const users = Array.from({ length: n }, (_, i) => `u${i}`);
          const shares = distribute(deals, users, "balance");
          const totals = shares.map((s) => s.balanceMinor);
          expect(Math.max(...totals) - Math.min(...totals)).toBeLessThanOrEqual(Math.max(0, ...balances));
          expect(shares.flatMap((s) => s.accountIds).sort()).toEqual(deals.map((d) => d.accountId).sort());
          expect(distribute([...deals].reverse(), users, "balance")).toEqual(shares); // order-independent
        },
      ),
    );
  });

  it("round-robin counts differ by at most one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 9 }), (m, n) => {
        const deals = Array.from({ length: m }, (_, i) => deal(`a${i}`, 1));
        const counts = distribute(
          deals,
          Array.from({ length: n }, (_, i) => `u${i}`),
          "round_robin",
        ).map((s) => s.accountIds.length);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
