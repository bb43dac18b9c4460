CREATE TYPE "public"."import_kind" AS ENUM('accounts', 'payments');--> statement-breakpoint
CREATE TYPE "public"."import_mode" AS ENUM('valid_rows', 'all_or_nothing');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('uploaded', 'running', 'completed', 'rejected', 'cancelled', 'failed');--> statement-breakpoint
CREATE TABLE "import_errors" (
	"job_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"line" integer NOT NULL,
	"column" text NOT NULL,
	"value" text NOT NULL,
	"message" text NOT NULL,
	CONSTRAINT "import_errors_job_id_seq_pk" PRIMARY KEY("job_id","seq")
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"creditor_id" uuid NOT NULL,
	"kind" "import_kind" NOT NULL,
	"status" "import_status" DEFAULT 'uploaded' NOT NULL,
	"mode" "import_mode" DEFAULT 'valid_rows' NOT NULL,
	"file_name" text NOT NULL,
	"file_bytes" bigint NOT NULL,
	"file_sha256" char(64) NOT NULL,
	"storage_key" text NOT NULL,
	"source" jsonb NOT NULL,
	"mapping" jsonb,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_rejected" integer DEFAULT 0 NOT NULL,
	"rows_created" integer DEFAULT 0 NOT NULL,
	"rows_updated" integer DEFAULT 0 NOT NULL,
	"rows_unchanged" integer DEFAULT 0 NOT NULL,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"phase" text,
	"heartbeat_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"cancel_requested_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"error" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"creditor_id" uuid NOT NULL,
	"kind" "import_kind" NOT NULL,
	"name" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_staged_accounts" (
	"job_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"external_ref" text NOT NULL,
	"currency" char(3) NOT NULL,
	"debtor_external_id" text,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"date_of_birth" date,
	"email" text,
	"phone" text,
	"principal_minor" bigint NOT NULL,
	"interest_minor" bigint NOT NULL,
	"fees_minor" bigint NOT NULL,
	"original_balance_minor" bigint,
	"opened_on" date,
	"due_on" date NOT NULL,
	"charged_off_on" date,
	"last_payment_on" date,
	"original_creditor" text,
	"product_type" text,
	"segment" text,
	"tags" text[],
	"jurisdiction_state" char(2),
	"contacts" jsonb NOT NULL,
	CONSTRAINT "import_staged_accounts_job_id_line_pk" PRIMARY KEY("job_id","line")
);
--> statement-breakpoint
CREATE TABLE "import_staged_payments" (
	"job_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"external_ref" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"paid_on" date NOT NULL,
	"method" text,
	"external_transaction_id" text NOT NULL,
	CONSTRAINT "import_staged_payments_job_id_line_pk" PRIMARY KEY("job_id","line")
);
--> statement-breakpoint
ALTER TABLE "import_errors" ADD CONSTRAINT "import_errors_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_creditor_id_creditors_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."creditors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_creditor_id_creditors_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."creditors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_jobs_org_created_idx" ON "import_jobs" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "import_jobs_org_hash_idx" ON "import_jobs" USING btree ("org_id","file_sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "import_mappings_name_unique" ON "import_mappings" USING btree ("org_id","creditor_id","kind","name");