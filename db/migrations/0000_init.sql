CREATE TYPE "public"."user_role" AS ENUM('admin', 'manager', 'agent', 'auditor');--> statement-breakpoint
CREATE TYPE "public"."consent_level" AS ENUM('none', 'express', 'express_written');--> statement-breakpoint
CREATE TYPE "public"."contact_kind" AS ENUM('phone', 'email', 'address');--> statement-breakpoint
CREATE TYPE "public"."contact_source" AS ENUM('creditor', 'import', 'debtor', 'agent', 'skip_trace');--> statement-breakpoint
CREATE TYPE "public"."contact_validity" AS ENUM('unverified', 'valid', 'invalid');--> statement-breakpoint
CREATE TYPE "public"."language" AS ENUM('en', 'es');--> statement-breakpoint
CREATE TYPE "public"."phone_type" AS ENUM('mobile', 'landline', 'work');--> statement-breakpoint
CREATE TYPE "public"."account_status" AS ENUM('active', 'in_plan', 'promised', 'disputed', 'on_hold', 'settled', 'paid', 'closed', 'recalled', 'legal');--> statement-breakpoint
CREATE TYPE "public"."ledger_kind" AS ENUM('charge', 'interest', 'fee', 'payment', 'reversal', 'adjustment', 'write_off');--> statement-breakpoint
CREATE TYPE "public"."job_status" AS ENUM('running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "creditors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"kind" "contact_kind" NOT NULL,
	"phone_type" "phone_type",
	"value" text NOT NULL,
	"line1" text,
	"line2" text,
	"city" text,
	"state" char(2),
	"postal_code" text,
	"country" char(2) DEFAULT 'US' NOT NULL,
	"time_zone" text,
	"time_zone_source" text,
	"validity" "contact_validity" DEFAULT 'unverified' NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"source" "contact_source" DEFAULT 'creditor' NOT NULL,
	"consent" "consent_level" DEFAULT 'none' NOT NULL,
	"consent_source" text,
	"consent_at" timestamp with time zone,
	"opted_out_at" timestamp with time zone,
	"opt_out_source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "debtors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"external_id" text,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"date_of_birth" date,
	"language" "language" DEFAULT 'en' NOT NULL,
	"deceased" boolean DEFAULT false NOT NULL,
	"attorney_represented" boolean DEFAULT false NOT NULL,
	"bankruptcy" boolean DEFAULT false NOT NULL,
	"servicemember" boolean DEFAULT false NOT NULL,
	"vulnerable" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"creditor_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"external_ref" text NOT NULL,
	"original_creditor" text,
	"product_type" text,
	"currency" char(3) DEFAULT 'USD' NOT NULL,
	"original_balance_minor" bigint DEFAULT 0 NOT NULL,
	"principal_minor" bigint DEFAULT 0 NOT NULL,
	"interest_minor" bigint DEFAULT 0 NOT NULL,
	"fees_minor" bigint DEFAULT 0 NOT NULL,
	"balance_minor" bigint GENERATED ALWAYS AS (principal_minor + interest_minor + fees_minor) STORED NOT NULL,
	"status" "account_status" DEFAULT 'active' NOT NULL,
	"opened_on" date,
	"charged_off_on" date,
	"due_on" date,
	"last_payment_on" date,
	"itemization_on" date,
	"statute_of_limitations_on" date,
	"placed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"jurisdiction_state" char(2),
	"jurisdiction_city" text,
	"segment" text,
	"assignee_id" uuid,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" "ledger_kind" NOT NULL,
	"principal_minor" bigint DEFAULT 0 NOT NULL,
	"interest_minor" bigint DEFAULT 0 NOT NULL,
	"fees_minor" bigint DEFAULT 0 NOT NULL,
	"currency" char(3) NOT NULL,
	"effective_on" date NOT NULL,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"description" text,
	"external_id" text,
	"reverses_id" uuid
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid,
	"job" text NOT NULL,
	"status" "job_status" DEFAULT 'running' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"stats" jsonb,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creditors" ADD CONSTRAINT "creditors_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_points" ADD CONSTRAINT "contact_points_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_points" ADD CONSTRAINT "contact_points_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debtors" ADD CONSTRAINT "debtors_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_creditor_id_creditors_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."creditors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_org_idx" ON "users" USING btree ("org_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "creditors_org_code_unique" ON "creditors" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "creditors_org_idx" ON "creditors" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "contact_points_debtor_idx" ON "contact_points" USING btree ("debtor_id");--> statement-breakpoint
CREATE INDEX "contact_points_org_value_idx" ON "contact_points" USING btree ("org_id","kind","value");--> statement-breakpoint
CREATE UNIQUE INDEX "debtors_org_external_unique" ON "debtors" USING btree ("org_id","external_id") WHERE "debtors"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "debtors_org_name_idx" ON "debtors" USING btree ("org_id","last_name","first_name");--> statement-breakpoint
CREATE INDEX "debtors_org_last_name_prefix_idx" ON "debtors" USING btree ("org_id",lower("last_name") text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_creditor_ref_unique" ON "accounts" USING btree ("org_id","creditor_id","external_ref");--> statement-breakpoint
CREATE INDEX "accounts_org_ref_prefix_idx" ON "accounts" USING btree ("org_id",lower("external_ref") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "accounts_org_due_idx" ON "accounts" USING btree ("org_id","due_on");--> statement-breakpoint
CREATE INDEX "accounts_org_balance_idx" ON "accounts" USING btree ("org_id","balance_minor");--> statement-breakpoint
CREATE INDEX "accounts_org_status_due_idx" ON "accounts" USING btree ("org_id","status","due_on");--> statement-breakpoint
CREATE INDEX "accounts_org_creditor_due_idx" ON "accounts" USING btree ("org_id","creditor_id","due_on");--> statement-breakpoint
CREATE INDEX "accounts_org_state_idx" ON "accounts" USING btree ("org_id","jurisdiction_state");--> statement-breakpoint
CREATE INDEX "accounts_org_assignee_idx" ON "accounts" USING btree ("org_id","assignee_id");--> statement-breakpoint
CREATE INDEX "accounts_org_placed_idx" ON "accounts" USING btree ("org_id","placed_at");--> statement-breakpoint
CREATE INDEX "accounts_debtor_idx" ON "accounts" USING btree ("debtor_id");--> statement-breakpoint
CREATE INDEX "accounts_tags_idx" ON "accounts" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "ledger_account_idx" ON "ledger_transactions" USING btree ("account_id","effective_on");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_org_external_unique" ON "ledger_transactions" USING btree ("org_id","external_id") WHERE "ledger_transactions"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "notes_account_idx" ON "notes" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_org_seq_idx" ON "audit_events" USING btree ("org_id","seq");--> statement-breakpoint
CREATE INDEX "audit_org_entity_idx" ON "audit_events" USING btree ("org_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_org_actor_idx" ON "audit_events" USING btree ("org_id","actor_id");--> statement-breakpoint
CREATE INDEX "audit_org_action_idx" ON "audit_events" USING btree ("org_id","action");--> statement-breakpoint
CREATE INDEX "audit_org_time_idx" ON "audit_events" USING btree ("org_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_after_gin_idx" ON "audit_events" USING gin ("after" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "job_runs_job_idx" ON "job_runs" USING btree ("job","started_at");