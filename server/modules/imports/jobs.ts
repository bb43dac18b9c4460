import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { and, asc, count, desc, eq, inArray, lt, ne, or, sql } from "drizzle-orm";
import { creditors, importErrors, importJobs, importMappings, users } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { ConflictError, NotFoundError, PreconditionError, ValidationError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { DATE_FIELDS } from "./fields/catalogue";
import {
  autoMap,
  checkMapping,
  fieldDefinitions,
  inferDateFormat,
  type ColumnMapping,
  type ImportKind,
} from "./fields";
import {
  importErrorsInput,
  importIdInput,
  listImportsInput,
  startImportInput,
  type ImportMapping,
  type StartImportInput,
} from "./imports.schemas";
import { ImportFileError, sniffFile } from "./read";
import type { ImportSource } from "./run-import";
import { removeUpload, storagePath, storeUpload } from "./storage";

/** A running import whose heartbeat is older than this has lost its process (crash, restart) and may be resumed. */
export const STALE_AFTER_MS = 60_000;

/**
 * Stores an uploaded file, reads its head (format, encoding, delimiter, header, preview) and creates the import.
 * A file that cannot be read at all is refused here, with the reader's reason, and not kept.
 */
export async function createImport({
  ctx,
  body,
  fileName,
  creditorId,
  kind,
}: {
  ctx: ServiceContext;
  body: ReadableStream<Uint8Array> | Readable;
  fileName: string;
  creditorId: string;
  kind: ImportKind;
}) {
  assertCan(ctx, "import.run");
  const [creditor] = await ctx.db
    .select({ id: creditors.id })
    .from(creditors)
    .where(and(eq(creditors.id, creditorId), eq(creditors.orgId, ctx.orgId)));
  if (!creditor) throw new NotFoundError("Creditor", creditorId);
  const id = randomUUID();
  const storageKey = `${ctx.orgId}/${id}`;
  const stored = await storeUpload(body, storageKey);
  let source: ImportSource & { preview: string[][]; previewLines: number[] };
  try {
    const sniff = await sniffFile(storagePath(storageKey));
    source = {
      format: sniff.format,
      encoding: sniff.encoding,
      delimiter: sniff.delimiter,
      headerLine: sniff.headerLine,
      sheetName: sniff.sheetName,
      header: sniff.header,
      preview: sniff.preview,
      previewLines: sniff.previewLines,
    };
  } catch (error) {
    await removeUpload(storageKey);
    if (error instanceof ImportFileError) throw new ValidationError(`${fileName}: ${error.message}`);
    throw error;
  }
  return withTransaction(ctx, async (tx) => {
    await tx.db.insert(importJobs).values({
      id,
      orgId: ctx.orgId,
      creditorId,
      kind,
      fileName,
      fileBytes: stored.bytes,
      fileSha256: stored.sha256,
      storageKey,
      source,
      createdById: ctx.actor.type === "staff" ? ctx.actor.userId : null,
    });
    await recordAudit(tx, {
      action: "import.uploaded",
      entityType: "import",
      entityId: id,
      after: { fileName, kind, creditorId, bytes: stored.bytes, sha256: stored.sha256 },
    });
    return { id };
  });
}

async function jobOf(ctx: ServiceContext, id: string) {
  const [job] = await ctx.db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, id), eq(importJobs.orgId, ctx.orgId)));
  if (!job) throw new NotFoundError("Import", id);
  return job;
}

/** A running import whose process stopped answering: shown as interrupted, and it may be started again. */
function isStale(job: { status: string; heartbeatAt: Date | null }, now: Date) {
  return job.status === "running" && (!job.heartbeatAt || now.getTime() - job.heartbeatAt.getTime() > STALE_AFTER_MS);
}

export async function getImport({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  assertCan(ctx, "import.read");
  const { id } = parseInput(importIdInput, input);
  const job = await jobOf(ctx, id);
  const source = job.source as ImportSource & { preview: string[][]; previewLines: number[] };
  const [creditor] = await ctx.db
    .select({ name: creditors.name })
    .from(creditors)
    .where(eq(creditors.id, job.creditorId));
  // The same file imported before: said before it is imported again (doing so changes nothing).
  const sameFile = await ctx.db
    .select({ id: importJobs.id, status: importJobs.status, finishedAt: importJobs.finishedAt })
    .from(importJobs)
    .where(
      and(
        eq(importJobs.orgId, ctx.orgId),
        eq(importJobs.fileSha256, job.fileSha256),
        ne(importJobs.id, job.id),
        eq(importJobs.status, "completed"),
      ),
    )
    .orderBy(desc(importJobs.finishedAt))
    .limit(5);
  const saved = await ctx.db
    .select({ name: importMappings.name, mapping: importMappings.mapping })
    .from(importMappings)
    .where(
      and(
        eq(importMappings.orgId, ctx.orgId),
        eq(importMappings.creditorId, job.creditorId),
        eq(importMappings.kind, job.kind),
      ),
    )
    .orderBy(asc(importMappings.name));
  const suggestion = autoMap(source.header, job.kind);
  // A saved mapping of this creditor that covers every column of the file wins over the automatic one.
  const savedFit = saved.find((s) =>
    source.header.every((h) => h in ((s.mapping as ImportMapping).columns ?? {}) || !(h in suggestion.mapping)),
  );
  const columnValues = (column: string) => {
    const index = source.header.indexOf(column);
    return source.preview.map((row) => row[index] ?? "");
  };
  const dateColumns = Object.entries(suggestion.mapping)
    .filter(([, field]) => DATE_FIELDS.has(field))
    .map(([column]) => ({ column, inference: inferDateFormat(columnValues(column)) }));
  return {
    job: { ...job, creditorName: creditor?.name ?? "", stale: isStale(job, ctx.now()) },
    source,
    suggestion,
    saved,
    savedFit: savedFit?.name ?? null,
    dateColumns,
    fields: fieldDefinitions(job.kind),
    sameFile,
  };
}

export async function listImports({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { page?: number; pageSize?: number };
}) {
  assertCan(ctx, "import.read");
  const q = parseInput(listImportsInput, input);
  const rows = await ctx.db
    .select({
      id: importJobs.id,
      fileName: importJobs.fileName,
      kind: importJobs.kind,
      status: importJobs.status,
      mode: importJobs.mode,
      creditorName: creditors.name,
      rowsRead: importJobs.rowsRead,
      rowsRejected: importJobs.rowsRejected,
      rowsCreated: importJobs.rowsCreated,
      rowsUpdated: importJobs.rowsUpdated,
      rowsUnchanged: importJobs.rowsUnchanged,
      createdAt: importJobs.createdAt,
      finishedAt: importJobs.finishedAt,
      heartbeatAt: importJobs.heartbeatAt,
      createdByName: users.name,
    })
    .from(importJobs)
    .innerJoin(creditors, eq(creditors.id, importJobs.creditorId))
    .leftJoin(users, eq(users.id, importJobs.createdById))
    .where(eq(importJobs.orgId, ctx.orgId))
    .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(importJobs).where(eq(importJobs.orgId, ctx.orgId));
  const now = ctx.now();
  return { rows: rows.map((r) => ({ ...r, stale: isStale(r, now) })), total: total?.n ?? 0 };
}

export async function listImportErrors({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: string; page?: number; pageSize?: number };
}) {
  assertCan(ctx, "import.read");
  const q = parseInput(importErrorsInput, input);
  await jobOf(ctx, q.id);
  const rows = await ctx.db
    .select({
      line: importErrors.line,
      column: importErrors.column,
      value: importErrors.value,
      message: importErrors.message,
    })
    .from(importErrors)
    .where(eq(importErrors.jobId, q.id))
    .orderBy(asc(importErrors.line), asc(importErrors.seq))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(importErrors).where(eq(importErrors.jobId, q.id));
  return { rows, total: total?.n ?? 0 };
}

/** Every error of an import, in row order, for the downloadable report. */
export async function* importErrorRows(ctx: ServiceContext, id: string) {
  assertCan(ctx, "import.read");
  await jobOf(ctx, id);
  let after = 0;
  for (;;) {
    const batch = await ctx.db
      .select({
        seq: importErrors.seq,
        line: importErrors.line,
        column: importErrors.column,
        value: importErrors.value,
        message: importErrors.message,
      })
      .from(importErrors)
      .where(and(eq(importErrors.jobId, id), sql`${importErrors.seq} > ${after}`))
      .orderBy(asc(importErrors.seq))
      .limit(5_000);
    if (batch.length === 0) return;
    yield* batch;
    after = batch[batch.length - 1]!.seq;
  }
}

/**
 * Claims an import for a run with its mapping: a new upload, or one whose run stopped (failed, cancelled, or
 * interrupted: no heartbeat for STALE_AFTER_MS). Exactly one caller wins the claim; a completed import is final.
 * The mapping is checked against the file's header first, every problem listed.
 */
export async function startImport({ ctx, input }: { ctx: ServiceContext; input: StartImportInput }) {
  assertCan(ctx, "import.run");
  const q = parseInput(startImportInput, input);
  const job = await jobOf(ctx, q.id);
  const source = job.source as ImportSource;
  const unknown = Object.keys(q.mapping.columns).filter((c) => !source.header.includes(c));
  if (unknown.length) throw new ValidationError(`The file has no column ${unknown.map((c) => `"${c}"`).join(", ")}`);
  const issues = checkMapping(job.kind, source.header, q.mapping.columns as ColumnMapping);
  if (issues.length) {
    throw new ValidationError(
      issues.join("; "),
      issues.map((message) => ({ path: "mapping", message })),
    );
  }
  const now = ctx.now();
  return withTransaction(ctx, async (tx) => {
    const claimed = await tx.db
      .update(importJobs)
      .set({
        status: "running",
        mode: q.mode,
        mapping: q.mapping,
        phase: "starting",
        rowsRead: 0,
        rowsRejected: 0,
        bytesRead: 0,
        error: null,
        cancelRequestedAt: null,
        heartbeatAt: now,
        startedAt: now,
        finishedAt: null,
        attempts: sql`${importJobs.attempts} + 1`,
        updatedAt: now,
      })
      .where(
        and(
          eq(importJobs.id, job.id),
          or(
            inArray(importJobs.status, ["uploaded", "failed", "cancelled"]),
            and(
              eq(importJobs.status, "running"),
              or(
                sql`${importJobs.heartbeatAt} is null`,
                lt(importJobs.heartbeatAt, new Date(now.getTime() - STALE_AFTER_MS)),
              ),
            ),
          ),
        ),
      )
      .returning({ id: importJobs.id });
    if (claimed.length === 0) {
      throw job.status === "completed" || job.status === "rejected"
        ? new PreconditionError(`This import is ${job.status}; upload the file again to import it again`)
        : new ConflictError("This import is already running");
    }
    if (q.saveMappingAs) {
      await tx.db
        .insert(importMappings)
        .values({
          orgId: ctx.orgId,
          creditorId: job.creditorId,
          kind: job.kind,
          name: q.saveMappingAs,
          mapping: q.mapping,
          createdById: ctx.actor.type === "staff" ? ctx.actor.userId : null,
        })
        .onConflictDoUpdate({
          target: [importMappings.orgId, importMappings.creditorId, importMappings.kind, importMappings.name],
          set: { mapping: q.mapping, updatedAt: now },
        });
    }
    await recordAudit(tx, {
      action: "import.started",
      entityType: "import",
      entityId: job.id,
      after: { mode: q.mode, mapping: q.mapping, attempt: job.attempts + 1, resumed: job.status === "running" },
    });
    return { id: job.id };
  });
}

/** Asks a running import to stop; it stops at its next progress point, having written nothing. */
export async function cancelImport({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  assertCan(ctx, "import.run");
  const { id } = parseInput(importIdInput, input);
  const job = await jobOf(ctx, id);
  if (job.status !== "running" && job.status !== "uploaded") {
    throw new PreconditionError(`This import is ${job.status}; only a running or waiting import can be cancelled`);
  }
  return withTransaction(ctx, async (tx) => {
    // An upload never started is simply closed; a run notices the request at its next progress point.
    await tx.db
      .update(importJobs)
      .set(
        job.status === "uploaded" || isStale(job, ctx.now())
          ? { status: "cancelled", finishedAt: ctx.now(), updatedAt: ctx.now() }
          : { cancelRequestedAt: ctx.now(), updatedAt: ctx.now() },
      )
      .where(eq(importJobs.id, id));
    await recordAudit(tx, { action: "import.cancelled", entityType: "import", entityId: id });
    return { id };
  });
}
