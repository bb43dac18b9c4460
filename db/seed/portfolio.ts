import { eq, sql } from "drizzle-orm";
import { rowsOf, type Database, type DatabaseHandle } from "@/db";
import { creditors, jobRuns, organizations, users } from "@/db/schema";
import { ACCOUNT_STATUSES } from "@/db/schema/values";
import { utcDate } from "@/server/modules/accounts/aging";
import { recordAudit } from "@/server/modules/audit/record";
import { seedTemplates } from "./templates";
import { systemContext, withTransaction } from "@/server/lib/context";
import { hashPassword } from "@/server/modules/users/password";
import { recomputePriorities } from "@/server/modules/queues/recompute-priorities";
import { assumedReceiptOn, validationPeriodEndsOn } from "@/server/modules/compliance/validation";
import {
  ActivityGenerator,
  HOLD_COLUMNS,
  INTERACTION_COLUMNS,
  PROMISE_COLUMNS,
  TASK_COLUMNS,
  type AccountDraft,
  type DebtorContacts,
} from "./activity";
import { copyRows, copyTargetOfTransaction, csvField, deferIndexes, type CopyTarget, type SqlRunner } from "./copy";
import { OrderedUuids, Random, weightedTable, type WeightedTable } from "./random";
import { TableText } from "./table-text";
import { US_STATES, US_TIME_ZONES, areaCodeZone, type City, type UsState, type ZoneRegion } from "./us-geo";

/**
 * A realistic demo portfolio: one organization, its staff, six creditors, and debtors/contact points/accounts/
 * ledger rows generated from a seed, with their work history (calls, promises, holds, tasks: ./activity.ts)
 * and queue priorities. Deterministic: the same seed and `now` give the same rows (ids included);
 * every date is an offset from `now`, so the same seed on another day gives the same portfolio shifted in time.
 *
 * Everything runs in ONE transaction: ledger rows are append-only (a trigger refuses DELETE), so a half-seeded
 * organization could never be cleaned up; with one transaction a failure leaves nothing behind.
 */

export type SeedOptions = {
  accounts: number;
  seed: number;
  now?: Date;
  orgName?: string;
  orgSlug?: string;
  log?: (msg: string) => void;
  /**
   * "auto" (default): from 50,000 accounts into tables holding fewer rows than that, drop the secondary indexes
   * and foreign keys of the four bulk tables and rebuild them after the load (see deferIndexes); otherwise keep
   * them. "rebuild"/"maintain" force one way (tests use "rebuild" to cover that path on a small portfolio).
   */
  indexes?: "auto" | "rebuild" | "maintain";
};

export type SeedRole = "admin" | "manager" | "agent" | "auditor";

export type SeedCounts = {
  creditors: number;
  debtors: number;
  contactPoints: number;
  accounts: number;
  ledgerTransactions: number;
  interactions: number;
  promises: number;
  holds: number;
  tasks: number;
};

export type SeedResult = {
  orgId: string;
  users: DemoLogin[];
  counts: SeedCounts;
  seconds: number;
  /** Where the time went: COPY seconds per table (sequential on one connection) and the index rebuild, if any. */
  timings: { copySeconds: Record<BulkTable, number>; rebuildSeconds: number | null; prioritySeconds: number };
};

export const DEFAULT_ORG_SLUG = "demo";
export const DEFAULT_ORG_NAME = "Acme Recovery Partners";

// ---------------------------------------------------------------------------------------------------------------
// Static demo content
// ---------------------------------------------------------------------------------------------------------------

type StaffSeed = { key: string; role: SeedRole; name: string; timeZone: string };

/** Staff work from different US zones, so task times show both the debtor's and the agent's local time. */
const STAFF: readonly StaffSeed[] = [
  { key: "admin", role: "admin", name: "Morgan Reyes", timeZone: "America/New_York" },
  { key: "manager", role: "manager", name: "Priya Natarajan", timeZone: "America/Chicago" },
  { key: "agent", role: "agent", name: "Jordan Blake", timeZone: "America/New_York" },
  { key: "agent2", role: "agent", name: "Sam Okafor", timeZone: "America/Denver" },
  { key: "agent3", role: "agent", name: "Lena Kowalski", timeZone: "America/Los_Angeles" },
  { key: "auditor", role: "auditor", name: "Chris Delgado", timeZone: "America/Phoenix" },
];

/** Demo passwords are per role and public on purpose: the CLI prints them and the README lists them. */
export function demoPassword(role: SeedRole): string {
  return `recoup-${role}-demo`;
}

export function demoEmail(key: string, orgSlug: string): string {
  return `${key}@${orgSlug}.recoup.test`;
}

export type DemoLogin = { role: SeedRole; email: string; password: string };

/** The logins a seed creates for an organization slug (the default slug unless given). */
export function demoLogins(orgSlug: string = DEFAULT_ORG_SLUG): DemoLogin[] {
  return STAFF.map((s) => ({ role: s.role, email: demoEmail(s.key, orgSlug), password: demoPassword(s.role) }));
}

/** The logins of the default demo organization, for start-up banners and docs. */
export const DEMO_USERS: readonly DemoLogin[] = demoLogins();

type CreditorProfile = {
  code: string;
  name: string;
  weight: number;
  originalCreditors: readonly string[];
  products: readonly string[];
  /** Log-normal placed principal: median and spread, in cents. */
  medianMinor: number;
  sigma: number;
  /** Share of accounts carrying interest, and its range as a fraction of principal (basis points). */
  interestRate: number;
  interestBps: readonly [number, number];
  /** Share of accounts carrying fees, and the fee range in cents. */
  feeRate: number;
  feeMinor: readonly [number, number];
  /** DPD at which the creditor charges off; null when it does not (medical, utilities bill and refer). */
  chargeOffDpd: number | null;
};

const CREDITOR_PROFILES: readonly CreditorProfile[] = [
  {
    code: "NWW",
    name: "Northwind Wireless",
    weight: 22,
    originalCreditors: ["Northwind Wireless LLC", "Northwind Home Internet LLC"],
    products: ["wireless", "home_internet"],
    medianMinor: 35_000,
    sigma: 0.8,
    interestRate: 0,
    interestBps: [0, 0],
    feeRate: 0.4,
    feeMinor: [500, 5_000],
    chargeOffDpd: null,
  },
  {
    code: "CPL",
    name: "Cascade Power & Light",
    weight: 14,
    originalCreditors: ["Cascade Power & Light Co."],
    products: ["electric", "gas"],
    medianMinor: 28_000,
    sigma: 0.8,
    interestRate: 0,
    interestBps: [0, 0],
    feeRate: 0.5,
    feeMinor: [1_000, 7_500],
    chargeOffDpd: null,
  },
  {
    code: "SBH",
    name: "St. Brigid Regional Health",
    weight: 20,
    originalCreditors: [
      "St. Brigid Regional Medical Center",
      "St. Brigid Physicians Group",
      "St. Brigid Emergency Physicians",
    ],
    products: ["medical_hospital", "medical_physician", "medical_emergency"],
    medianMinor: 110_000,
    sigma: 1.1,
    interestRate: 0,
    interestBps: [0, 0],
    feeRate: 0,
    feeMinor: [0, 0],
    chargeOffDpd: null,
  },
  {
    code: "HBC",
    name: "Harborline Bank Card Services",
    weight: 22,
    originalCreditors: ["Harborline Bank, N.A."],
    products: ["credit_card"],
    medianMinor: 320_000,
    sigma: 0.9,
    interestRate: 0.85,
    interestBps: [500, 3_000],
    feeRate: 0.7,
    feeMinor: [2_900, 24_600],
    chargeOffDpd: 180,
  },
  {
    code: "MHF",
    name: "Meridian Home Furnishings",
    weight: 12,
    originalCreditors: ["Meridian Home Furnishings Inc.", "Meridian Store Card (Harborline Bank, N.A.)"],
    products: ["store_card", "retail_installment"],
    medianMinor: 140_000,
    sigma: 0.8,
    interestRate: 0.7,
    interestBps: [1_000, 3_000],
    feeRate: 0.5,
    feeMinor: [2_500, 15_000],
    chargeOffDpd: 180,
  },
  {
    code: "SAF",
    name: "Summit Auto Finance",
    weight: 10,
    originalCreditors: ["Summit Auto Finance LLC", "Lakeshore Motors (assigned to Summit Auto Finance)"],
    products: ["auto_deficiency"],
    medianMinor: 750_000,
    sigma: 0.7,
    interestRate: 0.6,
    interestBps: [300, 1_200],
    feeRate: 0.6,
    feeMinor: [30_000, 150_000],
    chargeOffDpd: 120,
  },
];

const MIN_PLACED_MINOR = 5_000; // $50
const MAX_PLACED_MINOR = 2_500_000; // $25,000

const FIRST_NAMES = [
  "James",
  "Mary",
  "Robert",
  "Patricia",
  "John",
  "Jennifer",
  "Michael",
  "Linda",
  "David",
  "Elizabeth",
  "William",
  "Barbara",
  "Richard",
  "Susan",
  "Joseph",
  "Jessica",
  "Thomas",
  "Sarah",
  "Christopher",
  "Karen",
  "Charles",
  "Lisa",
  "Daniel",
  "Nancy",
  "Matthew",
  "Betty",
  "Anthony",
  "Sandra",
  "Mark",
  "Margaret",
  "Donald",
  "Ashley",
  "Steven",
  "Kimberly",
  "Andrew",
  "Emily",
  "Paul",
  "Donna",
  "Joshua",
  "Michelle",
  "Kenneth",
  "Carol",
  "Kevin",
  "Amanda",
  "Brian",
  "Melissa",
  "Timothy",
  "Deborah",
  "Ronald",
  "Stephanie",
  "Jason",
  "Rebecca",
  "George",
  "Sharon",
  "Edward",
  "Laura",
  "Jeffrey",
  "Cynthia",
  "Ryan",
  "Amy",
  "Jacob",
  "Kathleen",
  "Nicholas",
  "Angela",
  "Gary",
  "Shirley",
  "Eric",
  "Brenda",
  "Jonathan",
  "Emma",
  "Stephen",
  "Anna",
  "Larry",
  "Pamela",
  "Justin",
  "Nicole",
  "Scott",
  "Samantha",
  "Brandon",
  "Katherine",
  "Benjamin",
  "Christine",
  "Samuel",
  "Debra",
  "Gregory",
  "Rachel",
  "Alexander",
  "Carolyn",
  "Tyrone",
  "Latoya",
  "DeShawn",
  "Keisha",
  "Wei",
  "Mei",
  "Hiroshi",
  "Yuki",
  "Arjun",
  "Priya",
  "Tuan",
  "Linh",
];
const LAST_NAMES = [
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Jones",
  "Miller",
  "Davis",
  "Wilson",
  "Anderson",
  "Taylor",
  "Thomas",
  "Moore",
  "Jackson",
  "Martin",
  "Lee",
  "Thompson",
  "White",
  "Harris",
  "Clark",
  "Lewis",
  "Robinson",
  "Walker",
  "Young",
  "Allen",
  "King",
  "Wright",
  "Scott",
  "Hill",
  "Green",
  "Adams",
  "Baker",
  "Nelson",
  "Carter",
  "Mitchell",
  "Roberts",
  "Turner",
  "Phillips",
  "Campbell",
  "Parker",
  "Evans",
  "Edwards",
  "Collins",
  "Stewart",
  "Morris",
  "Murphy",
  "Cook",
  "Rogers",
  "Morgan",
  "Peterson",
  "Cooper",
  "Reed",
  "Bailey",
  "Bell",
  "Kelly",
  "Howard",
  "Ward",
  "Cox",
  "Richardson",
  "Wood",
  "Watson",
  "Brooks",
  "Bennett",
  "Gray",
  "James",
  "Hughes",
  "Price",
  "Myers",
  "Long",
  "Foster",
  "Sanders",
  "Ross",
  "Powell",
  "Sullivan",
  "Russell",
  "O'Brien",
  "O'Connor",
  "McCarthy",
  "Fitzgerald",
  "Nguyen",
  "Tran",
  "Kim",
  "Park",
  "Chen",
  "Wang",
  "Patel",
  "Shah",
  "Singh",
  "Kowalski",
  "Novak",
  "Schmidt",
  "Mueller",
  "Rossi",
  "Washington",
  "Jefferson",
  "Begay",
  "Yazzie",
  "Kealoha",
  "Nakamura",
];
const HISPANIC_FIRST_NAMES = [
  "José",
  "María",
  "Juan",
  "Guadalupe",
  "Luis",
  "Carmen",
  "Carlos",
  "Rosa",
  "Jorge",
  "Ana",
  "Miguel",
  "Lucía",
  "Alejandro",
  "Sofía",
  "Francisco",
  "Isabel",
  "Antonio",
  "Gabriela",
  "Manuel",
  "Verónica",
  "Pedro",
  "Adriana",
  "Ricardo",
  "Leticia",
  "Fernando",
  "Beatriz",
  "Roberto",
  "Daniela",
  "Javier",
  "Mariana",
  "Héctor",
  "Yolanda",
];
const HISPANIC_LAST_NAMES = [
  "García",
  "Rodríguez",
  "Martínez",
  "Hernández",
  "López",
  "González",
  "Pérez",
  "Sánchez",
  "Ramírez",
  "Torres",
  "Flores",
  "Rivera",
  "Gómez",
  "Díaz",
  "Cruz",
  "Morales",
  "Reyes",
  "Gutiérrez",
  "Ortiz",
  "Chávez",
  "Ramos",
  "Ruiz",
  "Jiménez",
  "Mendoza",
  "Vásquez",
  "Castillo",
  "Romero",
  "Herrera",
  "Medina",
  "Aguilar",
  "Vargas",
  "Soto",
];
const STREET_NAMES = [
  "Main",
  "Oak",
  "Maple",
  "Cedar",
  "Pine",
  "Elm",
  "Washington",
  "Lake",
  "Hill",
  "Park",
  "Sunset",
  "Lincoln",
  "Jackson",
  "Church",
  "Highland",
  "Meadow",
  "River",
  "Forest",
  "Spring",
  "Ridge",
  "Walnut",
  "Willow",
  "Franklin",
  "Chestnut",
  "Jefferson",
  "Madison",
  "Adams",
  "Valley",
  "Cherry",
  "Dogwood",
  "Magnolia",
  "Sycamore",
  "Birch",
  "Hickory",
  "Laurel",
  "Prospect",
  "Mill",
  "Center",
  "Union",
  "Broad",
  "Market",
  "Water",
  "Grove",
  "Orchard",
];
const STREET_SUFFIXES = ["St", "Ave", "Rd", "Dr", "Ln", "Ct", "Blvd", "Way", "Pl", "Cir", "Ter", "Pkwy"];
/** RFC 2606 reserved domains: demo emails must never reach a real inbox, even with a live Resend key. */
const EMAIL_DOMAINS = ["example.com", "example.net", "example.org"];

const TAGS = [
  "hardship",
  "skip-trace",
  "returned-mail",
  "high-value",
  "payment-plan-candidate",
  "callback-requested",
  "vip-client",
  "cease-review",
];
const CONSENT_SOURCES = ["credit_application", "debtor_portal", "recorded_call", "creditor_file"];
const PHONE_OPT_OUT_SOURCES = ["sms_stop", "verbal_request", "written_request", "debtor_portal"];
const EMAIL_OPT_OUT_SOURCES = ["unsubscribe_link", "email_reply", "debtor_portal"];
const PAYMENT_METHODS = ["ACH payment", "Card payment", "Check payment", "Debtor portal payment"];

type Status = (typeof ACCOUNT_STATUSES)[number];
type PhoneType = "mobile" | "landline" | "work";
type Consent = "none" | "express" | "express_written";
const ZERO_BALANCE: ReadonlySet<Status> = new Set(["settled", "paid", "closed"]);

const STATUS_TABLE = weightedTable<Status>([
  ["active", 55],
  ["in_plan", 9],
  ["promised", 6],
  ["disputed", 4],
  ["on_hold", 3],
  ["settled", 4],
  ["paid", 6],
  ["closed", 4],
  ["recalled", 3],
  ["legal", 6],
]);
// Flags change how an account is worked: a deceased or bankrupt debtor's accounts are held or closed.
const DECEASED_OR_BANKRUPT_STATUS = weightedTable<Status>([
  ["on_hold", 60],
  ["closed", 40],
]);
const ATTORNEY_STATUS = weightedTable<Status>([
  ["on_hold", 40],
  ["disputed", 25],
  ["legal", 25],
  ["active", 10],
]);

/** Aging buckets by index, matching AGING_BUCKETS in server/modules/accounts/aging.ts. Collections skew old. */
const BUCKET_TABLE = weightedTable<number>([
  [0, 8],
  [1, 10],
  [2, 10],
  [3, 10],
  [4, 10],
  [5, 14],
  [6, 38],
]);
const FIRST_PHONE_TYPE = weightedTable<PhoneType>([
  ["mobile", 65],
  ["landline", 30],
  ["work", 5],
]);
const SECOND_PHONE_TYPE = weightedTable<PhoneType>([
  ["mobile", 50],
  ["landline", 25],
  ["work", 25],
]);
/** TCPA consent on file, by phone type: written consent is mostly collected for mobiles (autodialed texts). */
const PHONE_CONSENT: Record<PhoneType, WeightedTable<Consent>> = {
  mobile: weightedTable<Consent>([
    ["none", 35],
    ["express", 50],
    ["express_written", 15],
  ]),
  landline: weightedTable<Consent>([
    ["none", 50],
    ["express", 45],
    ["express_written", 5],
  ]),
  work: weightedTable<Consent>([
    ["none", 70],
    ["express", 30],
  ]),
};
const SOURCE_TABLE = weightedTable<string>([
  ["creditor", 60],
  ["skip_trace", 15],
  ["debtor", 10],
  ["import", 10],
  ["agent", 5],
]);

/** Years from default to the statute-of-limitations date. Demo approximation, not legal advice. */
const SOL_YEARS: Readonly<Record<string, number>> = { NY: 3 };
const DEFAULT_SOL_YEARS = 4;

const DEBTOR_COLUMNS = [
  "id",
  "org_id",
  "external_id",
  "first_name",
  "last_name",
  "date_of_birth",
  "language",
  "deceased",
  "attorney_represented",
  "bankruptcy",
  "servicemember",
  "vulnerable",
];
const CONTACT_COLUMNS = [
  "id",
  "org_id",
  "debtor_id",
  "kind",
  "phone_type",
  "value",
  "line1",
  "line2",
  "city",
  "state",
  "postal_code",
  "time_zone",
  "time_zone_source",
  "validity",
  "is_primary",
  "source",
  "consent",
  "consent_source",
  "consent_at",
  "opted_out_at",
  "opt_out_source",
];
// balance_minor is GENERATED ALWAYS and must not be listed; currency, version and timestamps take defaults.
const ACCOUNT_COLUMNS = [
  "id",
  "org_id",
  "creditor_id",
  "debtor_id",
  "external_ref",
  "original_creditor",
  "product_type",
  "original_balance_minor",
  "principal_minor",
  "interest_minor",
  "fees_minor",
  "status",
  "opened_on",
  "charged_off_on",
  "due_on",
  "last_payment_on",
  "itemization_on",
  "statute_of_limitations_on",
  "placed_at",
  "jurisdiction_state",
  "jurisdiction_city",
  "segment",
  "assignee_id",
  "tags",
  "last_contact_at",
  "promise_status",
  "promise_due_on",
];
const LEDGER_COLUMNS = [
  "id",
  "org_id",
  "account_id",
  "kind",
  "principal_minor",
  "interest_minor",
  "fees_minor",
  "currency",
  "effective_on",
  "posted_at",
  "description",
  "external_id",
];

// ---------------------------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const MIN_OFFSET = -32_000; // oldest date of birth (~88 years)
const MAX_OFFSET = 2_600; // latest statute-of-limitations date

const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));

/** YYYY-MM-DD for every day offset from today that the generator can produce, built once (no Date per row). */
function dayTable(today: string): string[] {
  const base = Date.parse(`${today}T00:00:00Z`);
  const days: string[] = new Array(MAX_OFFSET - MIN_OFFSET + 1);
  for (let off = MIN_OFFSET; off <= MAX_OFFSET; off++) days[off - MIN_OFFSET] = utcDate(new Date(base + off * DAY_MS));
  return days;
}

type Region = { state: UsState; region: ZoneRegion };

/** One (state, zone) per state, plus one region for every zone no state's main region covers. */
function coverageRegions(): Region[] {
  const chosen: Region[] = [];
  const zones = new Set<string>();
  for (const state of US_STATES) {
    const main = state.regions.reduce((a, b) => (b.weight > a.weight ? b : a));
    chosen.push({ state, region: main });
    zones.add(main.zone);
  }
  for (const zone of US_TIME_ZONES) {
    if (zones.has(zone)) continue;
    const state = US_STATES.find((s) => s.regions.some((r) => r.zone === zone))!;
    chosen.push({ state, region: state.regions.find((r) => r.zone === zone)! });
    zones.add(zone);
  }
  return chosen;
}

export const MIN_ACCOUNTS_FOR_FULL_COVERAGE = coverageRegions().length;

type Creditor = CreditorProfile & { id: string; origTable: WeightedTable<string>; productTable: WeightedTable<string> };

type DebtorRow = {
  id: string;
  state: string;
  city: string;
  deceased: boolean;
  bankruptcy: boolean;
  attorney: boolean;
};

/** An account generated but not yet written: its last columns come from the work history. */
type PendingAccount = AccountDraft & { row: string };

type Sink = (table: BulkTable, text: TableText) => Promise<void>;

type Counters = SeedCounts;

/** All the random choices of the portfolio; one instance per seeding run. */
class PortfolioGenerator {
  private readonly day: string[];
  private readonly regionTable: WeightedTable<Region>;
  private readonly creditorTable: WeightedTable<Creditor>;
  private readonly coverage: Region[];
  private readonly coverageStride: number;
  private readonly solDays: Map<string, number>;
  private accountSeq = 0;
  /** Seconds since today's 00:00 UTC: nothing generated is later. */
  private readonly nowSeconds: number;
  readonly activity: ActivityGenerator;

  constructor(
    private readonly rng: Random,
    private readonly ids: OrderedUuids,
    workRng: Random,
    workIds: OrderedUuids,
    private readonly orgId: string,
    now: Date,
    today: string,
    creditorList: readonly Creditor[],
    private readonly agentIds: readonly string[],
    managerId: string,
    debtorTotal: number,
  ) {
    this.day = dayTable(today);
    this.nowSeconds = Math.floor((now.getTime() - Date.parse(`${today}T00:00:00Z`)) / 1000);
    this.activity = new ActivityGenerator(workRng, workIds, orgId, now, today, (off) => this.d(off), {
      agentIds,
      managerId,
    });
    this.regionTable = weightedTable(
      US_STATES.flatMap((state) =>
        state.regions.map((region) => [{ state, region }, state.population * region.weight] as const),
      ),
    );
    this.creditorTable = weightedTable(creditorList.map((c) => [c, c.weight] as const));
    // Spread the guaranteed regions through the run instead of front-loading them, and shuffle them so the
    // first rows are not alphabetical.
    this.coverage = rng.shuffle(coverageRegions());
    this.coverageStride = Math.max(1, Math.floor(debtorTotal / this.coverage.length));
    this.solDays = new Map(
      US_STATES.map((s) => [s.code, Math.round((SOL_YEARS[s.code] ?? DEFAULT_SOL_YEARS) * 365.25)]),
    );
  }

  private d(offset: number): string {
    const value = this.day[offset - MIN_OFFSET];
    if (value === undefined) throw new RangeError(`Day offset ${offset} outside the generated range`);
    return value;
  }

  /** A UTC instant on the given day during US business hours, as timestamptz text; today's are never after now. */
  private instant(offset: number): string {
    const rng = this.rng;
    let h = rng.int(13, 23);
    let m = rng.int(0, 59);
    let s = rng.int(0, 59);
    if (offset === 0 && h * 3600 + m * 60 + s > this.nowSeconds) {
      const now = Math.max(0, this.nowSeconds);
      h = Math.floor(now / 3600);
      m = Math.floor((now % 3600) / 60);
      s = now % 60;
    }
    return `${this.d(offset)} ${PAD2[h]}:${PAD2[m]}:${PAD2[s]}+00`;
  }

  private pickRegion(debtorIndex: number): Region {
    if (debtorIndex % this.coverageStride === 0) {
      const forced = this.coverage[debtorIndex / this.coverageStride];
      if (forced) return forced;
    }
    return this.rng.weighted(this.regionTable);
  }

  /** Appends one debtor with its contact points and `accountCount` accounts (and their ledgers) to `out`. */
  debtor(index: number, accountCount: number, out: Chunk): void {
    const rng = this.rng;
    const { state, region } = this.pickRegion(index);
    const city: City = rng.pick(region.cities);
    const spanish = rng.chance(0.1);
    const hispanicName = spanish || rng.chance(0.08);
    const first = rng.pick(hispanicName ? HISPANIC_FIRST_NAMES : FIRST_NAMES);
    const last = rng.pick(hispanicName ? HISPANIC_LAST_NAMES : LAST_NAMES);
    const dob = rng.chance(0.85) ? this.d(-(rng.int(21, 85) * 365 + rng.int(0, 364))) : "";
    const debtor: DebtorRow = {
      id: this.ids.next(),
      state: state.code,
      city: city[0],
      deceased: rng.chance(0.004),
      bankruptcy: rng.chance(0.01),
      attorney: rng.chance(0.015),
    };
    const servicemember = rng.chance(0.012);
    const vulnerable = rng.chance(0.02);
    const work: DebtorContacts = {
      id: debtor.id,
      firstName: first,
      zone: region.zone,
      deceased: debtor.deceased,
      bankruptcy: debtor.bankruptcy,
      attorney: debtor.attorney,
      servicemember,
      address: { id: "", value: "" },
      phones: [],
      email: null,
    };
    out.debtors.add(
      `${debtor.id},${this.orgId},CUST-${String(index + 1).padStart(9, "0")},${csvField(first)},${csvField(last)},${dob},` +
        `${spanish ? "es" : "en"},${debtor.deceased ? "t" : "f"},${debtor.attorney ? "t" : "f"},${debtor.bankruptcy ? "t" : "f"},` +
        `${servicemember ? "t" : "f"},${vulnerable ? "t" : "f"}\n`,
    );
    out.counts.debtors++;

    this.contacts(debtor, state, region, city, first, last, work, out);
    const pending: PendingAccount[] = [];
    for (let k = 0; k < accountCount; k++) pending.push(this.account(debtor, out));
    const activity = this.activity.debtor(work, pending, out);
    pending.forEach((account, k) => out.accounts.add(`${account.row},${activity[k]}\n`));
  }

  private contacts(
    debtor: DebtorRow,
    state: UsState,
    region: ZoneRegion,
    city: City,
    first: string,
    last: string,
    work: DebtorContacts,
    out: Chunk,
  ): void {
    const rng = this.rng;
    const org = this.orgId;

    // Postal address: the strongest time-zone evidence, so its zone is the debtor's.
    const line1 = `${rng.int(1, 9899)} ${rng.pick(STREET_NAMES)} ${rng.pick(STREET_SUFFIXES)}`;
    let line2: string | null = null;
    if (rng.chance(0.18)) {
      line2 = rng.chance(0.5)
        ? `Apt ${rng.int(1, 40)}${String.fromCharCode(65 + rng.int(0, 5))}`
        : `Unit ${rng.int(100, 999)}`;
    }
    const zip = `${city[1]}${PAD2[rng.int(1, 99)]}`;
    const formatted = `${line1}${line2 ? `, ${line2}` : ""}, ${city[0]}, ${state.code} ${zip}`;
    const addressValidity = rng.chance(0.06) ? "invalid" : rng.chance(0.55) ? "valid" : "unverified";
    const addressId = this.ids.next();
    work.address = { id: addressId, value: formatted };
    out.contacts.add(
      `${addressId},${org},${debtor.id},address,,${csvField(formatted)},${csvField(line1)},${line2 === null ? "" : csvField(line2)},` +
        `${csvField(city[0])},${state.code},${zip},${region.zone},address,${addressValidity},t,${rng.weighted(SOURCE_TABLE)},none,,,,\n`,
    );
    out.counts.contactPoints++;

    const phones = rng.chance(0.3) ? 2 : 1;
    for (let p = 0; p < phones; p++) {
      const type = rng.weighted(p === 0 ? FIRST_PHONE_TYPE : SECOND_PHONE_TYPE);
      // Most numbers carry the home city's area code; some come from elsewhere in the state, and some from
      // another state entirely (people keep their mobile numbers when they move), which is what makes
      // area-code time zones weaker evidence than the address.
      const areaRoll = rng.next();
      const areaCode =
        areaRoll < 0.8
          ? city[2]
          : areaRoll < 0.92
            ? rng.pick(rng.pick(state.regions).areaCodes)
            : rng.pick(rng.pick(rng.pick(US_STATES).regions).areaCodes);
      let exchange = rng.int(200, 999);
      if (exchange % 100 === 11 || exchange === 555) exchange += 1; // N11 codes and 555 are not assignable exchanges
      const e164 = `+1${areaCode}${exchange}${String(rng.int(0, 9999)).padStart(4, "0")}`;
      const zoneFromArea = rng.chance(0.5) ? areaCodeZone(areaCode) : null;
      const validity = rng.chance(0.07) ? "invalid" : rng.chance(0.55) ? "valid" : "unverified";
      const consent = rng.weighted(PHONE_CONSENT[type]);
      const consentCols = consent === "none" ? "," : `${rng.pick(CONSENT_SOURCES)},${this.instant(-rng.int(30, 2500))}`;
      const optOut = rng.chance(0.04) ? `${this.instant(-rng.int(0, 400))},${rng.pick(PHONE_OPT_OUT_SOURCES)}` : ",";
      const phoneId = this.ids.next();
      work.phones.push({ id: phoneId, e164, optedOut: optOut !== "," });
      out.contacts.add(
        `${phoneId},${org},${debtor.id},phone,${type},${e164},,,,,,${zoneFromArea ?? ""},${zoneFromArea ? "area_code" : ""},` +
          `${validity},${p === 0 ? "t" : "f"},${rng.weighted(SOURCE_TABLE)},${consent},${consentCols},${optOut}\n`,
      );
      out.counts.contactPoints++;
    }

    if (rng.chance(0.7)) {
      const f = asciiLower(first);
      const l = asciiLower(last);
      const style = rng.int(0, 3);
      let local: string;
      if (style === 0) local = `${f}.${l}`;
      else if (style === 1) local = `${f[0] ?? "x"}${l}${rng.int(1, 99)}`;
      else if (style === 2) local = `${l}.${f}${rng.int(60, 99)}`;
      else local = `${f}${l}${rng.int(100, 9999)}`;
      const email = `${local}@${rng.pick(EMAIL_DOMAINS)}`;
      const validity = rng.chance(0.05) ? "invalid" : rng.chance(0.5) ? "valid" : "unverified";
      const consent = rng.chance(0.4) ? "express" : "none";
      const consentCols = consent === "none" ? "," : `${rng.pick(CONSENT_SOURCES)},${this.instant(-rng.int(30, 2500))}`;
      const optOut = rng.chance(0.03) ? `${this.instant(-rng.int(0, 400))},${rng.pick(EMAIL_OPT_OUT_SOURCES)}` : ",";
      const emailId = this.ids.next();
      work.email = { id: emailId, value: email, optedOut: optOut !== "," };
      out.contacts.add(
        `${emailId},${org},${debtor.id},email,,${email},,,,,,,,${validity},t,${rng.weighted(SOURCE_TABLE)},${consent},${consentCols},${optOut}\n`,
      );
      out.counts.contactPoints++;
    }
  }

  private pickStatus(debtor: DebtorRow, seq: number): Status {
    // The first accounts cover every status, so even a tiny portfolio shows each one.
    if (seq >= 7 && seq < 7 + ACCOUNT_STATUSES.length) return ACCOUNT_STATUSES[seq - 7]!;
    if (debtor.deceased || debtor.bankruptcy) return this.rng.weighted(DECEASED_OR_BANKRUPT_STATUS);
    if (debtor.attorney) return this.rng.weighted(ATTORNEY_STATUS);
    return this.rng.weighted(STATUS_TABLE);
  }

  /** Days past due drawn within an aging bucket (index into AGING_BUCKETS). */
  private dpdIn(bucket: number): number {
    const rng = this.rng;
    switch (bucket) {
      case 0:
        return 0;
      case 1:
        return rng.int(1, 30);
      case 2:
        return rng.int(31, 60);
      case 3:
        return rng.int(61, 90);
      case 4:
        return rng.int(91, 120);
      case 5:
        return rng.int(121, 180);
      default:
        return Math.min(2_900, 181 + Math.floor(-Math.log(1 - rng.next()) * 420));
    }
  }

  private account(debtor: DebtorRow, out: Chunk): PendingAccount {
    const rng = this.rng;
    const seq = this.accountSeq++;
    const creditor = rng.weighted(this.creditorTable);
    // The first seven accounts are active, one per aging bucket, so every bucket is populated at any size.
    const status: Status = seq < 7 ? "active" : this.pickStatus(debtor, seq);
    const dpd = this.dpdIn(seq < 7 ? seq : rng.weighted(BUCKET_TABLE));
    const zeroBalance = ZERO_BALANCE.has(status);

    // Day offsets from today (negative = past). A current account is not yet due: its due date is ahead.
    const dueOff = dpd === 0 ? rng.int(0, 25) : -dpd;
    const openedOff = dueOff - rng.int(45, 3_650);
    const chargedOffOff =
      creditor.chargeOffDpd !== null && dpd >= creditor.chargeOffDpd ? dueOff + creditor.chargeOffDpd : null;
    let placedOff = dpd === 0 ? -rng.int(0, 60) : dueOff + Math.floor(dpd * (0.05 + 0.9 * rng.next()));
    if (chargedOffOff !== null) placedOff = Math.max(placedOff, chargedOffOff + rng.int(0, 45));
    placedOff = Math.min(0, placedOff);
    const itemizationOff = chargedOffOff ?? dueOff - 25;
    const solOff = dueOff + (this.solDays.get(debtor.state) ?? 1461);

    // Placed amounts, in cents.
    let principal = rng.amountMinor(creditor.medianMinor, creditor.sigma, MIN_PLACED_MINOR, MAX_PLACED_MINOR);
    const interest = rng.chance(creditor.interestRate)
      ? Math.round((principal * rng.int(creditor.interestBps[0], creditor.interestBps[1])) / 10_000)
      : 0;
    const fees = rng.chance(creditor.feeRate) ? rng.int(creditor.feeMinor[0], creditor.feeMinor[1]) : 0;
    if (principal + interest + fees > MAX_PLACED_MINOR) principal = MAX_PLACED_MINOR - interest - fees;
    const placedTotal = principal + interest + fees;
    const placedAt = this.instant(placedOff);

    const accountId = this.ids.next();
    const org = this.orgId;
    const ledgerHead = `${org},${accountId},`;
    const chargeDate = this.d(placedOff);
    let ledger = `${this.ids.next()},${ledgerHead}charge,${principal},0,0,USD,${chargeDate},${placedAt},Placed principal,\n`;
    if (interest > 0)
      ledger += `${this.ids.next()},${ledgerHead}interest,0,${interest},0,USD,${chargeDate},${placedAt},Interest accrued before placement,\n`;
    if (fees > 0)
      ledger += `${this.ids.next()},${ledgerHead}fee,0,0,${fees},USD,${chargeDate},${placedAt},Fees assessed before placement,\n`;
    let rows = 1 + (interest > 0 ? 1 : 0) + (fees > 0 ? 1 : 0);
    let p = principal;
    let i = interest;
    let f = fees;

    // Occasionally a correction soon after placement: a waived fee or an interest correction.
    let historyStart = placedOff;
    if ((f > 0 || i > 0) && rng.chance(0.04)) {
      const adjOff = Math.min(0, placedOff + rng.int(1, 30));
      const df = f > 0 ? Math.max(1, Math.round(f * (0.25 + 0.75 * rng.next()))) : 0;
      const di = f > 0 ? 0 : Math.max(1, Math.round(i * (0.1 + 0.4 * rng.next())));
      f -= df;
      i -= di;
      ledger += `${this.ids.next()},${ledgerHead}adjustment,0,${di === 0 ? 0 : -di},${df === 0 ? 0 : -df},USD,${this.d(adjOff)},${this.instant(adjOff)},${df > 0 ? "Late fee waived" : "Interest correction"},\n`;
      rows++;
      historyStart = adjOff;
    }

    // Payments: how many, how much, and whether the balance ends at zero depend on the status.
    const span = -historyStart; // days available between the last correction/placement and today
    let payments: number;
    let target = 0; // total to collect when the account ends at zero (paid/settled)
    switch (status) {
      case "paid":
        payments = rng.int(1, 4);
        target = p + i + f;
        break;
      case "settled":
        payments = rng.int(1, 3);
        target = Math.max(100, Math.round(((p + i + f) * rng.int(35, 80)) / 100));
        break;
      case "closed":
        payments = rng.chance(0.3) ? 1 : 0;
        break;
      case "in_plan":
        payments = rng.int(1, 4);
        break;
      case "promised":
        payments = rng.int(0, 2);
        break;
      case "active": {
        const r = rng.next();
        payments = r < 0.55 ? 0 : r < 0.8 ? 1 : r < 0.92 ? 2 : r < 0.97 ? 3 : 4;
        break;
      }
      default:
        payments = rng.chance(0.75) ? 0 : rng.int(1, 2);
    }
    if (span === 0 && payments > 1) payments = 1; // placed today: at most one payment today
    const dates: number[] = [];
    for (let k = 0; k < payments; k++) dates.push(historyStart + rng.int(span > 0 ? 1 : 0, span));
    dates.sort((a, b) => a - b);

    let remainingTarget = target;
    let lastPaymentOff: number | null = null;
    let lastPaymentAmount = 0;
    for (let k = 0; k < payments; k++) {
      const balance = p + i + f;
      if (balance <= 0) break;
      let amount: number;
      if (target > 0) {
        amount =
          k === payments - 1 ? remainingTarget : Math.max(1, Math.round((remainingTarget * rng.int(20, 60)) / 100));
        remainingTarget -= amount;
      } else {
        // A partial payment: 5-30% of the balance, usually in whole dollars, never the whole balance.
        amount = Math.round(balance * (0.05 + 0.25 * rng.next()));
        if (rng.chance(0.7)) amount = Math.round(amount / 100) * 100;
        amount = Math.min(balance - 1, Math.max(Math.min(1_000, balance - 1), amount));
      }
      if (amount <= 0) break;
      // Allocation: fees first, then interest, then principal (the usual waterfall).
      const pf = Math.min(f, amount);
      const pi = Math.min(i, amount - pf);
      const pp = amount - pf - pi;
      f -= pf;
      i -= pi;
      p -= pp;
      const off = dates[k]!;
      const external = rng.chance(0.6) ? `PMT-${seq}-${k}` : "";
      ledger += `${this.ids.next()},${ledgerHead}payment,${-pp},${-pi},${-pf},USD,${this.d(off)},${this.instant(off)},${rng.pick(PAYMENT_METHODS)},${external}\n`;
      rows++;
      lastPaymentOff = off;
      lastPaymentAmount = amount;
    }

    // Settled and closed accounts write off what is left, so every zero-balance status really is at zero.
    if (zeroBalance && p + i + f > 0) {
      const off = lastPaymentOff ?? historyStart + (span > 0 ? rng.int(1, span) : 0);
      ledger += `${this.ids.next()},${ledgerHead}write_off,${-p},${-i},${-f},USD,${this.d(off)},${this.instant(off)},${status === "settled" ? "Settlement discount" : "Balance written off"},\n`;
      rows++;
      p = 0;
      i = 0;
      f = 0;
    }

    const balance = p + i + f;
    const segment =
      status === "legal"
        ? "legal"
        : dpd <= 60
          ? "early-stage"
          : dpd <= 180
            ? "mid-stage"
            : balance >= 500_000
              ? "late-stage-high"
              : "late-stage";
    let tags = "{}";
    if (rng.chance(0.22)) {
      const a = rng.pick(TAGS);
      const b = rng.chance(0.3) ? rng.pick(TAGS) : a;
      tags = a === b ? `{${a}}` : `"{${a},${b}}"`;
    }
    const assignee = rng.chance(0.6) ? rng.pick(this.agentIds) : "";
    // A creditor-style account number: an affine map mod 10^10 (the multiplier is coprime with 10), so it is
    // unique per account yet not sequential. BigInt because seq × multiplier passes 2^53 above 3.4M accounts.
    const digits = ((BigInt(seq) * 2_654_435_761n + 1_000_003n) % 10_000_000_000n).toString().padStart(10, "0");

    const row =
      `${accountId},${org},${creditor.id},${debtor.id},${creditor.code}-${digits},${csvField(rng.weighted(creditor.origTable))},` +
      `${rng.weighted(creditor.productTable)},${placedTotal},${p},${i},${f},${status},${this.d(openedOff)},` +
      `${chargedOffOff === null ? "" : this.d(chargedOffOff)},${zeroBalance ? "" : this.d(dueOff)},` +
      `${lastPaymentOff === null ? "" : this.d(lastPaymentOff)},${this.d(itemizationOff)},${this.d(solOff)},${placedAt},` +
      `${debtor.state},${csvField(debtor.city)},${segment},${assignee},${tags}`;
    out.ledger.add(ledger);
    out.counts.accounts++;
    out.counts.ledgerTransactions += rows;
    return {
      id: accountId,
      status,
      assigneeId: assignee === "" ? null : assignee,
      balance,
      lastPayment: lastPaymentOff === null ? null : { off: lastPaymentOff, amount: lastPaymentAmount },
      row,
    };
  }
}

function asciiLower(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();
}

type Chunk = {
  debtors: TableText;
  contacts: TableText;
  accounts: TableText;
  ledger: TableText;
  interactions: TableText;
  promises: TableText;
  holds: TableText;
  tasks: TableText;
  counts: Counters;
};

function emptyChunk(counts: Counters): Chunk {
  return {
    debtors: new TableText(),
    contacts: new TableText(),
    accounts: new TableText(),
    ledger: new TableText(),
    interactions: new TableText(),
    promises: new TableText(),
    holds: new TableText(),
    tasks: new TableText(),
    counts,
  };
}

function sealChunk(chunk: Chunk): void {
  chunk.debtors.seal();
  chunk.contacts.seal();
  chunk.accounts.seal();
  chunk.ledger.seal();
  chunk.interactions.seal();
  chunk.promises.seal();
  chunk.holds.seal();
  chunk.tasks.seal();
}

/**
 * How many accounts debtor `index` gets: 1 to 3, with extras spread so the total is exactly `accounts`
 * whatever the order of draws (the expected extras per remaining debtor equal the extras still to place).
 */
function accountsForDebtor(rng: Random, remainingAccounts: number, remainingDebtors: number): number {
  const extras = remainingAccounts - remainingDebtors;
  if (extras <= 0) return 1;
  const average = extras / remainingDebtors;
  const roll = rng.next();
  let extra = roll < average * 0.2 ? 2 : roll < average * 0.8 ? 1 : 0;
  extra = Math.max(extra, extras - 2 * (remainingDebtors - 1)); // the rest must still fit at <= 3 each
  return 1 + Math.min(extra, extras, 2);
}

// ---------------------------------------------------------------------------------------------------------------
// The pipeline: generate slices on the JS thread while PostgreSQL ingests the previous ones.
// ---------------------------------------------------------------------------------------------------------------

/**
 * Debtors per COPY statement (per table). Large on purpose: postgres.js leaves Nagle's algorithm on, so the
 * small CopyDone that ends each COPY waits for the server's delayed ACK (~40 ms, measured: 100 COPYs of 4,000
 * rows took 5.0 s against 0.66 s with TCP_NODELAY). 25,000 debtors is about 48 MB of CSV.
 */
const SLICE_DEBTORS = 25_000;
const BULK_TABLES = [
  "debtors",
  "contact_points",
  "accounts",
  "ledger_transactions",
  "interactions",
  "promises",
  "holds",
  "tasks",
] as const;
export type BulkTable = (typeof BULK_TABLES)[number];
/** From this size on, indexes are rebuilt after the load instead of maintained row by row (see deferIndexes). */
const BULK_MIN_ACCOUNTS = 50_000;
/**
 * Generated CSV not yet loaded, in characters; bounds memory whatever the relative speeds. Above one slice so
 * the next slice is generated while PostgreSQL ingests the previous one (double buffering), below two.
 */
const MAX_PENDING_CHARS = 64 * 1024 * 1024;

const TABLE_COLUMNS = {
  debtors: DEBTOR_COLUMNS,
  contact_points: CONTACT_COLUMNS,
  accounts: ACCOUNT_COLUMNS,
  ledger_transactions: LEDGER_COLUMNS,
  interactions: INTERACTION_COLUMNS,
  promises: PROMISE_COLUMNS,
  holds: HOLD_COLUMNS,
  tasks: TASK_COLUMNS,
} as const;

type CopySinkHandle = { push: Sink; drain: () => Promise<void>; settle: () => Promise<void> };

/** Serialises COPY statements on the one transaction connection, in order, with bounded buffering. */
function copySink(target: CopyTarget, copySeconds: Record<BulkTable, number>): CopySinkHandle {
  let tail: Promise<void> = Promise.resolve();
  let pending = 0;
  let failure: Error | null = null;
  const waiters: (() => void)[] = [];
  const check = (): void => {
    if (failure) throw failure;
  };
  const push: Sink = async (table, text) => {
    check();
    const size = text.chars;
    if (size === 0) return;
    pending += size;
    tail = tail.then(async () => {
      if (failure) return;
      const copyStarted = performance.now();
      try {
        // Parents first (debtors before their accounts before their ledger) because the foreign keys are
        // checked row by row; the order of pushes guarantees it.
        await copyRows(target, table, TABLE_COLUMNS[table], text.pieces);
        copySeconds[table] += (performance.now() - copyStarted) / 1000;
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
      } finally {
        pending -= size;
        waiters.splice(0).forEach((wake) => wake());
      }
    });
    while (pending > MAX_PENDING_CHARS && !failure) await new Promise<void>((resolve) => waiters.push(resolve));
    check();
  };
  const drain = async () => {
    await tail;
    check();
  };
  // The chain never rejects (errors are captured above), so this only waits for the COPY in flight.
  const settle = () => tail;
  return { push, drain, settle };
}

async function generateAll(
  generator: PortfolioGenerator,
  rng: Random,
  accounts: number,
  debtors: number,
  sink: CopySinkHandle,
  counts: Counters,
  log: (msg: string) => void,
): Promise<void> {
  try {
    await generateSlices(generator, rng, accounts, debtors, sink, counts, log);
  } catch (error) {
    // Let the COPY in flight finish before the transaction rolls back, so nothing runs on a closed transaction.
    await sink.settle();
    throw error;
  }
  await sink.drain();
}

async function generateSlices(
  generator: PortfolioGenerator,
  rng: Random,
  accounts: number,
  debtors: number,
  sink: CopySinkHandle,
  counts: Counters,
  log: (msg: string) => void,
): Promise<void> {
  let remainingAccounts = accounts;
  let nextLog = Math.max(10_000, Math.ceil(accounts / 10));
  for (let start = 0; start < debtors; start += SLICE_DEBTORS) {
    const chunk = emptyChunk(counts);
    const end = Math.min(debtors, start + SLICE_DEBTORS);
    for (let index = start; index < end; index++) {
      const n = accountsForDebtor(rng, remainingAccounts, debtors - index);
      remainingAccounts -= n;
      generator.debtor(index, n, chunk);
      if ((index & 127) === 127) {
        sealChunk(chunk);
        // Yield often: socket writes of the previous slice only progress while the event loop runs, and the
        // kernel buffer holds a few milliseconds of PostgreSQL's work, so long synchronous stretches idle it.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    sealChunk(chunk);
    await sink.push("debtors", chunk.debtors);
    await sink.push("contact_points", chunk.contacts);
    await sink.push("accounts", chunk.accounts);
    await sink.push("ledger_transactions", chunk.ledger);
    // Promises name the call that took them, so interactions go first.
    await sink.push("interactions", chunk.interactions);
    await sink.push("promises", chunk.promises);
    await sink.push("holds", chunk.holds);
    await sink.push("tasks", chunk.tasks);
    if (counts.accounts >= nextLog) {
      log(`generated ${counts.accounts.toLocaleString("en-US")} / ${accounts.toLocaleString("en-US")} accounts`);
      nextLog += Math.max(10_000, Math.ceil(accounts / 10));
    }
  }
  if (remainingAccounts !== 0) throw new Error(`Internal error: ${remainingAccounts} accounts left unassigned`);
}

// ---------------------------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------------------------

export async function seedPortfolio(handle: DatabaseHandle, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const { accounts, seed } = options;
  if (!Number.isSafeInteger(accounts) || accounts < 1)
    throw new Error(`accounts must be a positive integer, got ${accounts}`);
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const now = options.now ?? new Date();
  const orgSlug = options.orgSlug ?? DEFAULT_ORG_SLUG;
  const orgName = options.orgName ?? DEFAULT_ORG_NAME;
  const log = options.log ?? (() => {});
  const today = utcDate(now);

  // Fail before spending time on password hashing.
  const [existing] = await handle.db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, orgSlug))
    .limit(1);
  if (existing) throw slugTaken(orgSlug);

  // scrypt is deliberately slow: hash each distinct password once, all in parallel on the libuv pool.
  const roles = [...new Set(STAFF.map((s) => s.role))];
  const hashes = new Map(
    await Promise.all(roles.map(async (role) => [role, await hashPassword(demoPassword(role))] as const)),
  );

  const rng = new Random(seed);
  const idRng = rng.fork(); // ids of the small tables: independent of how many rows the big ones draw
  const orgId = idRng.uuid();
  const staff = STAFF.map((s) => ({ ...s, id: idRng.uuid(), email: demoEmail(s.key, orgSlug) }));
  const creditorList: Creditor[] = CREDITOR_PROFILES.map((profile) => ({
    ...profile,
    id: idRng.uuid(),
    origTable: weightedTable(profile.originalCreditors.map((name, i) => [name, i === 0 ? 3 : 1] as const)),
    productTable: weightedTable(profile.products.map((name, i) => [name, i === 0 ? 3 : 1] as const)),
  }));
  // The work history draws from its own stream, so its rows do not shift the debtors and accounts of a seed.
  const workRng = idRng.fork();
  // Ids of the bulk rows: ascending (see OrderedUuids), from streams of their own.
  const bulkIds = new OrderedUuids(idRng.fork());
  const workIds = new OrderedUuids(idRng.fork());
  const agentIds = staff.filter((s) => s.role === "agent").map((s) => s.id);
  const managerId = staff.find((s) => s.role === "manager")!.id;
  const debtors = Math.min(accounts, Math.max(Math.round(accounts * 0.8), MIN_ACCOUNTS_FOR_FULL_COVERAGE));
  if (accounts < MIN_ACCOUNTS_FOR_FULL_COVERAGE) {
    log(`note: fewer than ${MIN_ACCOUNTS_FOR_FULL_COVERAGE} accounts cannot cover every state and time zone`);
  }

  const copySeconds = Object.fromEntries(BULK_TABLES.map((t) => [t, 0])) as Record<BulkTable, number>;
  let rebuildSeconds: number | null = null;
  let prioritySeconds = 0;
  const counts: Counters = {
    creditors: creditorList.length,
    debtors: 0,
    contactPoints: 0,
    accounts: 0,
    ledgerTransactions: 0,
    interactions: 0,
    promises: 0,
    holds: 0,
    tasks: 0,
  };

  await handle.db.transaction(async (tx) => {
    const db = tx as unknown as Database;
    // Checked again inside the transaction; the unique index on slug settles any race.
    const [taken] = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.slug, orgSlug))
      .limit(1);
    if (taken) throw slugTaken(orgSlug);

    await db.insert(organizations).values({ id: orgId, name: orgName, slug: orgSlug, settings: demoSettings(orgName) });
    await db.insert(users).values(
      staff.map((s) => ({
        id: s.id,
        orgId,
        email: s.email,
        name: s.name,
        role: s.role,
        passwordHash: hashes.get(s.role)!,
        timeZone: s.timeZone,
      })),
    );
    await db.insert(creditors).values(creditorList.map((c) => ({ id: c.id, orgId, code: c.code, name: c.name })));

    const target = copyTargetOfTransaction(handle.driver, tx);
    const run: SqlRunner = async (statement) => rowsOf<Record<string, unknown>>(await db.execute(sql.raw(statement)));

    // Rebuilding indexes costs in proportion to everything in the tables, so it pays only when this load is
    // most of what they will hold. Counting stops at `accounts` rows, so the check is cheap on a huge table.
    const [{ existing } = { existing: 0 }] = rowsOf<{ existing: number }>(
      await db.execute(sql`select count(*)::int as existing from (select 1 from accounts limit ${accounts}) s`),
    );
    const mode = options.indexes ?? "auto";
    const rebuild = mode === "rebuild" || (mode === "auto" && accounts >= BULK_MIN_ACCOUNTS && existing < accounts);
    const deferred = rebuild ? await deferIndexes(run, BULK_TABLES) : null;
    if (deferred) {
      // A bigger sort budget lets each index build sort in memory; scoped to this transaction.
      await run("set local maintenance_work_mem = '256MB'");
      log(
        `bulk mode: dropped ${deferred.indexes} indexes and ${deferred.foreignKeys} foreign keys, rebuilt after the ` +
          `load (other sessions wait on these tables until the seed commits)`,
      );
    }

    const generator = new PortfolioGenerator(
      rng,
      bulkIds,
      workRng,
      workIds,
      orgId,
      now,
      today,
      creditorList,
      agentIds,
      managerId,
      debtors,
    );
    log(
      `seeding ${accounts.toLocaleString("en-US")} accounts for ${debtors.toLocaleString("en-US")} debtors (seed ${seed})`,
    );
    await generateAll(generator, rng, accounts, debtors, copySink(target, copySeconds), counts, log);

    // Queue order needs priorities: set-based, once for the organization, while the indexes are still dropped
    // (an UPDATE of every account would otherwise maintain each of them row by row). It commits with the data.
    const priorityStarted = performance.now();
    const { updated } = await recomputePriorities({ ctx: systemContext(db, orgId, "seed", () => now) });
    prioritySeconds = (performance.now() - priorityStarted) / 1000;
    log(`recomputed ${updated.toLocaleString("en-US")} queue priorities (${prioritySeconds.toFixed(1)} s)`);
    await seedValidationNotices(db, orgId);
    await seedTemplates(systemContext(db, orgId, "seed", () => now));

    if (deferred) {
      const rebuildStarted = performance.now();
      await deferred.restore();
      // Fresh statistics, so the first list and dashboard queries get good plans without waiting for autovacuum.
      await run(`analyze ${BULK_TABLES.join(", ")}`);
      rebuildSeconds = (performance.now() - rebuildStarted) / 1000;
      log(`rebuilt indexes and foreign keys, analyzed (${rebuildSeconds.toFixed(1)} s)`);
    }

    // The audit event commits with the data: a savepoint inside this transaction.
    await withTransaction(systemContext(db, orgId, "seed"), (ctx) =>
      recordAudit(ctx, {
        action: "portfolio.seeded",
        entityType: "organization",
        entityId: orgId,
        after: { ...counts, seed, today },
      }),
    );
    // Recorded like any other job, so the console's job history shows when the portfolio was loaded.
    await db.insert(jobRuns).values({
      orgId,
      job: "seed",
      status: "succeeded",
      startedAt: new Date(Date.now() - (performance.now() - started)),
      finishedAt: new Date(),
      stats: { ...counts, seed },
    });
  });

  return {
    orgId,
    users: demoLogins(orgSlug),
    counts,
    seconds: (performance.now() - started) / 1000,
    timings: { copySeconds, rebuildSeconds, prioritySeconds },
  };
}

/**
 * Every seeded account had its Reg F validation notice mailed the moment it was placed (1006.34), showing the
 * balance of that day: the placement's ledger rows. The period dates come from the one calendar of
 * server/modules/compliance/validation, computed once per distinct placement date.
 */
async function seedValidationNotices(db: Database, orgId: string): Promise<void> {
  const dates = rowsOf<{ day: string }>(
    await db.execute(sql`select distinct to_char(placed_at at time zone 'UTC', 'YYYY-MM-DD') as day
      from accounts where org_id = ${orgId}`),
  );
  const periods = dates.map(({ day }) => ({ day, receipt: assumedReceiptOn(day), ends: validationPeriodEndsOn(day) }));
  await db.execute(sql`with placed as (
      select l.account_id, sum(l.principal_minor + l.interest_minor + l.fees_minor) as amount
      from ledger_transactions l join accounts a on a.id = l.account_id
      where a.org_id = ${orgId} and l.posted_at <= a.placed_at
      group by l.account_id
    )
    insert into validation_notices (org_id, account_id, provided_at, medium, language, itemization_date_type,
      itemization_on, currency, amount_on_itemization_minor, interest_since_minor, fees_since_minor,
      payments_and_credits_since_minor, current_amount_minor, assumed_receipt_on, validation_ends_on)
    select a.org_id, a.id, a.placed_at, 'mail', d.language,
      (case when a.charged_off_on is not null then 'charge_off' else 'last_statement' end)::itemization_date_type,
      coalesce(a.itemization_on, (a.placed_at at time zone 'UTC')::date), a.currency, coalesce(p.amount, 0), 0, 0, 0,
      coalesce(p.amount, 0), c.receipt::date, c.ends::date
    from accounts a
    join debtors d on d.id = a.debtor_id
    left join placed p on p.account_id = a.id
    join jsonb_to_recordset(${JSON.stringify(periods)}::jsonb) as c(day text, receipt text, ends text)
      on c.day = to_char(a.placed_at at time zone 'UTC', 'YYYY-MM-DD')
    where a.org_id = ${orgId}`);
}

/** Who the demo's messages come from: what an agency fills in before it sends anything (sender settings). */
function demoSettings(orgName: string): Record<string, unknown> {
  return {
    communications: {
      // The name debtors hear on a voicemail must not say "recovery" or "collection" (Reg F 1006.2(j)): the
      // organization's first word and "Services": "Acme Services" for the demo's "Acme Recovery Partners".
      name: `${orgName.split(/\s+/)[0]} Services`,
      fromEmail: "team@acme-services.example",
      phone: "1-800-555-0199",
      email: "disputes@acme-services.example",
      addressLine: "PO Box 4410, Springfield, IL 62708",
      hours: "Monday–Friday 8 a.m.–8 p.m. Central",
      website: "https://acme-services.example",
      caLicenseNumber: "10058821",
      nycLicenseNumber: "2081934-DCA",
      mailing: { line1: "PO Box 4410", line2: "", city: "Springfield", state: "IL", postalCode: "62708" },
    },
  };
}

function slugTaken(slug: string): Error {
  return new Error(
    `An organization with slug "${slug}" already exists; the seed never adds to an existing organization. ` +
      `Use another slug or a fresh database.`,
  );
}
