import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { seedPortfolio } from "@/db/seed/portfolio";
import { systemContext } from "@/server/lib/context";
import { sendMessages, type SendRequest } from "@/server/modules/communications/send-messages";
import { readSender } from "@/server/modules/communications/sender";
import { renderVersion } from "@/server/modules/communications/templates/render";
import { accountValues } from "@/server/modules/communications/templates/values";
import { resetTransports } from "@/server/modules/communications/transports";
import { freshDatabase, percentile, round, type Benchmark } from "./harness";

const DATABASE = "recoup_bench_email";
const ACCOUNTS = 50_000;
/** A Tuesday at noon Central: inside every US zone's hours, so the gate's answer is about the debtor, not the clock. */
const NOW = new Date("2026-11-24T18:00:00Z");
const BATCH = 500;

/**
 * Emails rendered and recorded through the outbox transport, as a strategy sends them: batches of 500 through
 * the one send path (react-email render, the compliance gate, decision, message, interaction and audit rows).
 * Each email goes to a different account of a seeded portfolio, from the starter "Payment reminder" in the
 * debtor's language; what the gate refuses is rendered and recorded all the same, and counted apart. Also measured apart: rendering alone, to show where the time goes.
 */
export const emailBenchmark: Benchmark = {
  async run({ serverUrl, log, report, sampling }) {
    // The outbox, whatever this shell has configured: the figure is Recoup's, not a provider's.
    delete process.env.RESEND_API_KEY;
    resetTransports();
    // Portal and unsubscribe links are signed; a key for this run when the shell has none.
    process.env.LINK_SECRET ??= randomBytes(32).toString("base64url");
    const handle = await freshDatabase(serverUrl, DATABASE);
    try {
      log(`seeding ${ACCOUNTS.toLocaleString("en-US")} accounts…`);
      const { orgId } = await seedPortfolio(handle, { accounts: ACCOUNTS, seed: 1, now: NOW, log: () => {} });
      const ctx = systemContext(handle.db, orgId, "bench-strategy", () => NOW);
      const targets = rowsOf<{ account_id: string; contact_point_id: string; template_id: string }>(
        await handle.db.execute(sql`
          select distinct on (a.id) a.id as account_id, c.id as contact_point_id, t.id as template_id
          from accounts a
          join debtors d on d.id = a.debtor_id
          join contact_points c on c.debtor_id = a.debtor_id and c.kind = 'email'
          join message_templates t on t.org_id = a.org_id and t.channel = 'email' and t.language = d.language
          where a.org_id = ${orgId} and a.status = 'active'
            -- Addresses with an email safe harbor (ELEC-06), outside the states whose disclosures the starter
            -- template lacks (a strategy sends those their state's variant): mostly sends, some blocks all the same.
            and (c.source = 'debtor' or c.consent <> 'none')
            and not exists (select 1 from contact_points s where s.debtor_id = a.debtor_id and s.state in ('CA', 'NY'))
          order by a.id, c.is_primary desc`),
      );
      const warmupBatches = sampling.warmup ?? 1;
      const batches = Math.min(sampling.runs ?? 10, Math.floor(targets.length / BATCH) - warmupBatches);
      if (batches < 1) throw new Error(`Only ${targets.length} accounts with an email address`);
      log(`${targets.length.toLocaleString("en-US")} accounts with an email address; ${batches} batches of ${BATCH}`);

      const requests = (k: number): SendRequest[] =>
        targets.slice(k * BATCH, (k + 1) * BATCH).map((t) => ({
          accountId: t.account_id,
          templateId: t.template_id,
          contactPointId: t.contact_point_id,
          idempotencyKey: `bench-email-${t.account_id}`,
        }));
      const statuses = new Map<string, number>();
      const times: number[] = [];
      for (let k = 0; k < warmupBatches + batches; k++) {
        const batch = requests(k);
        const t0 = performance.now();
        const outcomes = await sendMessages(ctx, batch);
        const ms = performance.now() - t0;
        if (k < warmupBatches) continue;
        times.push(ms);
        for (const o of outcomes) statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
      }
      const total = times.reduce((a, b) => a + b, 0);
      const sent = batches * BATCH;
      times.sort((a, b) => a - b);
      report({
        metric: `emails rendered and recorded (${sent} in batches of ${BATCH})`,
        value: round((sent / total) * 1000, 0),
        unit: "emails/s",
      });
      report({ metric: "batch of 500 p50", value: round(percentile(times, 50)), unit: "ms" });
      report({ metric: "batch of 500 max", value: round(times[times.length - 1]!), unit: "ms" });
      for (const [status, n] of [...statuses].sort()) report({ metric: `outcome ${status}`, value: n, unit: "emails" });

      // Rendering alone (react-email once per template version, then the values filled in), for the split.
      const sender = await readSender(handle.db, orgId);
      const sample = targets.slice(0, 2_000);
      const values = await accountValues(handle.db, orgId, [...new Set(sample.map((t) => t.account_id))], sender, {
        now: NOW,
      });
      const versions = rowsOf<{
        id: string;
        template_id: string;
        subject: string | null;
        body: string;
        language: "en" | "es";
      }>(
        await handle.db.execute(sql`select v.id, v.template_id, v.subject, v.body, t.language
          from template_versions v join message_templates t on t.published_version_id = v.id
          where t.org_id = ${orgId} and t.channel = 'email'`),
      );
      const versionOf = new Map(versions.map((v) => [v.template_id, v]));
      const r0 = performance.now();
      for (const t of sample) {
        const v = versionOf.get(t.template_id)!;
        await renderVersion(
          v,
          "email",
          { ...values.get(t.account_id)!.values, unsubscribe_url: "https://x/u" },
          sender,
          v.language,
        );
      }
      report({
        metric: "rendering alone",
        value: round((sample.length / (performance.now() - r0)) * 1000, 0),
        unit: "emails/s",
      });
    } finally {
      await handle.close();
    }
  },
};
