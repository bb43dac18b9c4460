import { areaCodeZone, stateByCode } from "@/db/seed/us-geo";

/** Where a contact point's zone came from: an address is stronger evidence than a (portable) phone number. */
export const TIME_ZONE_SOURCES = ["address_state", "address_zip", "area_code"] as const;
export type TimeZoneSource = (typeof TIME_ZONE_SOURCES)[number];
export type DerivedZone =
  { timeZone: string; timeZoneSource: TimeZoneSource } | { timeZone: null; timeZoneSource: null };

const UNKNOWN: DerivedZone = { timeZone: null, timeZoneSource: null };

/** Territories are not in the demo geography; each lies in a single zone. */
const TERRITORY_ZONES: Record<string, string> = {
  PR: "America/Puerto_Rico",
  VI: "America/St_Thomas",
  GU: "Pacific/Guam",
  MP: "Pacific/Saipan",
  AS: "Pacific/Pago_Pago",
};

/**
 * A NANP number's zone from its area code, or unknown when the code spans zones or is not a US one. Unknown is
 * kept as unknown (not guessed) so the compliance gate can apply the most restrictive calling window.
 */
export function phoneTimeZone(phone: { country: string | undefined; areaCode: number | undefined }): DerivedZone {
  if (phone.country !== "US" || phone.areaCode === undefined) return UNKNOWN;
  const zone = areaCodeZone(phone.areaCode);
  return zone ? { timeZone: zone, timeZoneSource: "area_code" } : UNKNOWN;
}

/** A US address's zone: from the state when it has one zone, else from the ZIP's first three digits. */
export function addressTimeZone(address: { state: string; postalCode: string }): DerivedZone {
  const territory = TERRITORY_ZONES[address.state];
  if (territory) return { timeZone: territory, timeZoneSource: "address_state" };
  const state = stateByCode(address.state);
  if (!state) return UNKNOWN;
  const zones = new Set(state.regions.map((r) => r.zone));
  if (zones.size === 1) return { timeZone: [...zones][0]!, timeZoneSource: "address_state" };
  const zip3 = Number(address.postalCode.slice(0, 3));
  const matching = new Set(
    state.regions.filter((r) => r.zipRanges.some(([lo, hi]) => zip3 >= lo && zip3 <= hi)).map((r) => r.zone),
  );
  return matching.size === 1 ? { timeZone: [...matching][0]!, timeZoneSource: "address_zip" } : UNKNOWN;
}
