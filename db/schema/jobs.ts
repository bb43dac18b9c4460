import { index, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, instant } from "./_columns";

export const jobStatus = pgEnum("job_status", ["running", "succeeded", "failed"]);

/** One row per run of a scheduled or manual job (cron routes, seeding, imports). */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: id(),
    orgId: uuid("org_id"),
    job: text("job").notNull(),
    status: jobStatus("status").notNull().default("running"),
    startedAt: instant("started_at").notNull().defaultNow(),
    finishedAt: instant("finished_at"),
    stats: jsonb("stats"),
    error: text("error"),
  },
  (t) => [index("job_runs_job_idx").on(t.job, t.startedAt)],
);
