import { sql, type SQL } from "drizzle-orm";
import { rowsOf } from "@/db";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { idOf, keyColumns, keysetAfter, matchingFrom, resolveOrder, segmentsFor, type Segment } from "./account-order";
import { utcDate } from "./aging";
import { exportAccountsInput, type ExportAccountsInput } from "./accounts.schemas";
import { accountRows, withFilterSettings } from "./list-accounts";

/** Rows per query: big enough to amortise a round trip, small enough that memory stays flat at any size. */
export const EXPORT_BATCH = 1_000;

export type ExportRow = Awaited<ReturnType<typeof accountRows>>[number];

/** One ledger entry of an exported account, with the account's reference and debtor. */
export type LedgerExportRow = {
  externalRef: string;
  debtorName: string;
  creditorName: string;
  currency: string;
  effectiveOn: string;
  kind: string;
  principalMinor: number;
  interestMinor: number;
  feesMinor: number;
  description: string | null;
  externalId: string | null;
  postedAt: Date;
};

/** The ledger of these accounts, account by account in the order given, each in date order. */
export async function ledgerRowsOf(ctx: ServiceContext, accounts: readonly ExportRow[]): Promise<LedgerExportRow[]> {
  if (accounts.length === 0) return [];
  const entries = rowsOf<{
    account_id: string;
    effective_on: string;
    kind: string;
    principal_minor: string | number;
    interest_minor: string | number;
    fees_minor: string | number;
    description: string | null;
    external_id: string | null;
    posted_at: string | Date;
  }>(
    await ctx.db.execute(sql`select l.account_id, l.effective_on::text as effective_on, l.kind, l.principal_minor,
        l.interest_minor, l.fees_minor, l.description, l.external_id, l.posted_at
      from ledger_transactions l
      where l.org_id = ${ctx.orgId} and l.account_id = any(${`{${accounts.map((a) => a.id).join(",")}}`}::uuid[])
      order by l.account_id, l.effective_on, l.posted_at, l.id`),
  );
  const byAccount = new Map<string, typeof entries>();
  for (const e of entries) byAccount.set(e.account_id, [...(byAccount.get(e.account_id) ?? []), e]);
  return accounts.flatMap((a) =>
    (byAccount.get(a.id) ?? []).map((e) => ({
      externalRef: a.externalRef,
      debtorName: a.debtorName,
      creditorName: a.creditorName,
      currency: a.currency,
      effectiveOn: e.effective_on,
      kind: e.kind,
      principalMinor: Number(e.principal_minor),
      interestMinor: Number(e.interest_minor),
      feesMinor: Number(e.fees_minor),
      description: e.description,
      externalId: e.external_id,
      postedAt: new Date(e.posted_at),
    })),
  );
}

function segmentOrder(segment: Segment): SQL {
  const d = segment.desc ? "desc" : "asc";
  return sql.join(
    segment.keys.map((k) =>
      k.pattern ? sql`${k.expr} using ${sql.raw(segment.desc ? "~>~" : "~<~")}` : sql`${k.expr} ${sql.raw(d)}`,
    ),
    sql`, `,
  );
}

/**
 * The accounts of a view of the list, in the list's order, as batches read by keyset pagination (never OFFSET,
 * whose cost grows with every page), so a million rows stream in constant memory. Permission and input are
 * checked before this returns (it throws at once, before any row is read); one `account.exported` event with the filters and the number of rows actually
 * sent is written when the stream ends, whether it finished or the client went away.
 */
export function exportAccounts({
  ctx,
  input,
  batchSize = EXPORT_BATCH,
  content = "accounts",
}: {
  ctx: ServiceContext;
  input: ExportAccountsInput;
  batchSize?: number;
  /** "ledger": the caller writes each account's ledger entries (the audit event says so). */
  content?: "accounts" | "ledger";
}) {
  assertCan(ctx, "account.export");
  const view = parseInput(exportAccountsInput, input);
  const today = utcDate(ctx.now());
  const { order, dir } = resolveOrder(view.sort, view.dir, Boolean(view.q));
  const from = matchingFrom(ctx.orgId, view, today, order);
  const { sort: _sort, dir: _dir, ...filters } = view;

  type Keys = Record<string, string | null>;
  async function nextKeys(segment: Segment, after: (string | null)[] | null): Promise<Keys[]> {
    const conditions: SQL[] = [];
    if (segment.where) conditions.push(segment.where);
    if (after) conditions.push(keysetAfter(segment, after));
    const extra = conditions.length ? sql` and ${sql.join(conditions, sql` and `)}` : sql``;
    const result = await withFilterSettings(ctx.db, (db) =>
      db.execute(
        sql`select ${idOf(order)} as id, ${keyColumns(segment)} from ${from}${extra}
          order by ${segmentOrder(segment)} limit ${batchSize}`,
      ),
    );
    return rowsOf<Keys>(result);
  }

  async function* batches(): AsyncGenerator<ExportRow[]> {
    let sent = 0;
    let completed = false;
    try {
      for (const segment of segmentsFor(order, dir)) {
        let after: (string | null)[] | null = null;
        for (;;) {
          const keys = await nextKeys(segment, after);
          if (keys.length === 0) break;
          const rows = await accountRows(
            ctx.db,
            ctx.orgId,
            keys.map((k) => k.id!),
            today,
          );
          sent += rows.length;
          yield rows;
          if (keys.length < batchSize) break;
          const last = keys[keys.length - 1]!;
          after = segment.keys.map((_, i) => last[`k${i}`] ?? null);
        }
      }
      completed = true;
    } finally {
      await withTransaction(ctx, (tx) =>
        recordAudit(tx, {
          action: "account.exported",
          entityType: "account",
          entityId: null,
          after: { filters, sort: order, dir, content, rowCount: sent, completed },
        }),
      );
    }
  }

  return { filename: content === "ledger" ? `ledger-${today}.csv` : `accounts-${today}.csv`, batches: batches() };
}
