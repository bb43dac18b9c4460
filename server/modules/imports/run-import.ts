import { and, eq, sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/db";
import { importErrors, importJobs } from "@/db/schema";
import { copyRows, csvLine, type CsvValue } from "@/db/seed/copy";
import { withTransaction, type ServiceContext, type TxContext } from "@/server/lib/context";
import { logger } from "@/server/lib/logger";
import { recordAudit } from "@/server/modules/audit/record";
import {
  createRowValidator,
  type AccountRecord,
  type ColumnMapping,
  type PaymentRecord,
  type RowError,
} from "./fields";
import type { ImportMapping } from "./imports.schemas";
import { readRows, type FileFormat, type TextEncoding } from "./read";
import { storagePath } from "./storage";
import { writeStagedAccounts, type WriteCounts } from "./write-accounts";
import { writeStagedPayments } from "./write-payments";

/** How a stored file reads, as sniffed at upload. */
export type ImportSource = {
  format: FileFormat;
  encoding: TextEncoding | null;
  delimiter: string | null;
  headerLine: number;
  sheetName?: string;
  header: string[];
};

type Job = typeof importJobs.$inferSelect;

/** Progress is written (and a cancel noticed) at most this often. */
const PROGRESS_EVERY_MS = 500;
/** Errors are flushed to import_errors in batches of this many. */
const ERROR_BATCH = 5_000;

class Cancelled extends Error {}

const STAGED_ACCOUNT_COLUMNS = [
  "job_id",
  "line",
  "external_ref",
  "currency",
  "debtor_external_id",
  "first_name",
  "last_name",
  "date_of_birth",
  "email",
  "phone",
  "principal_minor",
  "interest_minor",
  "fees_minor",
  "original_balance_minor",
  "opened_on",
  "due_on",
  "charged_off_on",
  "last_payment_on",
  "original_creditor",
  "product_type",
  "segment",
  "tags",
  "jurisdiction_state",
  "contacts",
] as const;

function stagedAccount(jobId: string, r: AccountRecord): CsvValue[] {
  // The identity lookups use the first phone and email of the row.
  const phone = r.contacts.find((c) => c.kind === "phone")?.value ?? null;
  const email = r.contacts.find((c) => c.kind === "email")?.value ?? null;
  return [
    jobId,
    r.line,
    r.externalRef,
    r.currency,
    r.debtor.externalId,
    r.debtor.firstName,
    r.debtor.lastName,
    r.debtor.dateOfBirth,
    email,
    phone,
    r.principalMinor,
    r.interestMinor,
    r.feesMinor,
    r.originalBalanceMinor,
    r.openedOn,
    r.dueOn,
    r.chargedOffOn,
    r.lastPaymentOn,
    r.originalCreditor,
    r.productType,
    r.segment,
    r.tags,
    r.jurisdictionState,
    JSON.stringify(r.contacts),
  ];
}

const STAGED_PAYMENT_COLUMNS = [
  "job_id",
  "line",
  "external_ref",
  "amount_minor",
  "currency",
  "paid_on",
  "method",
  "external_transaction_id",
] as const;

function stagedPayment(jobId: string, r: PaymentRecord): CsvValue[] {
  return [jobId, r.line, r.externalRef, r.amountMinor, r.currency, r.paidOn, r.method, r.externalTransactionId];
}

/**
 * Runs a claimed import to its end: reads the stored file as a stream, validates every row, stages the valid
 * ones with COPY and records the errors, then writes the staged rows into the portfolio in ONE transaction that
 * also marks the import completed. Whatever stops a run before that commit (a crash, a kill, a cancel) leaves
 * nothing in the portfolio; the next run of the import starts again from the file.
 */
export async function runImport(handle: DatabaseHandle, ctx: ServiceContext, jobId: string): Promise<void> {
  const db = handle.db;
  const [job] = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, jobId), eq(importJobs.orgId, ctx.orgId)));
  if (!job) throw new Error(`Import ${jobId} not found`);
  try {
    await stageAndWrite(handle, ctx, job);
  } catch (error) {
    if (error instanceof Cancelled) {
      await clearStaging(handle, job.id);
      await db
        .update(importJobs)
        .set({ status: "cancelled", phase: null, finishedAt: ctx.now(), updatedAt: ctx.now() })
        .where(eq(importJobs.id, job.id));
      return;
    }
    logger.error({ err: error, importId: job.id }, "import failed");
    await clearStaging(handle, job.id).catch(() => {});
    await db
      .update(importJobs)
      .set({
        status: "failed",
        phase: null,
        error: error instanceof Error ? error.message : String(error),
        finishedAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .where(eq(importJobs.id, job.id));
  }
}

async function clearStaging(handle: DatabaseHandle, jobId: string) {
  await handle.db.execute(sql`delete from import_staged_accounts where job_id = ${jobId}`);
  await handle.db.execute(sql`delete from import_staged_payments where job_id = ${jobId}`);
}

async function stageAndWrite(handle: DatabaseHandle, ctx: ServiceContext, job: Job) {
  const db = handle.db;
  const source = job.source as ImportSource;
  const mapping = job.mapping as ImportMapping;
  // A previous run of this import may have died half-way: its staging and errors are discarded.
  await clearStaging(handle, job.id);
  await db.delete(importErrors).where(eq(importErrors.jobId, job.id));

  const counters = { read: 0, rejected: 0, bytes: 0, errors: 0 };
  let pendingErrors: RowError[] = [];
  const flushErrors = async () => {
    if (pendingErrors.length === 0) return;
    const batch = pendingErrors;
    pendingErrors = [];
    const start = counters.errors;
    counters.errors += batch.length;
    await copyRows(
      handle,
      "import_errors",
      ["job_id", "seq", "line", "column", "value", "message"],
      batch.map((e, i) => csvLine([job.id, start + i + 1, e.line, e.column, e.value, e.message])),
    );
  };
  let lastProgress = 0;
  const progress = async (force = false) => {
    const now = Date.now();
    if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    const [row] = await db
      .update(importJobs)
      .set({
        rowsRead: counters.read,
        rowsRejected: counters.rejected,
        bytesRead: counters.bytes,
        heartbeatAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .where(eq(importJobs.id, job.id))
      .returning({ cancel: importJobs.cancelRequestedAt });
    if (row?.cancel) throw new Cancelled();
  };

  const options = {
    defaultCurrency: mapping.defaultCurrency,
    dateFormats: mapping.dateFormats,
    decimalSeparator: mapping.decimalSeparator,
    sourceFormat: source.format,
    today: ctx.now().toISOString().slice(0, 10),
  };
  const columns = mapping.columns as ColumnMapping;
  const validator =
    job.kind === "accounts"
      ? createRowValidator({ kind: "accounts", header: source.header, mapping: columns, options })
      : createRowValidator({ kind: "payments", header: source.header, mapping: columns, options });
  const toStaged = (record: AccountRecord | PaymentRecord) =>
    job.kind === "accounts"
      ? stagedAccount(job.id, record as AccountRecord)
      : stagedPayment(job.id, record as PaymentRecord);

  // Valid rows flow straight into a COPY: the file is never in memory, only one batch of it.
  async function* stagedLines(): AsyncGenerator<string> {
    const rows = readRows(storagePath(job.storageKey), {
      format: source.format,
      encoding: source.encoding,
      delimiter: source.delimiter,
      headerRow: source.headerLine,
      sheet: source.sheetName,
    });
    for await (const batch of rows) {
      counters.bytes = batch.bytesRead;
      for (const issue of batch.issues) {
        counters.read++;
        counters.rejected++;
        pendingErrors.push({ line: issue.line, column: "(whole row)", value: "", message: issue.message });
      }
      let text = "";
      for (const row of batch.rows) {
        counters.read++;
        const result = validator.validate(row);
        if (result.ok) text += `${csvLine(toStaged(result.record))}\n`;
        else {
          counters.rejected++;
          for (const e of result.errors) pendingErrors.push(e);
        }
      }
      if (pendingErrors.length >= ERROR_BATCH) await flushErrors();
      await progress();
      if (text) yield text;
    }
  }

  await db.update(importJobs).set({ phase: "reading" }).where(eq(importJobs.id, job.id));
  const table = job.kind === "accounts" ? "import_staged_accounts" : "import_staged_payments";
  const stagedColumns = job.kind === "accounts" ? STAGED_ACCOUNT_COLUMNS : STAGED_PAYMENT_COLUMNS;
  await copyRows(handle, table, stagedColumns, stagedLines());
  await flushErrors();
  await progress(true);

  await db.update(importJobs).set({ phase: "writing" }).where(eq(importJobs.id, job.id));
  const allOrNothing = job.mode === "all_or_nothing";
  const outcome = await withTransaction(ctx, async (tx) => {
    // The run that holds this lock is the only one writing this import; a completed import is never written twice.
    const [current] = await tx.db
      .select({ status: importJobs.status, cancel: importJobs.cancelRequestedAt })
      .from(importJobs)
      .where(eq(importJobs.id, job.id))
      .for("update");
    if (current?.status !== "running") throw new Error(`Import ${job.id} is ${current?.status}, not running`);
    if (current.cancel) throw new Cancelled();
    if (allOrNothing && counters.rejected > 0) return finish(tx, job, "rejected", counters, null, []);
    const { counts, rejections } =
      job.kind === "accounts" ? await writeStagedAccounts(tx, job) : await writeStagedPayments(tx, job);
    if (allOrNothing && rejections.length > 0) {
      // Undo the writes of this transaction but keep the verdict: a savepoint would do, rolling back all is simpler.
      throw new RejectedAtWrite(rejections);
    }
    return finish(tx, job, "completed", counters, counts, rejections);
  }).catch(async (error: unknown) => {
    if (!(error instanceof RejectedAtWrite)) throw error;
    return withTransaction(ctx, (tx) => finish(tx, job, "rejected", counters, null, error.rejections));
  });
  logger.info({ importId: job.id, ...outcome }, "import finished");
}

class RejectedAtWrite extends Error {
  constructor(readonly rejections: RowError[]) {
    super("rows refused while writing");
  }
}

/** Records the outcome with the job, the refusals found while writing, and the audit event, in `tx`. */
async function finish(
  tx: TxContext,
  job: Job,
  status: "completed" | "rejected",
  counters: { read: number; rejected: number; bytes: number; errors: number },
  counts: WriteCounts | null,
  rejections: RowError[],
) {
  if (rejections.length) {
    await tx.db.insert(importErrors).values(
      rejections.map((r, i) => ({
        jobId: job.id,
        seq: counters.errors + i + 1,
        line: r.line,
        column: r.column,
        value: r.value,
        message: r.message,
      })),
    );
  }
  const rejected = counters.rejected + rejections.length;
  const result = {
    status,
    rowsRead: counters.read,
    rowsRejected: rejected,
    rowsCreated: counts?.created ?? 0,
    rowsUpdated: counts?.updated ?? 0,
    rowsUnchanged: counts?.unchanged ?? 0,
  };
  await tx.db
    .update(importJobs)
    .set({ ...result, phase: null, bytesRead: counters.bytes, finishedAt: tx.now(), updatedAt: tx.now() })
    .where(eq(importJobs.id, job.id));
  await tx.db.execute(
    sql`delete from ${sql.raw(job.kind === "accounts" ? "import_staged_accounts" : "import_staged_payments")} where job_id = ${job.id}`,
  );
  await recordAudit(tx, {
    action: status === "completed" ? "import.completed" : "import.rejected",
    entityType: "import",
    entityId: job.id,
    after: { ...result, kind: job.kind, fileName: job.fileName, fileSha256: job.fileSha256, mode: job.mode },
  });
  return result;
}
