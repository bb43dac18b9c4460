import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { accounts, holds, interactions, tasks } from "@/db/schema";
import { createAccount, type AccountSeed, type TestOrg } from "@/db/testing/factories";

/** Test-only helpers for queue state the account factory does not set (priority, contact, promise, tasks, holds). */
export type QueueSeed = AccountSeed & {
  priority?: number;
  lastContactAt?: Date | null;
  promiseStatus?: "pending" | "kept" | "broken" | "cancelled" | null;
  promiseDueOn?: string | null;
};

export async function queueAccount(db: Database, org: TestOrg, seed: QueueSeed = {}) {
  const account = await createAccount(db, org, seed);
  const [updated] = await db
    .update(accounts)
    .set({
      priority: seed.priority ?? 0,
      lastContactAt: seed.lastContactAt ?? null,
      promiseStatus: seed.promiseStatus ?? null,
      promiseDueOn: seed.promiseDueOn ?? null,
    })
    .where(eq(accounts.id, account.id))
    .returning();
  return updated!;
}

export async function addCallback(
  db: Database,
  org: TestOrg,
  account: { id: string },
  dueAt: Date,
  assigneeId: string | null,
  status: "open" | "done" | "cancelled" = "open",
) {
  const [task] = await db
    .insert(tasks)
    .values({
      orgId: org.orgId,
      accountId: account.id,
      kind: "callback",
      title: "Call back",
      dueAt,
      assigneeId,
      status,
    })
    .returning();
  return task!;
}

export async function addHold(
  db: Database,
  org: TestOrg,
  account: { id: string; debtorId: string },
  kind: (typeof holds.$inferInsert)["kind"],
  options: { debtorWide?: boolean; released?: boolean } = {},
) {
  await db.insert(holds).values({
    orgId: org.orgId,
    debtorId: account.debtorId,
    accountId: options.debtorWide ? null : account.id,
    kind,
    reason: "test hold",
    placedAt: new Date("2026-11-01T00:00:00Z"),
    releasedAt: options.released ? new Date("2026-11-02T00:00:00Z") : null,
    releaseReason: options.released ? "resolved" : null,
  });
}

export async function addInteraction(
  db: Database,
  org: TestOrg,
  account: { id: string; debtorId: string },
  agentId: string,
  occurredAt: Date,
) {
  await db.insert(interactions).values({
    orgId: org.orgId,
    debtorId: account.debtorId,
    accountId: account.id,
    accountIds: [account.id],
    channel: "call",
    direction: "outbound",
    occurredAt,
    agentId,
  });
}
