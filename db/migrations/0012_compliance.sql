CREATE TYPE "public"."gate_decision" AS ENUM('allow', 'warn', 'block');--> statement-breakpoint
CREATE TYPE "public"."itemization_date_type" AS ENUM('last_statement', 'charge_off', 'last_payment', 'transaction', 'judgment');--> statement-breakpoint
CREATE TYPE "public"."notice_medium" AS ENUM('mail', 'email', 'portal', 'in_person', 'phone');--> statement-breakpoint
CREATE TABLE "compliance_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"account_id" uuid,
	"account_ids" uuid[] NOT NULL,
	"channel" text NOT NULL,
	"purpose" text NOT NULL,
	"contact_point_id" uuid,
	"action_at" timestamp with time zone NOT NULL,
	"decision" "gate_decision" NOT NULL,
	"rules" text[] NOT NULL,
	"reasons" jsonb NOT NULL,
	"next_allowed_at" timestamp with time zone,
	"rule_set_version" text NOT NULL,
	"input_digest" char(64) NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"override_by_id" uuid,
	"override_reason" text,
	"evaluated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "validation_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"provided_at" timestamp with time zone NOT NULL,
	"medium" "notice_medium" NOT NULL,
	"language" "language" DEFAULT 'en' NOT NULL,
	"itemization_date_type" "itemization_date_type" NOT NULL,
	"itemization_on" date NOT NULL,
	"currency" char(3) NOT NULL,
	"amount_on_itemization_minor" bigint NOT NULL,
	"interest_since_minor" bigint NOT NULL,
	"fees_since_minor" bigint NOT NULL,
	"payments_and_credits_since_minor" bigint NOT NULL,
	"current_amount_minor" bigint NOT NULL,
	"assumed_receipt_on" date NOT NULL,
	"validation_ends_on" date NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "compliance_decisions" ADD CONSTRAINT "compliance_decisions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_decisions" ADD CONSTRAINT "compliance_decisions_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_decisions" ADD CONSTRAINT "compliance_decisions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_decisions" ADD CONSTRAINT "compliance_decisions_contact_point_id_contact_points_id_fk" FOREIGN KEY ("contact_point_id") REFERENCES "public"."contact_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_decisions" ADD CONSTRAINT "compliance_decisions_override_by_id_users_id_fk" FOREIGN KEY ("override_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_notices" ADD CONSTRAINT "validation_notices_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_notices" ADD CONSTRAINT "validation_notices_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_notices" ADD CONSTRAINT "validation_notices_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compliance_decisions_org_time_idx" ON "compliance_decisions" USING btree ("org_id","evaluated_at");--> statement-breakpoint
CREATE INDEX "compliance_decisions_account_idx" ON "compliance_decisions" USING btree ("account_id","evaluated_at");--> statement-breakpoint
CREATE INDEX "compliance_decisions_org_blocked_idx" ON "compliance_decisions" USING btree ("org_id","evaluated_at") WHERE "compliance_decisions"."decision" = 'block';--> statement-breakpoint
CREATE INDEX "validation_notices_account_idx" ON "validation_notices" USING btree ("account_id","provided_at");--> statement-breakpoint
-- Gate decisions are evidence (REC-03) and validation notices record what was sent: neither is ever edited.
CREATE TRIGGER compliance_decisions_append_only BEFORE UPDATE OR DELETE ON compliance_decisions
  FOR EACH ROW EXECUTE FUNCTION recoup_refuse_change();
--> statement-breakpoint
CREATE TRIGGER compliance_decisions_no_truncate BEFORE TRUNCATE ON compliance_decisions
  FOR EACH STATEMENT EXECUTE FUNCTION recoup_refuse_change();
--> statement-breakpoint
CREATE TRIGGER validation_notices_append_only BEFORE UPDATE OR DELETE ON validation_notices
  FOR EACH ROW EXECUTE FUNCTION recoup_refuse_change();
