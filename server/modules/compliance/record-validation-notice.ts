import { and, desc, eq, sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { validationNotices, type accounts } from "@/db/schema";
import { withTransaction, type ServiceContext, type TxContext } from "@/server/lib/context";
import { ValidationError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { findAccountInOrg } from "@/server/modules/accounts/shared";
import { localDate } from "@/server/modules/queues/zoned-day";
import {
  recordValidationNoticeInput,
  validationNoticeInput,
  type RecordValidationNoticeInput,
  type ValidationNoticeInput,
} from "./compliance.schemas";
import { homeZone } from "./gate/facts";
import { loadSnapshot } from "./snapshot";
import {
  assumedReceiptOn,
  buildItemization,
  validationPeriodEndsOn,
  validationStatus,
  type ItemizationDateType,
} from "./validation";

type Account = typeof accounts.$inferSelect;

/**
 * VAL-07: the reference date the figures are taken from, the same for all of them: charge-off when the debt was
 * charged off, else the last payment, else the transaction that opened it, else the last statement the creditor
 * placed (the placement date).
 */
function itemizationDate(account: Account): { type: ItemizationDateType; on: string } | null {
  if (account.itemizationOn) {
    const on = account.itemizationOn;
    const type: ItemizationDateType =
      on === account.chargedOffOn
        ? "charge_off"
        : on === account.lastPaymentOn
          ? "last_payment"
          : on === account.openedOn
            ? "transaction"
            : "last_statement";
    return { type, on };
  }
  if (account.chargedOffOn) return { type: "charge_off", on: account.chargedOffOn };
  if (account.lastPaymentOn) return { type: "last_payment", on: account.lastPaymentOn };
  if (account.openedOn) return { type: "transaction", on: account.openedOn };
  return null;
}

/** 1006.34(c)(2)(vii)-(ix) from the ledger: the balance on the itemization date and every movement since. */
async function ledgerFigures(tx: TxContext, accountId: string, on: string) {
  const [row] = rowsOf<{ before: string; interest: string; fees: string; credits: string; principal_up: string }>(
    await tx.db.execute(sql`select
        coalesce(sum(principal_minor + interest_minor + fees_minor) filter (where effective_on <= ${on}::date), 0) as before,
        coalesce(sum(greatest(interest_minor, 0)) filter (where effective_on > ${on}::date), 0) as interest,
        coalesce(sum(greatest(fees_minor, 0)) filter (where effective_on > ${on}::date), 0) as fees,
        coalesce(-sum(least(principal_minor, 0) + least(interest_minor, 0) + least(fees_minor, 0))
          filter (where effective_on > ${on}::date), 0) as credits,
        coalesce(sum(greatest(principal_minor, 0)) filter (where effective_on > ${on}::date), 0) as principal_up
      from ledger_transactions where account_id = ${accountId} and org_id = ${tx.orgId}`),
  );
  return {
    amountOnItemizationMinor: Number(row!.before),
    interestSinceMinor: Number(row!.interest),
    feesSinceMinor: Number(row!.fees),
    paymentsAndCreditsSinceMinor: Number(row!.credits),
    principalAddedMinor: Number(row!.principal_up),
  };
}

/**
 * Records that the Reg F validation notice of an account was provided, with the figures it must show computed
 * from the ledger (1006.34(c)(2)) and the period it starts (VAL-03). The gate reads it for VAL-01, disputes and
 * overshadowing. Rendering the letter or email comes with communications; this is what it will print.
 */
export async function recordValidationNotice({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: RecordValidationNoticeInput;
}) {
  assertCan(ctx, "validation.record");
  const data = parseInput(recordValidationNoticeInput, input);
  const providedAt = data.providedAt ?? ctx.now();
  if (providedAt.getTime() > ctx.now().getTime())
    throw new ValidationError("A notice cannot be provided in the future", [
      { path: "providedAt", message: "Not in the future" },
    ]);
  return withTransaction(ctx, async (tx) => {
    const account = await findAccountInOrg(tx, data.accountId, true);
    const reference = itemizationDate(account);
    if (!reference)
      throw new ValidationError(
        "The account has no itemization date: record its charge-off, last payment or opening date first (Reg F 1006.34(b)(3))",
        [{ path: "accountId", message: "No itemization date" }],
      );
    const { principalAddedMinor, ...figures } = await ledgerFigures(tx, account.id, reference.on);
    if (principalAddedMinor > 0)
      throw new ValidationError(
        "Principal grew after the itemization date, which the notice's itemization cannot show; use a later itemization date",
        [{ path: "accountId", message: "Principal added after the itemization date" }],
      );
    const built = buildItemization({
      itemizationDateType: reference.type,
      itemizationOn: reference.on,
      currency: account.currency,
      ...figures,
      currentAmountMinor: account.balanceMinor,
    });
    if (!built.ok)
      throw new ValidationError(
        `The notice's figures do not reconcile: ${built.errors.map((e) => e.message).join("; ")}`,
        built.errors.map((e) => ({ path: e.field, message: e.message })),
      );
    const snapshot = await loadSnapshot(tx.db, ctx.orgId, account.debtorId, "third_party_collector", providedAt);
    const zone = homeZone(snapshot, account.debtorId);
    const providedOn = localDate(providedAt, zone);
    const [notice] = await tx.db
      .insert(validationNotices)
      .values({
        orgId: ctx.orgId,
        accountId: account.id,
        providedAt,
        medium: data.medium,
        language: data.language,
        ...built.notice,
        assumedReceiptOn: assumedReceiptOn(providedOn),
        validationEndsOn: validationPeriodEndsOn(providedOn),
        createdById: ctx.actor.type === "staff" ? ctx.actor.userId : null,
      })
      .returning();
    await recordAudit(tx, {
      action: "validation_notice.recorded",
      entityType: "account",
      entityId: account.id,
      after: {
        noticeId: notice!.id,
        medium: notice!.medium,
        language: notice!.language,
        providedAt,
        validationEndsOn: notice!.validationEndsOn,
        currentAmountMinor: notice!.currentAmountMinor,
      },
    });
    return notice!;
  });
}

/** The account's validation notices and whether one is owed now (VAL-01). */
export async function getValidationNotice({ ctx, input }: { ctx: ServiceContext; input: ValidationNoticeInput }) {
  assertCan(ctx, "account.read");
  const { accountId } = parseInput(validationNoticeInput, input);
  const account = await findAccountInOrg(ctx, accountId);
  const notices = await ctx.db
    .select()
    .from(validationNotices)
    .where(and(eq(validationNotices.orgId, ctx.orgId), eq(validationNotices.accountId, accountId)))
    .orderBy(desc(validationNotices.providedAt));
  const now = ctx.now();
  const snapshot = await loadSnapshot(ctx.db, ctx.orgId, account.debtorId, "third_party_collector", now);
  const zone = homeZone(snapshot, account.debtorId);
  const initial = snapshot.debts.find((d) => d.id === accountId)?.initialCommunicationAt;
  const first = notices[notices.length - 1];
  const today = localDate(now, zone);
  const status = validationStatus({
    initialCommunicationOn: initial !== undefined ? localDate(new Date(initial), zone) : undefined,
    noticeProvidedOn: first ? localDate(first.providedAt, zone) : undefined,
    state: snapshot.persons[0]?.state,
    today,
  });
  return {
    notices,
    status,
    inValidationPeriod: !!first && today <= first.validationEndsOn,
  };
}
