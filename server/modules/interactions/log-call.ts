import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { accounts, contactPoints, debtors, interactions } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { ComplianceBlockedError, ConflictError, NotFoundError, ValidationError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { checkContact, recordDecision, type ContactCheck } from "@/server/modules/compliance/check-contact";
import { describeBlock } from "@/server/modules/compliance/describe";
import { parsePhone } from "@/server/modules/contacts/phone";
import { recordPromise } from "@/server/modules/promises/record-promise";
import { assertAssignable, defaultAssignee, insertTask, resolveDue } from "@/server/modules/tasks/shared";
import { logCallInput, type LogCallInput } from "./interactions.schemas";

function invalid(path: string, message: string): never {
  throw new ValidationError(message, [{ path, message }]);
}

/**
 * Records a call, in or out, with everything compliance needs to count it later (Reg F 1006.14(b): calls per
 * person — debtor_id — and per debt — account_ids — over seven days, and whether a conversation took place),
 * and its side effects on the accounts: last contact, a promise taken, a callback to make. One transaction.
 *
 * An outbound call first passes the compliance gate, as of the moment it was placed and against every call
 * logged before it; a call the gate blocks is refused (and the refusal recorded) unless a manager overrides it
 * with a reason, which is audited.
 */
export async function logCall({ ctx, input }: { ctx: ServiceContext; input: LogCallInput }) {
  assertCan(ctx, "interaction.log");
  const data = parseInput(logCallInput, input);
  if (data.override) assertCan(ctx, "compliance.override");
  const now = ctx.now();
  const occurredAt = data.occurredAt ?? now;
  if (occurredAt.getTime() > now.getTime()) invalid("occurredAt", "The call cannot be in the future");
  const callbackDue = data.callback ? resolveDue(data.callback.due, now, "callback.due") : null;

  const outcome = await withTransaction(ctx, async (tx) => {
    const ids = [...new Set([data.accountId, ...data.accountIds])];
    // Locked in id order so two calls about overlapping debts cannot deadlock.
    const rows = await tx.db
      .select()
      .from(accounts)
      .where(and(eq(accounts.orgId, ctx.orgId), inArray(accounts.id, ids)))
      .orderBy(asc(accounts.id))
      .for("update");
    const account = rows.find((r) => r.id === data.accountId);
    if (!account) throw new NotFoundError("Account", data.accountId);
    const missing = ids.find((id) => !rows.some((r) => r.id === id));
    if (missing) throw new NotFoundError("Account", missing);
    const foreign = rows.find((r) => r.debtorId !== account.debtorId);
    if (foreign) {
      invalid(
        "accountIds",
        `Account ${foreign.externalRef} belongs to another debtor; a call can only discuss debts of the person called`,
      );
    }
    if (data.promise && data.expectedVersion !== undefined && data.expectedVersion !== account.version) {
      throw new ConflictError("This account changed since you opened it; reload and try again");
    }

    let contactPointId: string | null = null;
    let address: string | null = null;
    if (data.contactPointId) {
      const [cp] = await tx.db
        .select()
        .from(contactPoints)
        .where(and(eq(contactPoints.id, data.contactPointId), eq(contactPoints.orgId, ctx.orgId)));
      if (!cp) throw new NotFoundError("Contact point", data.contactPointId);
      if (cp.debtorId !== account.debtorId) invalid("contactPointId", "That number belongs to another debtor");
      if (cp.kind !== "phone") invalid("contactPointId", "A call needs a phone number, not an email or postal address");
      contactPointId = cp.id;
      address = cp.value;
    } else if (data.phoneNumber) {
      address = parsePhone(data.phoneNumber, "phoneNumber").e164;
      // A number typed in that is already on file is linked to it, so compliance counts it per contact point.
      const [known] = await tx.db
        .select({ id: contactPoints.id })
        .from(contactPoints)
        .where(
          and(
            eq(contactPoints.orgId, ctx.orgId),
            eq(contactPoints.debtorId, account.debtorId),
            eq(contactPoints.kind, "phone"),
            eq(contactPoints.value, address),
          ),
        )
        .limit(1);
      contactPointId = known?.id ?? null;
    }

    // Reg F counts per person: one gate decision at a time per debtor, so two agents cannot both place the 7th.
    let gate: ContactCheck | null = null;
    if (data.direction === "outbound") {
      await tx.db.execute(
        sql`select 1 from debtors where id = ${account.debtorId} and org_id = ${ctx.orgId} for update`,
      );
      gate = await checkContact(tx, {
        accountId: account.id,
        channel: "call",
        contactPointId,
        accountIds: ids,
        at: occurredAt,
      });
      if (gate.decision.decision === "block" && !data.override) return { refused: gate, logged: null };
    }
    const overridden = gate?.decision.decision === "block" && data.override && ctx.actor.type === "staff";
    const decision = gate
      ? await recordDecision(
          tx,
          gate,
          overridden
            ? { byUserId: (ctx.actor as { userId: string }).userId, reason: data.override!.reason }
            : undefined,
        )
      : null;
    if (overridden) {
      await recordAudit(tx, {
        action: "compliance.overridden",
        entityType: "account",
        entityId: account.id,
        after: {
          decisionId: decision!.id,
          channel: "call",
          contactPointId,
          rules: gate!.decision.rules,
          reasons: gate!.decision.reasons.map((r) => `${r.rule}: ${r.message}`),
          reason: data.override!.reason,
          occurredAt,
        },
      });
    }

    const agentId = ctx.actor.type === "staff" ? ctx.actor.userId : null;
    const [interaction] = await tx.db
      .insert(interactions)
      .values({
        orgId: ctx.orgId,
        debtorId: account.debtorId,
        accountId: account.id,
        accountIds: ids,
        channel: "call",
        direction: data.direction,
        contactPointId,
        address,
        personReached: data.personReached,
        outcome: data.outcome,
        conversation: data.conversation,
        durationSeconds: data.durationSeconds,
        note: data.note || null,
        occurredAt,
        agentId,
        createdAt: now,
      })
      .returning();

    // A call logged late must not move "last contact" backwards.
    await tx.db
      .update(accounts)
      .set({
        lastContactAt: sql`greatest(coalesce(${accounts.lastContactAt}, ${occurredAt.toISOString()}::timestamptz), ${occurredAt.toISOString()}::timestamptz)`,
      })
      .where(and(eq(accounts.orgId, ctx.orgId), inArray(accounts.id, ids)));

    const promise = data.promise
      ? await recordPromise(tx, account, data.promise, {
          interactionId: interaction!.id,
          expectedVersion: data.expectedVersion,
          path: "promise",
        })
      : null;

    let task = null;
    if (data.callback && callbackDue) {
      const assignee = await assertAssignable(tx, data.callback.assigneeId ?? defaultAssignee(ctx));
      const [debtor] = await tx.db
        .select({ firstName: debtors.firstName, lastName: debtors.lastName })
        .from(debtors)
        .where(and(eq(debtors.id, account.debtorId), eq(debtors.orgId, ctx.orgId)));
      task = await insertTask(tx, {
        accountId: account.id,
        kind: "callback",
        title: `Call back ${debtor!.firstName} ${debtor!.lastName}`,
        note: data.callback.note,
        dueAt: callbackDue,
        assigneeId: assignee.id,
      });
    }

    await recordAudit(tx, {
      action: "interaction.logged",
      entityType: "account",
      entityId: account.id,
      before: promise ? { status: account.status, version: account.version } : undefined,
      after: {
        interactionId: interaction!.id,
        channel: "call",
        debtorId: account.debtorId,
        accountIds: ids,
        direction: data.direction,
        outcome: data.outcome,
        personReached: data.personReached,
        conversation: data.conversation,
        contactPointId,
        address,
        occurredAt,
        promiseId: promise?.promise.id ?? null,
        status: promise?.statusChange?.to ?? account.status,
        version: promise?.version ?? account.version,
        taskId: task?.id ?? null,
        complianceDecisionId: decision?.id ?? null,
      },
    });

    return {
      refused: null,
      logged: {
        interaction: interaction!,
        promise: promise?.promise ?? null,
        task,
        accountVersion: promise?.version ?? account.version,
        compliance: gate
          ? { decision: gate.decision.decision, rules: gate.decision.rules, overridden: !!overridden }
          : null,
      },
    };
  });
  if (outcome.refused) {
    // Recorded outside the refused call's transaction, which wrote nothing.
    await recordDecision(ctx, outcome.refused);
    const d = outcome.refused.decision;
    throw new ComplianceBlockedError(
      describeBlock(d),
      d.rules,
      d.nextAllowedAt !== undefined ? new Date(d.nextAllowedAt) : null,
    );
  }
  return outcome.logged;
}
