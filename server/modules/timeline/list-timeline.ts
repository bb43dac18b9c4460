import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { rowsOf } from "@/db";
import { users } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { ValidationError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { utcDate } from "@/server/modules/accounts/aging";
import { findAccountInOrg } from "@/server/modules/accounts/shared";
import { describeTimelineRow, type RawTimelineRow, type TimelineItem } from "./describe";
import { listTimelineInput, TIMELINE_KINDS, type ListTimelineInput, type TimelineKind } from "./timeline.schemas";

/**
 * Audit actions whose domain row is already on the timeline (with more detail): showing the event too would
 * tell the same thing twice.
 */
const SHOWN_AS_ROWS = [
  "account.note_added",
  "interaction.logged",
  "task.created",
  "promise.created",
  "hold.placed",
  "hold.released",
  "compliance.overridden",
];

type Cursor = { at: string; key: string };

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.at, c.key])).toString("base64url");
}

function decodeCursor(raw: string): Cursor {
  try {
    const [at, key] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown[];
    if (typeof at === "string" && typeof key === "string" && !Number.isNaN(Date.parse(at))) return { at, key };
  } catch {
    // fall through
  }
  throw new ValidationError("Malformed timeline cursor", [{ path: "cursor", message: "Malformed timeline cursor" }]);
}

/**
 * Everything that happened to an account, newest first, one page at a time: calls (including those logged from
 * another account of the debtor that discussed this one), notes, ledger movements, holds on the account or on
 * its debtor, tasks, promises and audited changes (status, assignment, tags, contact points, consent).
 *
 * Keyset pagination over (at, key): each source is read through its own index, newest first, at most one page
 * past the cursor, and the union is cut to the page — so the cost does not grow with the account's history.
 */
export async function listTimeline({ ctx, input }: { ctx: ServiceContext; input: ListTimelineInput }) {
  assertCan(ctx, "account.read");
  const q = parseInput(listTimelineInput, input);
  const account = await findAccountInOrg(ctx, q.accountId);
  const wanted = new Set<TimelineKind>(q.kinds?.length ? q.kinds : TIMELINE_KINDS);
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  const take = q.limit + 1;
  const org = ctx.orgId;
  const id = account.id;

  /** One source: `select` yields (kind, key, at, actor_id, actor_type, data); `at` names its time column. */
  const branch = (select: SQL, at: SQL, rawKey: SQL, where: SQL) => {
    // Byte order on the key, so the branches, the merge and the cursor agree whatever the database collation.
    const key = sql`(${rawKey}) collate "C"`;
    const after = cursor
      ? sql` and ${at} <= ${cursor.at}::timestamptz and (${at} < ${cursor.at}::timestamptz or ${key} < ${cursor.key})`
      : sql``;
    return sql`(${select} where ${where}${after} order by ${at} desc, ${key} desc limit ${take})`;
  };

  const branches: SQL[] = [];
  if (wanted.has("interaction")) {
    branches.push(
      branch(
        sql`select 'interaction'::text as kind, 'i:' || i.id as key, i.occurred_at as at, i.agent_id as actor_id,
          (case when i.agent_id is null then 'system' else 'staff' end)::text as actor_type,
          jsonb_build_object('channel', i.channel, 'direction', i.direction, 'outcome', i.outcome,
            'personReached', i.person_reached, 'conversation', i.conversation, 'durationSeconds', i.duration_seconds,
            'address', i.address, 'note', i.note, 'otherDebts', cardinality(i.account_ids) - 1) as data
          from interactions i`,
        sql`i.occurred_at`,
        sql`'i:' || i.id`,
        sql`i.org_id = ${org} and i.account_ids @> array[${id}]::uuid[]`,
      ),
    );
  }
  if (wanted.has("interaction")) {
    // Messages not (yet) in the contact history: scheduled for later, refused by the gate, failed.
    branches.push(
      branch(
        sql`select 'interaction'::text, 'm:' || m.id, m.created_at, m.created_by_id,
          (case when m.created_by_id is null then 'system' else 'staff' end)::text,
          jsonb_build_object('source', 'message', 'channel', m.channel, 'status', m.status, 'address', m.to_address,
            'subject', m.subject, 'excerpt', left(m.body_text, 160), 'scheduledFor', m.scheduled_for, 'error', m.error)
          from messages m`,
        sql`m.created_at`,
        sql`'m:' || m.id`,
        sql`m.org_id = ${org} and m.account_ids @> array[${id}]::uuid[] and m.interaction_id is null
          and m.direction = 'outbound'`,
      ),
    );
  }
  if (wanted.has("note")) {
    branches.push(
      branch(
        sql`select 'note'::text, 'n:' || n.id, n.created_at, n.author_id,
          (case when n.author_id is null then 'system' else 'staff' end)::text, jsonb_build_object('body', n.body)
          from notes n`,
        sql`n.created_at`,
        sql`'n:' || n.id`,
        sql`n.org_id = ${org} and n.account_id = ${id}`,
      ),
    );
  }
  if (wanted.has("ledger")) {
    branches.push(
      branch(
        sql`select 'ledger'::text, 'l:' || l.id, l.posted_at, null::uuid, 'system'::text,
          jsonb_build_object('ledgerKind', l.kind, 'principal', l.principal_minor, 'interest', l.interest_minor,
            'fees', l.fees_minor, 'currency', l.currency, 'effectiveOn', l.effective_on, 'description', l.description)
          from ledger_transactions l`,
        sql`l.posted_at`,
        sql`'l:' || l.id`,
        sql`l.org_id = ${org} and l.account_id = ${id}`,
      ),
    );
  }
  if (wanted.has("hold")) {
    const holdScope = sql`h.org_id = ${org} and (h.account_id = ${id} or (h.account_id is null and h.debtor_id = ${account.debtorId}))`;
    const holdData = (event: string) => sql`jsonb_build_object('event', ${event}::text, 'holdKind', h.kind,
      'scope', case when h.account_id is null then 'debtor' else 'account' end, 'reason', h.reason,
      'evidence', h.evidence, 'releaseReason', h.release_reason)`;
    branches.push(
      branch(
        sql`select 'hold'::text, 'hp:' || h.id, h.placed_at, h.placed_by_id,
          (case when h.placed_by_id is null then 'system' else 'staff' end)::text, ${holdData("placed")} from holds h`,
        sql`h.placed_at`,
        sql`'hp:' || h.id`,
        holdScope,
      ),
      branch(
        sql`select 'hold'::text, 'hr:' || h.id, h.released_at, h.released_by_id,
          (case when h.released_by_id is null then 'system' else 'staff' end)::text, ${holdData("released")} from holds h`,
        sql`h.released_at`,
        sql`'hr:' || h.id`,
        sql`${holdScope} and h.released_at is not null`,
      ),
    );
  }
  if (wanted.has("task")) {
    branches.push(
      branch(
        sql`select 'task'::text, 'tc:' || t.id, t.created_at, t.created_by_id,
          (case when t.created_by_id is null then 'system' else 'staff' end)::text,
          jsonb_build_object('source', 'row', 'taskKind', t.kind, 'title', t.title, 'note', t.note, 'dueAt', t.due_at,
            'assigneeId', t.assignee_id, 'status', t.status)
          from tasks t`,
        sql`t.created_at`,
        sql`'tc:' || t.id`,
        sql`t.org_id = ${org} and t.account_id = ${id}`,
      ),
    );
  }
  if (wanted.has("promise")) {
    branches.push(
      branch(
        sql`select 'promise'::text, 'pc:' || p.id, p.created_at, p.created_by_id,
          (case when p.created_by_id is null then 'system' else 'staff' end)::text,
          jsonb_build_object('source', 'row', 'amountMinor', p.amount_minor, 'currency', p.currency, 'dueOn', p.due_on,
            'status', p.status, 'viaCall', p.interaction_id is not null)
          from promises p`,
        sql`p.created_at`,
        sql`'pc:' || p.id`,
        sql`p.org_id = ${org} and p.account_id = ${id}`,
      ),
    );
  }
  if (wanted.has("compliance")) {
    // What the gate refused (and what a manager let through anyway); allowed decisions are in the calls above.
    branches.push(
      branch(
        sql`select 'compliance'::text, 'c:' || c.id, c.evaluated_at,
          (case when c.actor_type = 'staff' then c.actor_id::uuid end), c.actor_type,
          jsonb_build_object('channel', c.channel, 'purpose', c.purpose, 'rules', c.rules, 'reasons', c.reasons,
            'nextAllowedAt', c.next_allowed_at, 'overrideBy', c.override_by_id, 'overrideReason', c.override_reason,
            'ruleSetVersion', c.rule_set_version, 'actionAt', c.action_at)
          from compliance_decisions c`,
        sql`c.evaluated_at`,
        sql`'c:' || c.id`,
        sql`c.org_id = ${org} and c.account_ids @> array[${id}]::uuid[] and c.decision = 'block'`,
      ),
    );
  }
  // Audited changes, filed under the kind their action belongs to.
  const auditKinds: SQL[] = [];
  if (wanted.has("task")) auditKinds.push(sql`e.action like 'task.%'`);
  if (wanted.has("promise")) auditKinds.push(sql`e.action like 'promise.%'`);
  if (wanted.has("hold")) auditKinds.push(sql`e.action like 'hold.%'`);
  if (wanted.has("change"))
    auditKinds.push(sql`not (e.action like 'task.%' or e.action like 'promise.%' or e.action like 'hold.%')`);
  if (auditKinds.length) {
    const stripIds = (col: SQL) =>
      sql`case when jsonb_typeof(${col}) = 'object' then ${col} - 'accountIds' else ${col} end`;
    branches.push(
      branch(
        sql`select (case when e.action like 'task.%' then 'task' when e.action like 'promise.%' then 'promise'
            when e.action like 'hold.%' then 'hold' else 'change' end)::text,
          'a:' || lpad(e.seq::text, 20, '0'), e.occurred_at,
          (case when e.actor_type = 'staff' then e.actor_id::uuid end), e.actor_type,
          jsonb_build_object('source', 'audit', 'action', e.action, 'before', ${stripIds(sql`e.before`)},
            'after', ${stripIds(sql`e.after`)})
          from audit_events e`,
        sql`e.occurred_at`,
        sql`'a:' || lpad(e.seq::text, 20, '0')`,
        sql`e.org_id = ${org}
          and ((e.entity_type = 'account' and e.entity_id = ${id}) or e.after @> ${JSON.stringify({ accountIds: [id] })}::jsonb)
          and e.action not in (${sql.join(
            SHOWN_AS_ROWS.map((a) => sql`${a}`),
            sql`, `,
          )})
          and (${sql.join(auditKinds, sql` or `)})`,
      ),
    );
  }

  const result = await ctx.db.execute(sql`
    select t.kind, t.key, to_char(t.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_text,
      t.actor_type, u.name as actor_name, t.data
    from (${sql.join(branches, sql` union all `)}) as t (kind, key, at, actor_id, actor_type, data)
    left join users u on u.id = t.actor_id and u.org_id = ${org}
    order by t.at desc, t.key collate "C" desc
    limit ${take}`);
  const raw = rowsOf<{
    kind: TimelineKind;
    key: string;
    at_text: string;
    actor_type: string;
    actor_name: string | null;
    data: Record<string, unknown> | string;
  }>(result);

  const page = raw.slice(0, q.limit);
  const rows: (RawTimelineRow & { atText: string })[] = page.map((r) => ({
    kind: r.kind,
    key: r.key,
    at: new Date(r.at_text),
    atText: r.at_text,
    actorType: r.actor_type,
    actorName: r.actor_name,
    data: typeof r.data === "string" ? (JSON.parse(r.data) as Record<string, unknown>) : r.data,
  }));

  // Names of the people entries refer to (assignees, overriding managers), in one query.
  const referenced = new Set<string>();
  for (const r of rows) {
    const after = r.data.after as Record<string, unknown> | undefined;
    for (const v of [r.data.assigneeId, after?.assigneeId, r.data.overrideBy])
      if (typeof v === "string") referenced.add(v);
  }
  const names = new Map<string, string>();
  if (referenced.size) {
    const found = await ctx.db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.orgId, org), inArray(users.id, [...referenced])));
    for (const u of found) names.set(u.id, u.name);
  }
  const lookups = {
    userName: (v: unknown) => (typeof v === "string" ? (names.get(v) ?? null) : null),
    today: utcDate(ctx.now()),
  };

  const items: TimelineItem[] = rows.map((r) => describeTimelineRow(r, lookups));
  const last = rows[rows.length - 1];
  return {
    items,
    nextCursor: raw.length > q.limit && last ? encodeCursor({ at: last.atText, key: last.key }) : null,
  };
}
