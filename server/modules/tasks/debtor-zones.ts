import { sql, type SQL } from "drizzle-orm";
import { canonicalTimeZone } from "./zoned-time";

/**
 * The candidate IANA zones of a debtor: every zone recorded on a contact point that is not known to be wrong.
 * When they disagree all of them are shown (and the compliance gate must respect every one). The pure twin for
 * rows already loaded is `candidateTimeZones`.
 */
export function debtorZonesSql(debtorId: SQL | string, orgId: SQL | string): SQL<string[]> {
  return sql<string[]>`array(
    select distinct cp.time_zone from contact_points cp
    where cp.debtor_id = ${debtorId} and cp.org_id = ${orgId} and cp.time_zone is not null and cp.validity <> 'invalid'
    order by 1
  )`;
}

export function candidateTimeZones(
  contacts: readonly { timeZone: string | null; validity: string; isPrimary?: boolean }[],
): string[] {
  const zones = new Set<string>();
  for (const c of contacts) if (c.timeZone && c.validity !== "invalid") zones.add(c.timeZone);
  return usableZones([...zones]);
}

/** Zones a formatter can use, canonical and sorted; a malformed imported value is dropped rather than crash a page. */
export function usableZones(zones: readonly string[]): string[] {
  const out = new Set<string>();
  for (const z of zones) {
    const canonical = canonicalTimeZone(z);
    if (canonical) out.add(canonical);
  }
  return [...out].sort();
}
