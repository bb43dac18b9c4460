import {
  bigint,
  char,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, instant, orgId, timestamps } from "./_columns";
import { creditors } from "./creditors";
import { organizations, users } from "./organizations";

export const importKind = pgEnum("import_kind", ["accounts", "payments"]);
export const importMode = pgEnum("import_mode", ["valid_rows", "all_or_nothing"]);
export const importStatus = pgEnum("import_status", [
  /** Stored and sniffed; waiting for a mapping and a start. */
  "uploaded",
  /** Reading, validating and staging the rows. */
  "running",
  /** Rows written into the portfolio; counts final. */
  "completed",
  /** All or nothing, and some rows had errors: nothing was written. */
  "rejected",
  "cancelled",
  "failed",
]);

/**
 * One file import: the stored file (hash, size), how it is read and mapped, where it got to, and what it did.
 * Rows reach the portfolio in one transaction at the end of the run, together with the move to `completed`:
 * a run that dies half-way leaves only its own staging rows, which the next run of the same import discards.
 */
export const importJobs = pgTable(
  "import_jobs",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id),
    creditorId: uuid("creditor_id")
      .notNull()
      .references(() => creditors.id),
    kind: importKind("kind").notNull(),
    status: importStatus("status").notNull().default("uploaded"),
    mode: importMode("mode").notNull().default("valid_rows"),
    fileName: text("file_name").notNull(),
    fileBytes: bigint("file_bytes", { mode: "number" }).notNull(),
    /** SHA-256 of the file as uploaded (hex): tells a re-sent file apart from a new one. */
    fileSha256: char("file_sha256", { length: 64 }).notNull(),
    /** Where the upload is kept, relative to the upload directory. */
    storageKey: text("storage_key").notNull(),
    /** How the file reads (format, encoding, delimiter, sheet, header row), from the sniff. */
    source: jsonb("source").notNull(),
    /** File column → target field, and parsing options (date formats, decimal separator, currency). */
    mapping: jsonb("mapping"),
    rowsRead: integer("rows_read").notNull().default(0),
    rowsRejected: integer("rows_rejected").notNull().default(0),
    rowsCreated: integer("rows_created").notNull().default(0),
    rowsUpdated: integer("rows_updated").notNull().default(0),
    rowsUnchanged: integer("rows_unchanged").notNull().default(0),
    bytesRead: bigint("bytes_read", { mode: "number" }).notNull().default(0),
    /** Stage of a running import, for the progress bar ("reading", "writing"). */
    phase: text("phase"),
    /** Bumped while a run is alive; a running import whose heartbeat stopped is resumed by the next run. */
    heartbeatAt: instant("heartbeat_at"),
    attempts: integer("attempts").notNull().default(0),
    cancelRequestedAt: instant("cancel_requested_at"),
    startedAt: instant("started_at"),
    finishedAt: instant("finished_at"),
    error: text("error"),
    createdById: uuid("created_by_id").references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    index("import_jobs_org_created_idx").on(t.orgId, t.createdAt),
    index("import_jobs_org_hash_idx").on(t.orgId, t.fileSha256),
  ],
);

/** The error report of an import: one row per problem (row, column, value, message). */
export const importErrors = pgTable(
  "import_errors",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => importJobs.id),
    seq: integer("seq").notNull(),
    line: integer("line").notNull(),
    column: text("column").notNull(),
    value: text("value").notNull(),
    message: text("message").notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.seq] })],
);

/** A mapping saved for a creditor's files, applied again when the same columns come back. */
export const importMappings = pgTable(
  "import_mappings",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id),
    creditorId: uuid("creditor_id")
      .notNull()
      .references(() => creditors.id),
    kind: importKind("kind").notNull(),
    name: text("name").notNull(),
    mapping: jsonb("mapping").notNull(),
    createdById: uuid("created_by_id").references(() => users.id),
    ...timestamps(),
  },
  (t) => [uniqueIndex("import_mappings_name_unique").on(t.orgId, t.creditorId, t.kind, t.name)],
);

/**
 * Valid account rows of a running import, before they are written into the portfolio in one set-based
 * transaction. Unlogged (migration 0011): a crash loses them, and the resumed run stages them again anyway.
 */
export const importStagedAccounts = pgTable(
  "import_staged_accounts",
  {
    jobId: uuid("job_id").notNull(),
    line: integer("line").notNull(),
    externalRef: text("external_ref").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    debtorExternalId: text("debtor_external_id"),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }),
    email: text("email"),
    phone: text("phone"),
    principalMinor: bigint("principal_minor", { mode: "number" }).notNull(),
    interestMinor: bigint("interest_minor", { mode: "number" }).notNull(),
    feesMinor: bigint("fees_minor", { mode: "number" }).notNull(),
    originalBalanceMinor: bigint("original_balance_minor", { mode: "number" }),
    openedOn: date("opened_on", { mode: "string" }),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    chargedOffOn: date("charged_off_on", { mode: "string" }),
    lastPaymentOn: date("last_payment_on", { mode: "string" }),
    originalCreditor: text("original_creditor"),
    productType: text("product_type"),
    segment: text("segment"),
    tags: text("tags").array(),
    jurisdictionState: char("jurisdiction_state", { length: 2 }),
    /** The row's contact points (ContactRecord[]), exploded when written. */
    contacts: jsonb("contacts").notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.line] })],
);

/** Valid payment rows of a running import. */
export const importStagedPayments = pgTable(
  "import_staged_payments",
  {
    jobId: uuid("job_id").notNull(),
    line: integer("line").notNull(),
    externalRef: text("external_ref").notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    paidOn: date("paid_on", { mode: "string" }).notNull(),
    method: text("method"),
    externalTransactionId: text("external_transaction_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.line] })],
);

export const importStatuses = importStatus.enumValues;
export type ImportStatus = (typeof importStatuses)[number];
