CREATE TYPE "public"."name_part" AS ENUM('first', 'last');--> statement-breakpoint
CREATE TABLE "debtor_names" (
	"org_id" uuid NOT NULL,
	"part" "name_part" NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "debtor_names_org_id_part_name_pk" PRIMARY KEY("org_id","part","name")
);
--> statement-breakpoint
DROP INDEX "debtors_org_last_name_prefix_idx";--> statement-breakpoint
DROP INDEX "debtors_org_last_name_soundex_idx";--> statement-breakpoint
ALTER TABLE "debtor_names" ADD CONSTRAINT "debtor_names_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "debtor_names_prefix_idx" ON "debtor_names" USING btree ("org_id","part","name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "debtor_names_reverse_prefix_idx" ON "debtor_names" USING btree ("org_id","part",reverse("name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "debtor_names_soundex_idx" ON "debtor_names" USING btree ("org_id","part",soundex("name"));--> statement-breakpoint
CREATE INDEX "debtor_names_trgm_idx" ON "debtor_names" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "debtors_org_last_first_lower_idx" ON "debtors" USING btree ("org_id",lower("last_name") text_pattern_ops,lower("first_name"));