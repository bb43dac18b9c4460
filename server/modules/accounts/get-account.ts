import { and, asc, desc, eq, isNull, ne, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  accounts,
  contactPoints,
  creditors,
  debtors,
  holds,
  ledgerTransactions,
  promises,
  tasks,
  users,
} from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { effectivePromiseStatus } from "@/server/modules/promises/promise-status";
import { candidateTimeZones } from "@/server/modules/tasks/debtor-zones";
import { canonicalTimeZone } from "@/server/modules/tasks/zoned-time";
import { accountId as accountIdSchema } from "./accounts.schemas";
import { bucketOf, daysPastDue, utcDate } from "./aging";
import { findAccountInOrg } from "./shared";

const placedBy = alias(users, "placed_by");
const taskAssignee = alias(users, "task_assignee");

/**
 * The account workspace in one verb: header (debtor, balance, aging, status, active holds, assignee, the debtor's
 * candidate time zones, open tasks, current promise), contact points, balance by component and ledger, and the
 * debtor's other accounts. One lookup of the account, then every other read side by side, all scoped to the
 * organization. The timeline is paged separately (timeline.list).
 */
export async function getAccount({ ctx, input }: { ctx: ServiceContext; input: { accountId: string } }) {
  assertCan(ctx, "account.read");
  const id = parseInput(accountIdSchema, input.accountId);
  const account = await findAccountInOrg(ctx, id);
  const now = ctx.now();
  const today = utcDate(now);
  const viewerId = ctx.actor.type === "staff" ? ctx.actor.userId : null;

  const [debtor, contacts, creditor, assignee, ledger, otherAccounts, activeHolds, openTasks, latestPromise, viewer] =
    await Promise.all([
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
        .select({ id: creditors.id, name: creditors.name, code: creditors.code })
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
        .select({
          id: accounts.id,
          externalRef: accounts.externalRef,
          status: accounts.status,
          balanceMinor: accounts.balanceMinor,
          currency: accounts.currency,
        })
        .from(accounts)
        .where(and(eq(accounts.orgId, ctx.orgId), eq(accounts.debtorId, account.debtorId), ne(accounts.id, id)))
        .orderBy(asc(accounts.externalRef)),
      // The same rule as holds/active-holds: unreleased, on this account or on the debtor (account_id null).
      ctx.db
        .select({
          id: holds.id,
          kind: holds.kind,
          accountId: holds.accountId,
          reason: holds.reason,
          evidence: holds.evidence,
          placedAt: holds.placedAt,
          placedByName: placedBy.name,
          version: holds.version,
        })
        .from(holds)
        .leftJoin(placedBy, eq(placedBy.id, holds.placedById))
        .where(
          and(
            eq(holds.orgId, ctx.orgId),
            isNull(holds.releasedAt),
            or(eq(holds.accountId, id), and(isNull(holds.accountId), eq(holds.debtorId, account.debtorId))),
          ),
        )
        .orderBy(asc(holds.placedAt)),
      ctx.db
        .select({
          id: tasks.id,
          kind: tasks.kind,
          title: tasks.title,
          note: tasks.note,
          dueAt: tasks.dueAt,
          version: tasks.version,
          assigneeId: tasks.assigneeId,
          assigneeName: taskAssignee.name,
        })
        .from(tasks)
        .leftJoin(taskAssignee, eq(taskAssignee.id, tasks.assigneeId))
        .where(and(eq(tasks.orgId, ctx.orgId), eq(tasks.accountId, id), eq(tasks.status, "open")))
        .orderBy(asc(tasks.dueAt))
        .limit(20),
      ctx.db
        .select()
        .from(promises)
        .where(and(eq(promises.orgId, ctx.orgId), eq(promises.accountId, id)))
        .orderBy(desc(promises.createdAt))
        .limit(1)
        .then((r) => r[0] ?? null),
      viewerId
        ? ctx.db
            .select({ timeZone: users.timeZone })
            .from(users)
            .where(and(eq(users.id, viewerId), eq(users.orgId, ctx.orgId)))
            .then((r) => r[0] ?? null)
        : Promise.resolve(null),
    ]);

  const dpd = daysPastDue(account.dueOn, today);
  return {
    account: { ...account, dpd, bucket: bucketOf(dpd) },
    debtor,
    contactPoints: contacts,
    creditor,
    assignee,
    ledger,
    otherAccounts,
    holds: activeHolds.map((h) => ({ ...h, scope: h.accountId ? ("account" as const) : ("debtor" as const) })),
    /** Every zone the debtor may be in; more than one when the contact points disagree. */
    debtorTimeZones: candidateTimeZones(contacts),
    viewerTimeZone: viewer ? (canonicalTimeZone(viewer.timeZone) ?? "UTC") : null,
    openTasks: openTasks.map((t) => ({ ...t, overdue: t.dueAt.getTime() < now.getTime() })),
    promise: latestPromise
      ? { ...latestPromise, effectiveStatus: effectivePromiseStatus(latestPromise.status, latestPromise.dueOn, today) }
      : null,
    now,
  };
}
