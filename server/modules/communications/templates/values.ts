/**
 * The values of the variable catalogue for accounts, read in one round of queries for any number of them (a
 * strategy run renders thousands at once). Money through formatMoney, dates written out in the message's
 * language; nothing here depends on the server's time zone.
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { accounts, creditors, debtors, promises, users, validationNotices } from "@/db/schema";
import { formatLetterDate } from "@/emails/letters/format";
import { formatMoney } from "@/server/lib/money";
import { daysPastDue, utcDate } from "@/server/modules/accounts/aging";
import { portalUrl } from "../links";
import type { SenderSettings } from "../communications.schemas";
import type { TemplateValues } from "./variables";

/** "June 30, 2026" / "30 de junio de 2026" from YYYY-MM-DD, by its parts (no time zone involved); "" for none. */
export function writtenDate(date: string | null | undefined, language: "en" | "es"): string {
  return date ? formatLetterDate(date, language) : "";
}

export type AccountValues = { accountId: string; debtorId: string; language: "en" | "es"; values: TemplateValues };

/** Catalogue values for each account (unsubscribe_url is per address: the sender adds it). */
export async function accountValues(
  db: Database,
  orgId: string,
  accountIds: string[],
  sender: SenderSettings,
  opts: { now: Date; agentId?: string | null },
): Promise<Map<string, AccountValues>> {
  const out = new Map<string, AccountValues>();
  if (!accountIds.length) return out;
  const [rows, promiseRows, noticeRows, agent] = await Promise.all([
    db
      .select({
        id: accounts.id,
        debtorId: accounts.debtorId,
        externalRef: accounts.externalRef,
        currency: accounts.currency,
        balanceMinor: accounts.balanceMinor,
        principalMinor: accounts.principalMinor,
        interestMinor: accounts.interestMinor,
        feesMinor: accounts.feesMinor,
        dueOn: accounts.dueOn,
        originalCreditor: accounts.originalCreditor,
        creditorName: creditors.name,
        firstName: debtors.firstName,
        lastName: debtors.lastName,
        language: debtors.language,
      })
      .from(accounts)
      .innerJoin(creditors, eq(creditors.id, accounts.creditorId))
      .innerJoin(debtors, eq(debtors.id, accounts.debtorId))
      .where(and(eq(accounts.orgId, orgId), inArray(accounts.id, accountIds))),
    db
      .selectDistinctOn([promises.accountId], {
        accountId: promises.accountId,
        amountMinor: promises.amountMinor,
        currency: promises.currency,
        dueOn: promises.dueOn,
      })
      .from(promises)
      .where(and(eq(promises.orgId, orgId), inArray(promises.accountId, accountIds), eq(promises.status, "pending")))
      .orderBy(promises.accountId, desc(promises.createdAt)),
    db
      .selectDistinctOn([validationNotices.accountId], {
        accountId: validationNotices.accountId,
        validationEndsOn: validationNotices.validationEndsOn,
        itemizationOn: validationNotices.itemizationOn,
        amountOnItemizationMinor: validationNotices.amountOnItemizationMinor,
        currency: validationNotices.currency,
      })
      .from(validationNotices)
      .where(and(eq(validationNotices.orgId, orgId), inArray(validationNotices.accountId, accountIds)))
      .orderBy(validationNotices.accountId, sql`${validationNotices.providedAt} asc`),
    opts.agentId
      ? db
          .select({ name: users.name })
          .from(users)
          .where(and(eq(users.id, opts.agentId), eq(users.orgId, orgId)))
      : Promise.resolve([]),
  ]);
  const promiseOf = new Map(promiseRows.map((p) => [p.accountId, p]));
  const noticeOf = new Map(noticeRows.map((n) => [n.accountId, n]));
  const today = utcDate(opts.now);
  const agentFirst = agent[0]?.name.split(/\s+/)[0] ?? "";
  for (const a of rows) {
    const lang = a.language;
    const money = (minor: number, currency = a.currency) => formatMoney(minor, currency);
    const promise = promiseOf.get(a.id);
    const notice = noticeOf.get(a.id);
    out.set(a.id, {
      accountId: a.id,
      debtorId: a.debtorId,
      language: lang,
      values: {
        "debtor.first_name": a.firstName,
        "debtor.last_name": a.lastName,
        "debtor.full_name": `${a.firstName} ${a.lastName}`,
        "creditor.name": a.creditorName,
        "account.original_creditor": a.originalCreditor ?? a.creditorName,
        "account.reference": a.externalRef,
        "account.balance": money(a.balanceMinor),
        "account.principal": money(a.principalMinor),
        "account.interest": money(a.interestMinor),
        "account.fees": money(a.feesMinor),
        "account.due_on": writtenDate(a.dueOn, lang),
        "account.days_past_due": String(daysPastDue(a.dueOn, today)),
        "promise.amount": promise ? money(promise.amountMinor, promise.currency) : "",
        "promise.due_on": promise ? writtenDate(promise.dueOn, lang) : "",
        "validation.ends_on": notice ? writtenDate(notice.validationEndsOn, lang) : "",
        "validation.itemization_date": notice ? writtenDate(notice.itemizationOn, lang) : "",
        "validation.amount_on_itemization": notice ? money(notice.amountOnItemizationMinor, notice.currency) : "",
        "portal.link": portalUrl(orgId, a.id),
        "org.name": sender.name,
        "org.phone": sender.phone,
        "org.email": sender.email,
        "org.address": sender.addressLine,
        "org.hours": sender.hours,
        "org.website": sender.website,
        "org.ca_license_number": sender.caLicenseNumber,
        "org.nyc_license_number": sender.nycLicenseNumber,
        "agent.first_name": agentFirst,
        today: writtenDate(today, lang),
      },
    });
  }
  return out;
}
