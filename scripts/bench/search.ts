import { sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { listAccounts } from "@/server/modules/accounts/list-accounts";
import { runCases, type Benchmark } from "./harness";
import { benchOrg, openSeeded, staffContext } from "./seeded";

/** Debtors searched for, spread through the portfolio; each case rotates through them. */
const SAMPLES = 25;

type Sample = { id: string; first: string; last: string; phone: string; email: string | null; ref: string };

/** One plausible typo: two neighbouring letters swapped in the middle of the name (Jonhson for Johnson). */
export function withTypo(name: string): string {
  if (name.length < 4) return `${name}${name.at(-1) ?? ""}`;
  const i = Math.floor(name.length / 2) - 1;
  return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
}

/** +16038150737 as people type it: (603) 815-0737. */
export function formatNanp(e164: string): string {
  const d = e164.replace(/^\+1/, "");
  return `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`;
}

/**
 * Server time of the accounts list's search box (listAccounts `q`) by debtor name (exact and with a typo),
 * phone number typed differently from how it is stored, reference prefix and email.
 * Acceptance: p95 <= 100 ms on 1,000,000 accounts.
 */
export const searchBenchmark: Benchmark = {
  async run({ accounts, serverUrl, log, report, sampling }) {
    const handle = await openSeeded(serverUrl, accounts, log);
    try {
      const { org, agents } = await benchOrg(handle.db);
      const ctx = staffContext(handle.db, org.id, agents[0]!);
      // Debtors at even intervals of their seeded customer number, so the samples do not cluster.
      const debtorCount = Number(
        rowsOf<{ n: number }>(
          await handle.db.execute(sql`select count(*)::int as n from debtors where org_id = ${org.id}`),
        )[0]!.n,
      );
      const step = Math.max(1, Math.floor(debtorCount / SAMPLES));
      const refs = Array.from({ length: SAMPLES }, (_, k) => `CUST-${String(k * step + 1).padStart(9, "0")}`);
      const samples = rowsOf<Sample>(
        await handle.db.execute(sql`
          select d.id, d.first_name as first, d.last_name as last,
                 (select value from contact_points c where c.debtor_id = d.id and c.kind = 'phone' order by is_primary desc limit 1) as phone,
                 (select value from contact_points c where c.debtor_id = d.id and c.kind = 'email' limit 1) as email,
                 (select external_ref from accounts a where a.debtor_id = d.id order by external_ref limit 1) as ref
          from debtors d
          where d.org_id = ${org.id} and d.external_id in (${sql.join(
            refs.map((r) => sql`${r}`),
            sql`, `,
          )})
          order by d.external_id`),
      );
      const withEmail = samples.filter((s) => s.email !== null);
      const search = (q: string) => listAccounts({ ctx, input: { q } });
      type Row = Awaited<ReturnType<typeof search>>["rows"][number];
      // Names repeat (some 80 debtors share each first and last name pair), so a name search is right when it
      // finds people of that name; the other searches must find the debtor.
      const sameName = (s: Sample) => (r: Row) => r.debtorName.toLowerCase() === `${s.first} ${s.last}`.toLowerCase();
      const sameLast = (s: Sample) => (r: Row) => r.debtorName.toLowerCase().endsWith(` ${s.last.toLowerCase()}`);
      const queries: [string, readonly Sample[], (s: Sample) => string, ((s: Sample) => (r: Row) => boolean)?][] = [
        ["full name, exact", samples, (s) => `${s.first} ${s.last}`, sameName],
        ["full name, one typo", samples, (s) => `${s.first} ${withTypo(s.last)}`, sameName],
        ["last name only", samples, (s) => s.last, sameLast],
        ["phone, typed (NNN) NNN-NNNN", samples, (s) => formatNanp(s.phone)],
        ["phone, digits only", samples, (s) => s.phone.replace(/^\+1/, "")],
        ["reference prefix", samples, (s) => s.ref.slice(0, -2)],
        ["reference, exact", samples, (s) => s.ref],
        ["email, exact", withEmail, (s) => s.email!],
      ];

      // Fast and wrong is no use: how often what was searched for is on the first page of results.
      for (const [label, list, text, matches] of queries) {
        let found = 0;
        for (const s of list) {
          const hit = matches ? matches(s) : (r: Row) => r.debtorId === s.id;
          if ((await search(text(s))).rows.some(hit)) found++;
          else log(`  ${label}: nothing right on the first page for "${text(s)}"`);
        }
        report({
          metric: `${label}: found on the first page`,
          value: Math.round((100 * found) / list.length),
          unit: "%",
        });
      }
      log(`search: ${samples.length} debtors, e.g. "${samples[0]!.first} ${samples[0]!.last}"`);
      await runCases(
        queries.map(([label, list, text]) => [label, (i: number) => search(text(list[i % list.length]!))] as const),
        report,
        log,
        sampling,
      );
    } finally {
      await handle.close();
    }
  },
};
