import { and, asc, eq, sql } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DatabaseHandle } from "@/db";
import { validationNotices } from "@/db/schema";
import { seedPortfolio } from "@/db/seed/portfolio";
import { createTestDatabase, testDrivers } from "@/db/testing";
import { formatLetterDate, formatMoney } from "@/emails/letters";
import type { ServiceContext } from "@/server/lib/context";
import { readSender } from "../sender";
import { validationNoticePdf } from "./build";

const NOW = new Date("2026-03-15T15:30:00Z");

describe.each(testDrivers())("the validation notice of a seeded account (%s)", (driver) => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    const seeded = await seedPortfolio(handle, { accounts: 40, seed: 3, now: NOW });
    ctx = {
      db: handle.db,
      orgId: seeded.orgId,
      actor: { type: "system", job: "test" },
      requestId: "test",
      now: () => NOW,
    };
  });
  afterAll(() => handle.close());

  it("prints the stored itemization, the current amount and the validation end date", async () => {
    // An account whose debtor has a mailing address (every seeded debtor has one).
    const [row] = rowsOf<{ account_id: string }>(
      await handle.db.execute(sql`select n.account_id from validation_notices n
        join accounts a on a.id = n.account_id
        where n.org_id = ${ctx.orgId} and n.amount_on_itemization_minor > 0 order by a.external_ref limit 1`),
    );
    const [notice] = await handle.db
      .select()
      .from(validationNotices)
      .where(and(eq(validationNotices.orgId, ctx.orgId), eq(validationNotices.accountId, row!.account_id)))
      .orderBy(asc(validationNotices.providedAt));
    const { pdf, validationEndsOn } = await validationNoticePdf(
      ctx,
      row!.account_id,
      await readSender(handle.db, ctx.orgId),
    );
    expect(validationEndsOn).toBe(notice!.validationEndsOn);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    const usd = (minor: number) => formatMoney({ minor, currency: notice!.currency });
    expect(flat).toContain("is a debt collector");
    expect(flat).toContain(`As of ${formatLetterDate(notice!.itemizationOn, "en")}, you owed:`);
    expect(flat).toContain(usd(notice!.amountOnItemizationMinor));
    expect(flat).toContain(usd(notice!.currentAmountMinor));
    // The period end is printed where the consumer is told the deadline to dispute and to ask for the creditor.
    expect(flat.split(formatLetterDate(notice!.validationEndsOn, "en")).length - 1).toBeGreaterThanOrEqual(2);
    expect(flat).toContain("How do you want to respond?");
    // The collector as the sender settings name it, and the mailing address disputes go to.
    expect(flat).toContain("Acme Services");
    expect(flat).toContain("PO Box 4410");
  });
});
