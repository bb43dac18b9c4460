import { parsePhoneNumberFromString } from "libphonenumber-js";
import { and, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db";
import { accounts } from "@/db/schema";
import { ValidationError } from "@/server/lib/errors";
import { heldAccountCondition } from "@/server/modules/holds/active-holds";
import { addDays } from "./aging";
import { bucketCondition, dpdRangeCondition } from "./aging-sql";
import {
  filterRangeIssues,
  type AccountFilters,
  type EffectivePromiseStatus,
  type PromiseFilter,
} from "./accounts.schemas";

/**
 * The one translation of account filters to SQL: the list, "all matching" bulk actions, CSV export and work
 * queues all select accounts through it, so a filter means the same thing everywhere.
 */
export function accountConditions(orgId: string, q: AccountFilters, today: string): SQL {
  const issues = filterRangeIssues(q);
  if (issues.length) throw new ValidationError(issues.map((i) => i.message).join("; "), issues);

  const where: (SQL | undefined)[] = [eq(accounts.orgId, orgId)];
  if (q.status?.length) where.push(inArray(accounts.status, q.status));
  if (q.bucket?.length) where.push(or(...q.bucket.map((b) => bucketCondition(b, today))));
  if (q.minDpd !== undefined || q.maxDpd !== undefined) where.push(dpdRangeCondition(q.minDpd, q.maxDpd, today));
  if (q.creditorId) where.push(eq(accounts.creditorId, q.creditorId));
  if (q.state) where.push(eq(accounts.jurisdictionState, q.state));
  if (q.assignee === "unassigned") where.push(isNull(accounts.assigneeId));
  else if (q.assignee) where.push(eq(accounts.assigneeId, q.assignee));
  if (q.minBalance !== undefined) where.push(gte(accounts.balanceMinor, q.minBalance));
  if (q.maxBalance !== undefined) where.push(lte(accounts.balanceMinor, q.maxBalance));
  // `&&` (overlaps) is what the GIN index on tags answers.
  if (q.tags?.length) where.push(sql`${accounts.tags} && ${textArray(q.tags)}`);
  if (q.hasHold === "any") where.push(heldAccountCondition(orgId));
  else if (q.hasHold === "none") where.push(sql`not ${heldAccountCondition(orgId)}`);
  else if (q.hasHold?.length) where.push(heldAccountCondition(orgId, q.hasHold));
  where.push(lastContactCondition(q, today));
  if (q.promise?.length) where.push(or(...q.promise.map((p) => promiseCondition(p, today))));
  if (q.q) where.push(sql`${accounts.id} in (select s.id from (${searchMatches(orgId, q.q)}) s)`);
  return and(...where)!;
}

/** A text[] parameter (one bound value, however many elements: a long IN list would use one parameter each). */
export function textArray(values: readonly string[]): SQL {
  const literal = `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;
  return sql`${literal}::text[]`;
}

/** A uuid[] parameter, for "id = any(...)" over a selection of any size. */
export function uuidArray(values: readonly string[]): SQL {
  return sql`${`{${values.join(",")}}`}::uuid[]`;
}

// ------------------------------------------------------------------------------------------------ last contact

/** Midnight UTC starting a calendar day, as an instant. */
function startOfDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/**
 * Days since last contact counts UTC calendar days, like days past due: contacted yesterday is 1. Translated to
 * an instant range so the (org_id, last_contact_at) index answers it.
 */
function lastContactCondition(q: AccountFilters, today: string): SQL | undefined {
  const { minDaysSinceContact: min, maxDaysSinceContact: max, neverContacted } = q;
  const range =
    min === undefined && max === undefined
      ? undefined
      : and(
          min === undefined ? undefined : lt(accounts.lastContactAt, startOfDay(addDays(today, -min + 1))),
          max === undefined ? undefined : gte(accounts.lastContactAt, startOfDay(addDays(today, -max))),
        );
  if (!neverContacted) return range;
  return range ? or(range, isNull(accounts.lastContactAt)) : isNull(accounts.lastContactAt);
}

// ----------------------------------------------------------------------------------------------------- promise

/**
 * The broken-promise rule, in one place: a pending promise whose date has passed is broken, whether or not a job
 * has marked it yet. Everything else reads the stored status. Both halves are plain ranges on promise_due_on so
 * the (org_id, promise_status, promise_due_on) index serves them.
 */
function pendingPastDue(today: string): SQL {
  return and(eq(accounts.promiseStatus, "pending"), lt(accounts.promiseDueOn, today))!;
}
function pendingNotYetDue(today: string): SQL {
  return and(
    eq(accounts.promiseStatus, "pending"),
    or(isNull(accounts.promiseDueOn), gte(accounts.promiseDueOn, today)),
  )!;
}

/** The promise status an account shows today (null: no promise), for selects and orderings. */
export function effectivePromiseStatus(today: string): SQL<EffectivePromiseStatus | null> {
  return sql<EffectivePromiseStatus | null>`(case when ${pendingPastDue(today)} then 'broken' else ${accounts.promiseStatus}::text end)`;
}

/** "This account's promise is `status` today", written so the (org_id, promise_status, promise_due_on) index serves it. */
export function promiseCondition(status: PromiseFilter, today: string): SQL {
  switch (status) {
    case "none":
      return isNull(accounts.promiseStatus);
    case "broken":
      return or(eq(accounts.promiseStatus, "broken"), pendingPastDue(today))!;
    case "pending":
      return pendingNotYetDue(today);
    default:
      return eq(accounts.promiseStatus, status);
  }
}

// ------------------------------------------------------------------------------------------------------ search

/**
 * Minimum strict word similarity (pg_trgm) for a typo-tolerant name match: 0.3 keeps one swapped, missing or
 * wrong letter in a common surname ("Jonhson" → Johnson scores 0.33) while dropping most unrelated names.
 */
export const NAME_SIMILARITY = 0.3;

/** How many people with a spelling close to a misspelt name a search considers, closest spelling first. */
export const CLOSE_SPELLING_LIMIT = 1_000;

/**
 * Settings a query with a search needs, local to the caller's transaction: the similarity thresholds of the
 * trigram operators (the GIN indexes prune with them, so they cannot be plain WHEREs on the score), no JIT (it costs
 * more to compile than these index-driven queries take), no parallel workers (their start-up dominates), and the
 * cost of a random read of cached data (the default 4 prices a disk seek: with it, finding ten thousand accounts of
 * a common last name looked cheaper as a scan of all million, 280 ms instead of 80).
 */
export async function applyFilterSettings(db: Database): Promise<void> {
  await db.execute(
    sql`select set_config('pg_trgm.strict_word_similarity_threshold', ${String(NAME_SIMILARITY)}, true),
      set_config('pg_trgm.similarity_threshold', ${String(NAME_SIMILARITY)}, true),
      set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true),
      set_config('random_page_cost', '1.1', true)`,
  );
}

/** What a search input looks like, decided once so only the lookups that can match run. */
export type SearchPlan = {
  /** Lower-cased, whitespace collapsed. */
  text: string;
  /** A single token: may be (the start of) an account reference. */
  reference: boolean;
  /** E.164, when the input parses as a phone number (US unless it has a country code). */
  phone: string | null;
  /** Lower-cased, when the input is an email address. */
  email: string | null;
  /** Letters and no digits: a debtor's name. */
  name: boolean;
};

export function planSearch(input: string): SearchPlan {
  const text = input.trim().replace(/\s+/g, " ").toLowerCase();
  const isEmail = text.includes("@");
  let phone: string | null = null;
  const digits = text.replace(/\D/g, "").length;
  if (!isEmail && /^[+\d\s().-]+$/.test(text) && digits >= 7 && digits <= 15) {
    const parsed = parsePhoneNumberFromString(text, "US");
    if (parsed?.isPossible()) phone = parsed.number;
  }
  return {
    text,
    reference: !isEmail && !text.includes(" "),
    phone,
    email: isEmail ? text : null,
    name: !isEmail && /\p{L}/u.test(text) && !/\d/.test(text),
  };
}

/**
 * The spellings of an organization's first or last names (debtor_names) close to a typed word: at most one typo
 * (a letter wrong, missing or extra, or two neighbours swapped), the same sound (soundex: "Thomson" for
 * Thompson), or similar trigrams (a longer word with a few typos). Each lookup is index-backed, so the cost does
 * not grow with the number of spellings. One typo leaves the first half of the word intact or the second half
 * (found as a prefix of the reversed spelling), unless it swaps the two letters either side of the middle —
 * those swaps, and any other swap (Levenshtein counts a swap as two edits), are looked up by name.
 */
function closeSpellings(orgId: string, part: "first" | "last", word: string): SQL {
  const swaps = Array.from(
    { length: Math.max(0, word.length - 1) },
    (_, i) => word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2),
  );
  const half = Math.floor(word.length / 2);
  const head = likePrefix(word.slice(0, half));
  const reversedTail = likePrefix([...word.slice(half)].reverse().join(""));
  const spellings = (condition: SQL) =>
    sql`select n.name from debtor_names n where n.org_id = ${orgId} and n.part = ${part} and ${condition}`;
  const oneTypo = sql`levenshtein_less_equal(n.name, ${word}, 1) <= 1`;
  return sql.join(
    [
      spellings(sql`n.name like ${head} and ${oneTypo}`),
      spellings(sql`reverse(n.name) like ${reversedTail} and ${oneTypo}`),
      spellings(sql`n.name = any(${textArray(swaps)})`),
      spellings(sql`soundex(n.name) = soundex(${word})`),
      spellings(sql`n.name % ${word}`),
    ],
    sql` union `,
  );
}

function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The accounts a search finds, as `(id, rank)` rows (an account may appear more than once): exact reference,
 * phone or email 4, reference prefix 3, last-name prefix 2–3, similar name 0–1. Each lookup is index-backed and
 * they are joined by UNION ALL, never OR, which the planner could only answer by scanning every account.
 *
 * The typo-tolerant name lookup runs only when no last name starts with the input (and, for several words, no
 * full name contains it): when the name was typed right the exact lookups have already found it.
 */
export function searchMatches(orgId: string, input: string): SQL {
  const plan = planSearch(input);
  const prefix = likePrefix(plan.text);
  // Must be the expression of debtors_full_name_trgm_idx, character for character in meaning, to use it.
  const fullName = sql.raw(`lower(d.first_name || ' ' || d.last_name)`);
  const branches: SQL[] = [];
  if (plan.reference) {
    branches.push(sql`select r.id, (case when lower(r.external_ref) = ${plan.text} then 4 else 3 end)::real as rank
      from accounts r where r.org_id = ${orgId} and lower(r.external_ref) like ${prefix}`);
  }
  for (const [kind, value] of [
    ["phone", plan.phone],
    ["email", plan.email],
  ] as const) {
    if (!value) continue;
    branches.push(sql`select a.id, 4::real as rank from contact_points c
      join accounts a on a.debtor_id = c.debtor_id and a.org_id = ${orgId}
      where c.org_id = ${orgId} and c.kind = ${kind} and c.value = ${value}`);
  }
  let named: SQL | undefined;
  if (plan.name) {
    const similarity = sql`strict_word_similarity(${plan.text}, ${fullName})`;
    const byName = (condition: SQL) =>
      sql`select a.id, (2 + ${similarity})::real as rank
        from debtors d join accounts a on a.debtor_id = d.id and a.org_id = ${orgId}
        where d.org_id = ${orgId} and ${condition}`;
    // "Dana Doe", "dana do": the whole name as typed, found through the trigram index's LIKE support.
    const multiWord = plan.text.includes(" ");
    const exact = [byName(sql`lower(d.last_name) like ${prefix}`)];
    if (multiWord) exact.push(byName(sql`${fullName} like ${`%${likePrefix(plan.text)}`}`));
    // Materialized once, used twice: as matches, and to skip the misspelt-name lookup when the name was typed
    // right. (An EXISTS of its own let PostgreSQL bet on a sequential scan stopping early, which reads every
    // debtor when nobody has the name.)
    named = sql.join(exact, sql` union all `);
    branches.push(sql`select n.id, n.rank from named n`);
    if (plan.text.length >= 3) {
      // A misspelt name: the spellings in the organization's dictionary of names (debtor_names) that are one
      // typo away, sound alike or share most trigrams, then the people with those spellings, closest first.
      // With two words the first name must be close too.
      const words = plan.text.split(" ");
      // As arrays (`= any(array(...))`): PostgreSQL cannot estimate how few spellings an edit distance keeps,
      // and joined as a set it guessed thousands and read every debtor; an array it takes to be short.
      const lastNames = closeSpellings(orgId, "last", words[words.length - 1]!);
      const firstNames = multiWord
        ? sql` and lower(d.first_name) = any(array(${closeSpellings(orgId, "first", words[0]!)}))`
        : sql``;
      branches.push(sql`select a.id, (${similarity})::real as rank from (
          select d.id, d.first_name, d.last_name from debtors d
          where d.org_id = ${orgId} and lower(d.last_name) = any(array(${lastNames}))${firstNames}
            and not exists (select 1 from named)
          order by ${similarity} desc, d.id limit ${CLOSE_SPELLING_LIMIT}
        ) d join accounts a on a.debtor_id = d.id and a.org_id = ${orgId}`);
    }
  }
  // Nothing the input could be (e.g. "+-"): an empty result of the same shape.
  if (branches.length === 0) return sql`select null::uuid as id, 0::real as rank where false`;
  const union = sql.join(branches, sql` union all `);
  return named ? sql`with named as materialized (${named}) ${union}` : union;
}
