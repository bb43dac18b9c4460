-- Staging rows of a running import are rebuilt by the next run after a crash: no need to write them to the WAL.
ALTER TABLE "import_staged_accounts" SET UNLOGGED;--> statement-breakpoint
ALTER TABLE "import_staged_payments" SET UNLOGGED;
