import { and, asc, desc, eq, ne, or, sql } from "drizzle-orm";
import {
  accounts,
  auditEvents,
  contactPoints,
  creditors,
  debtors,
  ledgerTransactions,
  notes,
  users,
} from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { accountId as accountIdSchema } from "./accounts.schemas";
import { bucketOf, daysPastDue, utcDate } from "./aging";
import { findAccountInOrg } from "./shared";

/** Everything the account page shows, in one verb: debtor, contact points, balance by component, ledger, timeline. */
export async function getAccount({ ctx, input }: { ctx: ServiceContext; input: { accountId: string } }) {
  assertCan(ctx, "account.read");
  const id = parseInput(accountIdSchema, input.accountId);
  const account = await findAccountInOrg(ctx, id);
  const today = utcDate(ctx.now());

  const [debtor, contacts, creditor, assignee, ledger, accountNotes, audit, otherAccounts] = await Promise.all([
    ctx.db
      .select()
      .from(debtors)
      .where(and(eq(debtors.id, account.debtorId), eq(debtors.orgId, ctx.orgId)))
      .then((r) => r[0]!),
    ctx.db
      .select()
      .from(contactPoints)
      .where(and(eq(contactPoints.debtorId, account.debtorId), eq(contactPoints.orgId, ctx.orgId)))
      .orderBy(asc(contactPoints.kind), desc(contactPoints.isPrimary), asc(contactPoints.createdAt)),
    ctx.db
      .select()
      .from(creditors)
      .where(and(eq(creditors.id, account.creditorId), eq(creditors.orgId, ctx.orgId)))
      .then((r) => r[0]!),
    account.assigneeId
      ? ctx.db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(and(eq(users.id, account.assigneeId), eq(users.orgId, ctx.orgId)))
          .then((r) => r[0] ?? null)
      : Promise.resolve(null),
    ctx.db
      .select()
      .from(ledgerTransactions)
      .where(and(eq(ledgerTransactions.accountId, id), eq(ledgerTransactions.orgId, ctx.orgId)))
      .orderBy(asc(ledgerTransactions.effectiveOn), asc(ledgerTransactions.postedAt)),
    ctx.db
      .select({ id: notes.id, body: notes.body, createdAt: notes.createdAt, authorName: users.name })
      .from(notes)
      .leftJoin(users, eq(users.id, notes.authorId))
      .where(and(eq(notes.accountId, id), eq(notes.orgId, ctx.orgId)))
      .orderBy(desc(notes.createdAt)),
    ctx.db
      .select({
        seq: auditEvents.seq,
        occurredAt: auditEvents.occurredAt,
        action: auditEvents.action,
        actorType: auditEvents.actorType,
        actorName: users.name,
        before: auditEvents.before,
        after: auditEvents.after,
      })
      .from(auditEvents)
      .leftJoin(users, and(eq(users.orgId, auditEvents.orgId), sql`${auditEvents.actorId} = ${users.id}::text`))
      .where(
        and(
          eq(auditEvents.orgId, ctx.orgId),
          or(
            and(eq(auditEvents.entityType, "account"), eq(auditEvents.entityId, id)),
            // Bulk verbs write one event naming every account they touched.
            sql`${auditEvents.after} @> ${JSON.stringify({ accountIds: [id] })}::jsonb`,
          ),
        ),
      )
      .orderBy(desc(auditEvents.seq))
      .limit(100),
    ctx.db
      .select({
        id: accounts.id,
        externalRef: accounts.externalRef,
        status: accounts.status,
        balanceMinor: accounts.balanceMinor,
        currency: accounts.currency,
      })
      .from(accounts)
      .where(and(eq(accounts.orgId, ctx.orgId), eq(accounts.debtorId, account.debtorId), ne(accounts.id, id))),
  ]);

  const dpd = daysPastDue(account.dueOn, today);
  return {
    account: { ...account, dpd, bucket: bucketOf(dpd) },
    debtor,
    contactPoints: contacts,
    creditor: { id: creditor.id, name: creditor.name, code: creditor.code },
    assignee,
    ledger,
    notes: accountNotes,
    audit,
    otherAccounts,
  };
}
