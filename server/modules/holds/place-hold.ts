import { and, eq, isNull, or, sql } from "drizzle-orm";
import { accounts, debtors, holds } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { ConflictError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { findAccountInOrg } from "@/server/modules/accounts/shared";
import { recordAudit } from "@/server/modules/audit/record";
import { parsePhone } from "@/server/modules/contacts/phone";
import { HOLD_KIND_LABELS, placeHoldInput, type PlaceHoldInput } from "./holds.schemas";
import { accountsCoveredBy } from "./shared";

/** Statuses a dispute moves to "disputed": the ones where collection is actively going on. */
const DISPUTABLE_STATUSES = new Set(["active", "promised"]);

/**
 * Stops collection on one account or on every account of its debtor. A dispute also marks an active or
 * promised account "disputed", in the same transaction, so the list and queues see it at once.
 */
export async function placeHold({ ctx, input }: { ctx: ServiceContext; input: PlaceHoldInput }) {
  assertCan(ctx, "hold.place");
  const data = parseInput(placeHoldInput, input);
  const details = { ...data.details };
  if (details.phone) details.phone = parsePhone(details.phone, "details.phone").e164;
  const label = HOLD_KIND_LABELS[data.kind].toLowerCase();

  return withTransaction(ctx, async (tx) => {
    const account = await findAccountInOrg(tx, data.accountId, true);
    // Serialise hold placement per debtor, so two identical holds placed at once cannot both pass the check below.
    await tx.db
      .select({ id: debtors.id })
      .from(debtors)
      .where(and(eq(debtors.id, account.debtorId), eq(debtors.orgId, ctx.orgId)))
      .for("update");
    const [existing] = await tx.db
      .select({ id: holds.id, accountId: holds.accountId })
      .from(holds)
      .where(
        and(
          eq(holds.orgId, ctx.orgId),
          eq(holds.debtorId, account.debtorId),
          eq(holds.kind, data.kind),
          isNull(holds.releasedAt),
          // A debtor-wide hold already covers this account; an account hold does not cover the others.
          data.scope === "account"
            ? or(eq(holds.accountId, account.id), isNull(holds.accountId))
            : isNull(holds.accountId),
        ),
      )
      .limit(1);
    if (existing) {
      throw new ConflictError(
        existing.accountId
          ? `This account already has an active ${label} hold; release it before placing another`
          : `An active ${label} hold already covers every account of this debtor`,
      );
    }

    const [hold] = await tx.db
      .insert(holds)
      .values({
        orgId: ctx.orgId,
        debtorId: account.debtorId,
        accountId: data.scope === "account" ? account.id : null,
        kind: data.kind,
        reason: data.reason,
        evidence: data.evidence ?? null,
        details: Object.keys(details).length ? details : null,
        placedById: ctx.actor.type === "staff" ? ctx.actor.userId : null,
        placedAt: ctx.now(),
      })
      .returning();

    let statusChange: { accountId: string; from: string; to: string; version: number } | null = null;
    if (data.kind === "dispute" && DISPUTABLE_STATUSES.has(account.status)) {
      const [updated] = await tx.db
        .update(accounts)
        .set({ status: "disputed", version: sql`${accounts.version} + 1`, updatedAt: ctx.now() })
        .where(and(eq(accounts.id, account.id), eq(accounts.orgId, ctx.orgId)))
        .returning({ version: accounts.version });
      statusChange = { accountId: account.id, from: account.status, to: "disputed", version: updated!.version };
    }

    const accountIds = await accountsCoveredBy(tx, hold!);
    await recordAudit(tx, {
      action: "hold.placed",
      entityType: "hold",
      entityId: hold!.id,
      after: { ...hold!, scope: data.scope, accountIds, statusChange },
    });
    return { hold: hold!, accountIds, statusChange };
  });
}
