import { z } from "zod";
import { HOLD_KINDS } from "@/db/schema/values";

export { HOLD_KINDS };
export type HoldKind = (typeof HOLD_KINDS)[number];

export const HOLD_KIND_LABELS: Record<HoldKind, string> = {
  dispute: "Dispute",
  cease: "Cease communication",
  attorney: "Attorney representation",
  bankruptcy: "Bankruptcy",
  deceased: "Deceased",
  servicemember: "Servicemember",
  manual: "Manual",
};

/** "account": this debt only; "debtor": every account of the person (stored as account_id null). */
export const HOLD_SCOPES = ["account", "debtor"] as const;
export type HoldScope = (typeof HOLD_SCOPES)[number];

/**
 * A dispute is about one debt (FDCPA 1692g verification is per debt); a cease letter, an attorney, a bankruptcy
 * stay, a death or active military duty concern the person, so they hold every account by default.
 */
export const DEFAULT_HOLD_SCOPE: Record<HoldKind, HoldScope> = {
  dispute: "account",
  cease: "debtor",
  attorney: "debtor",
  bankruptcy: "debtor",
  deceased: "debtor",
  servicemember: "debtor",
  manual: "account",
};

/** Only a manual hold may be placed without evidence: every other kind rests on a letter, a filing, a record. */
export function holdNeedsEvidence(kind: HoldKind): boolean {
  return kind !== "manual";
}

export const BANKRUPTCY_CHAPTERS = ["7", "11", "13"] as const;
export const RELEASE_REASON_MIN = 10;

const accountId = z.uuid({ error: "Malformed account id" });
const holdId = z.uuid({ error: "Malformed hold id" });

/** Optional free text from a form: blank means absent. */
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is at most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : undefined));

const requiredText = (min: number, max: number, missing: string) =>
  z.string({ error: missing }).trim().min(min, missing).max(max, `At most ${max} characters`);

/** Kind-specific facts; keys not listed for a kind are dropped. The attorney's phone is checked by the verb. */
export const HOLD_DETAIL_SCHEMAS = {
  dispute: z.object({}),
  cease: z.object({}),
  manual: z.object({}),
  attorney: z.object({
    name: requiredText(2, 200, "Give the attorney's name"),
    firm: optionalText(200, "The firm"),
    phone: optionalText(40, "The phone number"),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(z.email({ error: "Enter a valid email address, like name@example.com" }).optional()),
  }),
  bankruptcy: z.object({
    chapter: z.enum(BANKRUPTCY_CHAPTERS, { error: "Choose the bankruptcy chapter: 7, 11 or 13" }),
    caseNumber: requiredText(3, 50, "Give the bankruptcy case number, e.g. 2:26-bk-01234"),
    court: optionalText(200, "The court"),
  }),
  deceased: z.object({
    dateOfDeath: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(z.iso.date({ error: "Date of death must be a date (YYYY-MM-DD)" }).optional()),
  }),
  servicemember: z.object({
    activeDutyEvidence: requiredText(
      3,
      500,
      "Give the active-duty evidence, e.g. DMDC/SCRA certificate dated 2026-11-20",
    ),
    branch: optionalText(100, "The branch"),
  }),
} satisfies Record<HoldKind, z.ZodType>;

export const placeHoldInput = z
  .object({
    accountId,
    kind: z.enum(HOLD_KINDS, { error: (i) => `Unknown hold kind "${String(i.input)}"` }),
    /** Omitted: the kind's default scope. */
    scope: z.enum(HOLD_SCOPES, { error: "Scope is this account or every account of the debtor" }).optional(),
    reason: requiredText(3, 1000, "Give the reason for the hold"),
    evidence: optionalText(1000, "The evidence"),
    details: z.record(z.string(), z.string()).optional(),
  })
  .transform((data, ctx) => {
    const scope = data.scope ?? DEFAULT_HOLD_SCOPE[data.kind];
    if (data.kind === "dispute" && scope !== "account") {
      ctx.addIssue({
        code: "custom",
        path: ["scope"],
        message: "A dispute concerns one debt: place it on this account only",
      });
    }
    if (holdNeedsEvidence(data.kind) && !data.evidence) {
      ctx.addIssue({
        code: "custom",
        path: ["evidence"],
        message: `Say what supports a ${HOLD_KIND_LABELS[data.kind].toLowerCase()} hold, e.g. "Letter received 2026-11-20, doc #123"`,
      });
    }
    const details = HOLD_DETAIL_SCHEMAS[data.kind].safeParse(data.details ?? {});
    if (!details.success) {
      for (const issue of details.error.issues) {
        ctx.addIssue({ code: "custom", path: ["details", ...issue.path.map(String)], message: issue.message });
      }
      return z.NEVER;
    }
    const clean = Object.fromEntries(
      Object.entries(details.data as Record<string, string | undefined>).filter(
        (e): e is [string, string] => e[1] !== undefined,
      ),
    );
    return { ...data, scope, details: clean };
  });
export type PlaceHoldInput = z.input<typeof placeHoldInput>;

export const releaseHoldInput = z.object({
  accountId,
  holdId,
  /** The version the user saw: a hold changed since is refused. */
  expectedVersion: z.number().int().positive(),
  reason: z
    .string({ error: "A reason is required to release a hold" })
    .trim()
    .min(RELEASE_REASON_MIN, {
      error: (i) =>
        i.input === ""
          ? "A reason is required to release a hold"
          : `Explain the release in at least ${RELEASE_REASON_MIN} characters`,
    })
    .max(1000, "A release reason is at most 1,000 characters"),
});
export type ReleaseHoldInput = z.input<typeof releaseHoldInput>;

export const listHoldsInput = z.object({ accountId });
export type ListHoldsInput = z.input<typeof listHoldsInput>;
