import { US_STATES } from "@/db/seed/us-geo";
import { US_STATE_CODES } from "@/server/modules/contacts/contacts.schemas";
import { toParsed, type Parsed, type TextOutcome } from "./types";

export type UsStateCode = (typeof US_STATE_CODES)[number];

const STATE_NAMES: Record<UsStateCode, string> = {
  AL: "Alabama", AK: "Alaska", AZ: "Arizona", AR: "Arkansas", CA: "California", CO: "Colorado", CT: "Connecticut",
  DE: "Delaware", DC: "District of Columbia", FL: "Florida", GA: "Georgia", HI: "Hawaii", ID: "Idaho",
  IL: "Illinois", IN: "Indiana", IA: "Iowa", KS: "Kansas", KY: "Kentucky", LA: "Louisiana", ME: "Maine",
  MD: "Maryland", MA: "Massachusetts", MI: "Michigan", MN: "Minnesota", MS: "Mississippi", MO: "Missouri",
  MT: "Montana", NE: "Nebraska", NV: "Nevada", NH: "New Hampshire", NJ: "New Jersey", NM: "New Mexico",
  NY: "New York", NC: "North Carolina", ND: "North Dakota", OH: "Ohio", OK: "Oklahoma", OR: "Oregon",
  PA: "Pennsylvania", RI: "Rhode Island", SC: "South Carolina", SD: "South Dakota", TN: "Tennessee", TX: "Texas",
  UT: "Utah", VT: "Vermont", VA: "Virginia", WA: "Washington", WV: "West Virginia", WI: "Wisconsin", WY: "Wyoming",
  PR: "Puerto Rico", VI: "U.S. Virgin Islands", GU: "Guam", MP: "Northern Mariana Islands", AS: "American Samoa",
}; // prettier-ignore

export function stateName(code: string): string {
  return STATE_NAMES[code as UsStateCode] ?? code;
}

const normal = (s: string) => s.toLowerCase().replace(/[.']/g, "").replace(/\s+/g, " ").trim();

const BY_NAME = new Map<string, UsStateCode>();
for (const code of US_STATE_CODES) {
  BY_NAME.set(code.toLowerCase(), code);
  BY_NAME.set(normal(STATE_NAMES[code]), code);
}
BY_NAME.set("washington dc", "DC");
BY_NAME.set("washington, dc", "DC");
BY_NAME.set("virgin islands", "VI");
BY_NAME.set("us virgin islands", "VI");
BY_NAME.set("northern marianas", "MP");

/** A state cell: a USPS code (any case, "N.Y." too) or the full name, "California" → CA. */
export function parseState(raw: string): Parsed<UsStateCode> {
  return toParsed(stateOr(raw));
}

/** parseState without the result object: the value, or a Failure. */
export function stateOr(raw: string): TextOutcome<UsStateCode> {
  const text = raw.trim();
  if (!text) return { ok: false, message: "is empty" };
  const code = text.length === 2 ? BY_NAME.get(text.toLowerCase()) : BY_NAME.get(normal(text));
  if (code) return code;
  return {
    ok: false,
    message: `"${text}" is not a US state: use its 2-letter code (CA, NY, DC) or its full name`,
  };
}

/** Which states use each 3-digit ZIP prefix (from the geography the time zones come from, plus territories). */
const ZIP3_STATES: string[][] = Array.from({ length: 1000 }, () => []);
for (const state of US_STATES) {
  for (const region of state.regions) {
    for (const [lo, hi] of region.zipRanges) {
      for (let z = lo; z <= hi; z++) if (!ZIP3_STATES[z]!.includes(state.code)) ZIP3_STATES[z]!.push(state.code);
    }
  }
}
for (const [code, prefixes] of [
  ["PR", [6, 7, 9]],
  ["VI", [8]],
  ["GU", [969]],
  ["MP", [969]],
  ["AS", [967]],
] as const) {
  for (const z of prefixes) ZIP3_STATES[z]!.push(code);
}

/** States every one of whose ZIP codes starts with 0: a 4-digit ZIP there can only have lost that zero. */
export const LEADING_ZERO_STATES: ReadonlySet<string> = new Set(
  US_STATE_CODES.filter((code) => {
    const prefixes = ZIP3_STATES.flatMap((states, z) => (states.includes(code) ? [z] : []));
    return prefixes.length > 0 && prefixes.every((z) => z < 100);
  }),
);

/**
 * Neighbouring states: a ZIP code can cross a state line (Fort Campbell's 42223 is a Kentucky ZIP with Tennessee
 * addresses; Fishers Island, NY is 06390), so a ZIP is only refused for a state that is not its state's neighbour.
 */
const BORDERS =
  "AL-FL AL-GA AL-MS AL-TN AZ-CA AZ-CO AZ-NM AZ-NV AZ-UT AR-LA AR-MO AR-MS AR-OK AR-TN AR-TX CA-NV CA-OR CO-KS " +
  "CO-NE CO-NM CO-OK CO-UT CO-WY CT-MA CT-NY CT-RI DE-MD DE-NJ DE-PA DC-MD DC-VA FL-GA GA-NC GA-SC GA-TN ID-MT " +
  "ID-NV ID-OR ID-UT ID-WA ID-WY IL-IA IL-IN IL-KY IL-MO IL-WI IN-KY IN-MI IN-OH IA-MN IA-MO IA-NE IA-SD IA-WI " +
  "KS-MO KS-NE KS-OK KY-MO KY-OH KY-TN KY-VA KY-WV LA-MS LA-TX ME-NH MD-PA MD-VA MD-WV MA-NH MA-NY MA-RI MA-VT " +
  "MI-OH MI-WI MN-ND MN-SD MN-WI MS-TN MO-NE MO-OK MO-TN MT-ND MT-SD MT-WY NE-SD NE-WY NV-OR NV-UT NH-VT NJ-NY " +
  "NJ-PA NM-OK NM-TX NM-UT NY-PA NY-VT NC-SC NC-TN NC-VA ND-SD OH-PA OH-WV OK-TX OR-WA PA-WV SD-WY TN-VA UT-WY " +
  "VA-WV GU-MP";
const NEIGHBOURS = new Set(BORDERS.split(" ").flatMap((pair) => [pair, pair.split("-").reverse().join("-")]));

const ZIP = /^(\d{5})(?:[- ]?(\d{4}))?$/;
const SHORT_ZIP = /^(\d{4})(?:[- ]?(\d{4}))?$/;

/** The ZIP prefix is the state's, or a neighbour's (see BORDERS). */
function belongs(owners: readonly string[], state: string): boolean {
  for (const owner of owners) if (owner === state || NEIGHBOURS.has(`${owner}-${state}`)) return true;
  return false;
}

function isFiveDigits(text: string): boolean {
  if (text.length !== 5) return false;
  for (let i = 0; i < 5; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function format(five: string, four: string | undefined): string {
  return four ? `${five}-${four}` : five;
}

/**
 * A ZIP cell → "85004" or "85004-1234", checked against the state when there is one. Spreadsheets drop the
 * leading zero of New England, New Jersey and Puerto Rico ZIPs ("2134"): it is restored only for a state whose
 * ZIPs all start with 0 (then there is no other reading); anywhere else a 4-digit ZIP is refused, not guessed.
 */
export function parseZip(raw: string, state?: string | null): Parsed<string> {
  return toParsed(zipOr(raw, state));
}

/** parseZip without the result object: the value, or a Failure. */
export function zipOr(raw: string, state?: string | null): TextOutcome<string> {
  const text = raw.trim();
  if (!text) return { ok: false, message: "is empty" };
  let zip: string;
  if (isFiveDigits(text)) zip = text;
  else {
    const m = ZIP.exec(text);
    if (m) zip = format(m[1]!, m[2]);
    else {
      const short = SHORT_ZIP.exec(text);
      if (!short) {
        return { ok: false, message: `"${text}" is not a US ZIP code: use 5 digits or ZIP+4 (85004 or 85004-1234)` };
      }
      if (!state || !LEADING_ZERO_STATES.has(state)) {
        return {
          ok: false,
          message:
            `"${text}" has 4 digits: a spreadsheet may have dropped a leading zero (0${text}?); ` +
            "write the ZIP code with all 5 digits",
        };
      }
      zip = format(`0${short[1]}`, short[2]);
    }
  }
  const zip3 = (zip.charCodeAt(0) - 48) * 100 + (zip.charCodeAt(1) - 48) * 10 + (zip.charCodeAt(2) - 48);
  if (zip3 < 5) return { ok: false, message: `"${text}" is not a ZIP code in use` };
  const owners = ZIP3_STATES[zip3]!;
  if (state && owners.length > 0 && !belongs(owners, state)) {
    return {
      ok: false,
      message: `"${text}" is a ${owners.map(stateName).join(" or ")} ZIP code, but the state is ${state}`,
    };
  }
  return zip;
}
