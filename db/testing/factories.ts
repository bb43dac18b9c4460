import { randomUUID } from "node:crypto";
import type { Database } from "@/db";
import { accounts, contactPoints, creditors, debtors, ledgerTransactions, organizations, users } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import type { Role } from "@/server/lib/permissions";
import { hashPassword } from "@/server/modules/users/password";

/** Test data is written directly: factories set up state, the verbs under test are what change it. */
export const TEST_PASSWORD = "test-password-123";
let passwordHash: Promise<string> | undefined;

export type TestOrg = {
  orgId: string;
  users: Record<Role, { id: string; email: string }>;
  creditorId: string;
};

export async function createOrg(db: Database, label = randomUUID().slice(0, 8)): Promise<TestOrg> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const [org] = await db
    .insert(organizations)
    .values({ name: `Org ${label}`, slug: `org-${label}` })
    .returning();
  const roles: Role[] = ["admin", "manager", "agent", "auditor"];
  const created = await db
    .insert(users)
    .values(
      roles.map((role) => ({
        orgId: org!.id,
        email: `${role}@${label}.test`,
        name: `${role[0]!.toUpperCase()}${role.slice(1)} ${label}`,
        role,
        passwordHash: hash,
      })),
    )
    .returning();
  const [creditor] = await db
    .insert(creditors)
    .values({ orgId: org!.id, code: "CRED", name: `Creditor ${label}` })
    .returning();
  return {
    orgId: org!.id,
    users: Object.fromEntries(created.map((u) => [u.role, { id: u.id, email: u.email }])) as TestOrg["users"],
    creditorId: creditor!.id,
  };
}

export type AccountSeed = {
  ref?: string;
  principalMinor?: number;
  interestMinor?: number;
  feesMinor?: number;
  dueOn?: string | null;
  status?: (typeof accounts.$inferInsert)["status"];
  state?: string;
  assigneeId?: string | null;
  lastName?: string;
};

/** An account with its debtor, a contact point and ledger rows that explain its balance. */
export async function createAccount(db: Database, org: TestOrg, seed: AccountSeed = {}) {
  const [debtor] = await db
    .insert(debtors)
    .values({ orgId: org.orgId, firstName: "Dana", lastName: seed.lastName ?? "Doe", dateOfBirth: "1980-05-17" })
    .returning();
  await db.insert(contactPoints).values({
    orgId: org.orgId,
    debtorId: debtor!.id,
    kind: "phone",
    phoneType: "mobile",
    value: "+16025550100",
    timeZone: "America/Phoenix",
    consent: "express",
  });
  const principal = seed.principalMinor ?? 10_000;
  const interest = seed.interestMinor ?? 0;
  const fees = seed.feesMinor ?? 0;
  const [account] = await db
    .insert(accounts)
    .values({
      orgId: org.orgId,
      creditorId: org.creditorId,
      debtorId: debtor!.id,
      externalRef: seed.ref ?? `REF-${randomUUID().slice(0, 8)}`,
      originalBalanceMinor: principal + interest + fees,
      principalMinor: principal,
      interestMinor: interest,
      feesMinor: fees,
      dueOn: seed.dueOn === undefined ? "2026-09-01" : seed.dueOn,
      status: seed.status ?? "active",
      jurisdictionState: seed.state ?? "AZ",
      assigneeId: seed.assigneeId ?? null,
    })
    .returning();
  await db.insert(ledgerTransactions).values({
    orgId: org.orgId,
    accountId: account!.id,
    kind: "charge",
    principalMinor: principal,
    interestMinor: interest,
    feesMinor: fees,
    currency: "USD",
    effectiveOn: "2026-01-01",
  });
  return account!;
}

export const FIXED_NOW = new Date("2026-11-24T18:00:00Z");

export function staffContext(db: Database, org: TestOrg, role: Role): ServiceContext {
  return {
    db,
    orgId: org.orgId,
    actor: { type: "staff", userId: org.users[role].id, role },
    requestId: `test-${randomUUID()}`,
    now: () => FIXED_NOW,
  };
}
