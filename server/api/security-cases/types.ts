import type { Database } from "@/db";
import type { TestOrg } from "@/db/testing/factories";
import type { createCaller } from "../root";

export type Caller = ReturnType<typeof createCaller>;

/** What every area's cases may use: two organizations and one account in each. */
export type SecurityFixture = {
  db: Database;
  a: TestOrg;
  b: TestOrg;
  accountA: { id: string; version: number; debtorId: string };
  accountB: { id: string; debtorId: string };
};

/**
 * One valid input per procedure, so each gate is tested against a call that would otherwise succeed. `setup`
 * runs once before the calls are built (to create a task, a hold, a view… that a call needs).
 */
export type SecurityCases<Extra = unknown> = {
  setup?: (fx: SecurityFixture) => Promise<Extra>;
  calls: (fx: SecurityFixture, extra: Extra) => Record<string, (c: Caller) => Promise<unknown>>;
};

export function defineCases<Extra>(cases: SecurityCases<Extra>): SecurityCases<Extra> {
  return cases;
}

/** Any area's cases, whatever its setup returns. */
export type AnyCases = {
  setup?: (fx: SecurityFixture) => Promise<unknown>;
  calls: (fx: SecurityFixture, extra: never) => Record<string, (c: Caller) => Promise<unknown>>;
};
