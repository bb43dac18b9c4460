/**
 * Letters from Recoup's records: the Reg F validation notice of an account (Model Form B-1, from the stored
 * notice's figures), and an admin's letter template rendered for a debtor. PDFs come from @/emails/letters.
 */
import { and, asc, eq } from "drizzle-orm";
import { accounts, contactPoints, creditors, debtors, validationNotices } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { NotFoundError, ValidationError } from "@/server/lib/errors";
import { renderLetterPdf, type Collector, type PostalAddress } from "@/emails/letters";
import { utcDate } from "@/server/modules/accounts/aging";
import type { SenderSettings } from "../communications.schemas";
import { paragraphsOf } from "../templates/render";

/** The collector block of a letter; letters need a full mailing address, so a missing one is an error to fix. */
export function collectorOf(sender: SenderSettings): Collector {
  const m = sender.mailing;
  if (!m.line1 || !m.city || !m.state || !m.postalCode)
    throw new ValidationError(
      "Letters need your mailing address (street, city, state and ZIP): set it in the sender settings on the Templates page",
    );
  return {
    name: sender.name,
    address: {
      name: sender.name,
      line1: m.line1,
      ...(m.line2 ? { line2: m.line2 } : {}),
      city: m.city,
      state: m.state,
      postalCode: m.postalCode,
    },
    phone: sender.phone,
    ...(sender.website ? { website: sender.website } : {}),
    ...(sender.email ? { disputeEmail: sender.email } : {}),
    ...(sender.hours ? { hours: sender.hours } : {}),
    licenseNumbers: [
      ...(sender.caLicenseNumber ? [{ state: "CA", number: sender.caLicenseNumber }] : []),
      ...(sender.nycLicenseNumber ? [{ state: "NYC", number: sender.nycLicenseNumber }] : []),
    ],
  };
}

/** The debtor's mailing address: the address contact point given, else the primary valid one. */
export async function consumerAddress(
  ctx: ServiceContext,
  debtorId: string,
  contactPointId?: string,
): Promise<PostalAddress & { contactPointId: string }> {
  const [debtor] = await ctx.db
    .select({ firstName: debtors.firstName, lastName: debtors.lastName })
    .from(debtors)
    .where(and(eq(debtors.orgId, ctx.orgId), eq(debtors.id, debtorId)));
  const points = await ctx.db
    .select()
    .from(contactPoints)
    .where(
      and(eq(contactPoints.orgId, ctx.orgId), eq(contactPoints.debtorId, debtorId), eq(contactPoints.kind, "address")),
    );
  const point = contactPointId
    ? points.find((p) => p.id === contactPointId)
    : (points.find((p) => p.isPrimary && p.validity !== "invalid") ?? points.find((p) => p.validity !== "invalid"));
  if (!debtor || !point?.line1 || !point.city || !point.state || !point.postalCode)
    throw new ValidationError("The debtor has no complete mailing address on file");
  return {
    contactPointId: point.id,
    name: `${debtor.firstName} ${debtor.lastName}`,
    line1: point.line1,
    ...(point.line2 ? { line2: point.line2 } : {}),
    city: point.city,
    state: point.state,
    postalCode: point.postalCode,
  };
}

/** An account number as a notice prints it: enough to recognise, not enough to misuse. */
function truncatedReference(reference: string): string {
  return reference.length > 6 ? `…${reference.slice(-4)}` : reference;
}

/**
 * The validation notice of an account as a PDF, from the first notice recorded for it (the one whose period
 * runs), exactly as its figures were stored (Reg F 1006.34(c)).
 */
export async function validationNoticePdf(
  ctx: ServiceContext,
  accountId: string,
  sender: SenderSettings,
): Promise<{ pdf: Buffer; noticeId: string; validationEndsOn: string }> {
  const [row] = await ctx.db
    .select({ account: accounts, creditorName: creditors.name, debtorLanguage: debtors.language })
    .from(accounts)
    .innerJoin(creditors, eq(creditors.id, accounts.creditorId))
    .innerJoin(debtors, eq(debtors.id, accounts.debtorId))
    .where(and(eq(accounts.orgId, ctx.orgId), eq(accounts.id, accountId)));
  if (!row) throw new NotFoundError("Account", accountId);
  const [notice] = await ctx.db
    .select()
    .from(validationNotices)
    .where(and(eq(validationNotices.orgId, ctx.orgId), eq(validationNotices.accountId, accountId)))
    .orderBy(asc(validationNotices.providedAt))
    .limit(1);
  if (!notice) throw new ValidationError("No validation notice is recorded for this account: record it first");
  const money = (minor: number) => ({ minor, currency: notice.currency });
  const pdf = await renderLetterPdf({
    kind: "validation_notice",
    props: {
      language: notice.language,
      noticeDate: utcDate(notice.providedAt),
      collector: collectorOf(sender),
      consumer: await consumerAddress(ctx, row.account.debtorId),
      reference: truncatedReference(row.account.externalRef),
      creditorOnItemizationDate: row.account.originalCreditor ?? row.creditorName,
      currentCreditor: row.creditorName,
      itemizationDate: notice.itemizationOn,
      amountOnItemization: money(notice.amountOnItemizationMinor),
      interestSince: money(notice.interestSinceMinor),
      feesSince: money(notice.feesSinceMinor),
      paymentsAndCreditsSince: money(notice.paymentsAndCreditsSinceMinor),
      currentAmount: money(notice.currentAmountMinor),
      validationEndsOn: notice.validationEndsOn,
      consumerFinancialProduct: true,
      spanishOffer: true,
    },
  });
  return { pdf, noticeId: notice.id, validationEndsOn: notice.validationEndsOn };
}

/** An admin's letter template, rendered for a debtor, as a PDF: title and paragraphs in the letter layout. */
export function templateLetterPdf(input: {
  language: "en" | "es";
  date: Date;
  collector: Collector;
  consumer: PostalAddress;
  reference: string;
  title: string;
  text: string;
}): Promise<Buffer> {
  return renderLetterPdf({
    kind: "letter",
    props: {
      language: input.language,
      date: utcDate(input.date),
      collector: input.collector,
      consumer: input.consumer,
      reference: input.reference,
      title: input.title,
      paragraphs: paragraphsOf(input.text),
    },
  });
}
