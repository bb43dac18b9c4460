import { and, asc, eq, inArray, like, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { accounts, notes } from "@/db/schema";
import { systemContext, withTransaction, type ServiceContext } from "@/server/lib/context";
import { getAccount } from "@/server/modules/accounts/get-account";
import { recordAudit } from "@/server/modules/audit/record";
import { listTimeline } from "@/server/modules/timeline/list-timeline";
import { round, runCases, type Benchmark } from "./harness";
import { benchOrg, openSeeded, staffContext } from "./seeded";

/** Accounts given a long history, and how long. */
const FIXTURE_ACCOUNTS = 5;
const TIMELINE_EVENTS = 200;
/** Marks the fixture's notes, so a second run finds the accounts it prepared instead of adding more. */
const MARK = "[bench] ";

/** Every event of an account's timeline, by walking all its pages. */
async function countTimeline(ctx: ServiceContext, accountId: string): Promise<number> {
  let n = 0;
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listTimeline>> = await listTimeline({
      ctx,
      input: { accountId, cursor, limit: 100 },
    });
    n += page.items.length;
    cursor = page.nextCursor ?? null;
  } while (cursor);
  return n;
}

/**
 * Tops the history of `accountId` up to TIMELINE_EVENTS: calls (about a third), notes, completed tasks and
 * audited changes, spread over the last 90 days. Only rows of this account are added (its last contact moves to
 * the latest call, as logging a call would do); audit events go through recordAudit so the chain stays valid.
 */
async function growHistory(db: Database, orgId: string, accountId: string, missing: number, agentId: string) {
  const calls = Math.round(missing * 0.35);
  const noteCount = Math.round(missing * 0.25);
  const taskCount = Math.round(missing * 0.15);
  const audits = missing - calls - noteCount - taskCount;
  await db.transaction(async (tx) => {
    // Each source spread over the last 90 days (7,776,000 s), newest a few minutes ago.
    await tx.execute(sql`
      insert into interactions (org_id, debtor_id, account_id, account_ids, channel, direction, contact_point_id,
        address, person_reached, outcome, conversation, duration_seconds, note, occurred_at, agent_id, created_at)
      select a.org_id, a.debtor_id, a.id, array[a.id], 'call', 'outbound', c.id, c.value,
        (case when k % 7 = 0 then 'debtor' else 'none' end)::person_reached,
        (case when k % 7 = 0 then 'right_party_contact' when k % 2 = 0 then 'voicemail_left' else 'no_answer' end)::call_outcome,
        k % 7 = 0, 20 + k % 300, case when k % 7 = 0 then ${`${MARK}call`} end,
        now() - make_interval(secs => k * (7776000 / ${calls + 1}) + 301), ${agentId},
        now() - make_interval(secs => k * (7776000 / ${calls + 1}) + 301)
      from accounts a
      cross join generate_series(1, ${calls}) k
      join lateral (select id, value from contact_points where debtor_id = a.debtor_id and kind = 'phone'
                    order by is_primary desc limit 1) c on true
      where a.id = ${accountId} and a.org_id = ${orgId}`);
    await tx.execute(sql`
      update accounts a set last_contact_at = greatest(a.last_contact_at,
        (select max(occurred_at) from interactions i where i.account_id = a.id))
      where a.id = ${accountId} and a.org_id = ${orgId}`);
    await tx.execute(sql`
      insert into notes (org_id, account_id, author_id, body, created_at)
      select ${orgId}, ${accountId}, ${agentId}, ${MARK} || 'Note ' || k || ': debtor circumstances, follow-up agreed',
        now() - make_interval(secs => k * (7776000 / ${noteCount + 1}) + 302)
      from generate_series(1, ${noteCount}) k`);
    await tx.execute(sql`
      insert into tasks (org_id, account_id, kind, title, due_at, assignee_id, status, created_by_id, created_at,
        completed_at, completed_by_id)
      select ${orgId}, ${accountId}, 'follow_up', 'Follow up ' || k,
        now() - make_interval(secs => k * (7776000 / ${taskCount + 1})), ${agentId}, 'done', ${agentId},
        now() - make_interval(secs => k * (7776000 / ${taskCount + 1}) + 303),
        now() - make_interval(secs => k * (7776000 / ${taskCount + 1}) - 60), ${agentId}
      from generate_series(1, ${taskCount}) k`);
    const base = Date.now();
    for (let k = 1; k <= audits; k++) {
      const when = new Date(base - k * Math.floor(7_776_000_000 / (audits + 1)) - 304_000);
      await withTransaction(
        systemContext(tx as unknown as Database, orgId, "bench", () => when),
        (ctx) =>
          recordAudit(ctx, {
            action: k % 2 ? "account.tags_changed" : "account.status_changed",
            entityType: "account",
            entityId: accountId,
            before: k % 2 ? { tags: [] } : { status: "active" },
            after: k % 2 ? { tags: ["hardship"] } : { status: "active" },
          }),
      );
    }
  });
}

/**
 * Server time of opening an account: getAccount (header, contacts, balance, ledger, other accounts) and the first
 * page of its timeline, for accounts with TIMELINE_EVENTS events. Acceptance: p95 <= 100 ms on 1,000,000
 * accounts. The fixture accounts are prepared once in the benchmark database (and found again on later runs).
 */
export const workspaceBenchmark: Benchmark = {
  async run({ accounts: total, serverUrl, log, report, sampling }) {
    const handle = await openSeeded(serverUrl, total, log);
    try {
      const db = handle.db;
      const { org, agents } = await benchOrg(db);
      // The least-loaded agent's accounts: the next-account benchmark walks the busiest agent's queue.
      const owner = agents[agents.length - 1]!;
      const ctx = staffContext(db, org.id, owner);

      let ids = (
        await db
          .selectDistinct({ id: notes.accountId })
          .from(notes)
          .where(and(eq(notes.orgId, org.id), like(notes.body, `${MARK}%`)))
      ).map((r) => r.id);
      if (ids.length < FIXTURE_ACCOUNTS) {
        const picked = await db
          .select({ id: accounts.id })
          .from(accounts)
          .where(and(eq(accounts.orgId, org.id), eq(accounts.assigneeId, owner.id), eq(accounts.status, "active")))
          .orderBy(asc(accounts.externalRef))
          .limit(FIXTURE_ACCOUNTS);
        ids = picked.map((p) => p.id);
        log(`workspace: giving ${ids.length} accounts ${TIMELINE_EVENTS} timeline events each…`);
        // Bulk actions file one audit event naming every account they changed; the timeline finds them by id.
        const others = await db
          .select({ id: accounts.id })
          .from(accounts)
          .where(and(eq(accounts.orgId, org.id), eq(accounts.assigneeId, owner.id)))
          .limit(5_000);
        await withTransaction(systemContext(db, org.id, "bench"), (tx) =>
          recordAudit(tx, {
            action: "account.bulk_assigned",
            entityType: "account",
            entityId: null,
            after: { assigneeId: owner.id, accountIds: [...new Set([...ids, ...others.map((o) => o.id)])] },
          }),
        );
        // After the bulk event, which is one of the 200.
        for (const id of ids) {
          const existing = await countTimeline(ctx, id);
          if (existing < TIMELINE_EVENTS) await growHistory(db, org.id, id, TIMELINE_EVENTS - existing, owner.id);
        }
      }
      const sizes = await Promise.all(ids.map((id) => countTimeline(ctx, id)));
      report({ metric: "fixture accounts", value: ids.length, unit: "accounts" });
      report({ metric: "timeline events per fixture account (min)", value: Math.min(...sizes), unit: "events" });
      report({
        metric: "timeline events per fixture account (mean)",
        value: round(sizes.reduce((a, b) => a + b, 0) / sizes.length),
        unit: "events",
      });
      const fixture = await db.select({ id: accounts.id }).from(accounts).where(inArray(accounts.id, ids));
      if (fixture.length !== ids.length) throw new Error("workspace fixture accounts went missing");

      const pick = (i: number) => ids[i % ids.length]!;
      const open = (i: number) => getAccount({ ctx, input: { accountId: pick(i) } });
      const timeline = (i: number) => listTimeline({ ctx, input: { accountId: pick(i) } });
      await runCases(
        [
          ["getAccount + first timeline page, sequential", async (i) => (await open(i), await timeline(i))],
          ["getAccount + first timeline page, in parallel", (i) => Promise.all([open(i), timeline(i)])],
          ["getAccount alone", open],
          ["first timeline page alone", timeline],
          [
            "timeline filtered to calls",
            (i) => listTimeline({ ctx, input: { accountId: pick(i), kinds: ["interaction"] } }),
          ],
        ],
        report,
        log,
        sampling,
      );
    } finally {
      await handle.close();
    }
  },
};
