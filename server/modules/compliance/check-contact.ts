/**
 * The gate, wired to the database: every outbound action in Recoup calls `checkContact` at the moment it is
 * executed (DD-8). It reads the debtor's snapshot, asks the pure gate, and — when the action is really being
 * taken or refused — records the decision with its rule-set version and a digest of its inputs (REC-03).
 */
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { accounts, complianceDecisions } from "@/db/schema";
import { actorId, type ServiceContext } from "@/server/lib/context";
import { NotFoundError } from "@/server/lib/errors";
import { evaluate } from "./gate/evaluate";
import type { Action, Channel, Decision, MessageContent, Policy, Purpose, Snapshot } from "./gate/types";
import { loadSnapshot, readCompliancePolicy } from "./snapshot";

export type ContactRequest = {
  accountId: string;
  channel: Channel;
  contactPointId?: string | null;
  /** Every debt the action concerns; the account itself is always included. */
  accountIds?: string[];
  at?: Date;
  purpose?: Purpose;
  automated?: boolean;
  content?: MessageContent;
};

export type ContactCheck = {
  decision: Decision;
  action: Action;
  debtorId: string;
  accountIds: string[];
  digest: string;
};

/** JSON with sorted keys, so equal inputs always give the same digest. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function inputDigest(action: Action, snapshot: Snapshot, policy: Policy, ruleSetVersion: string): string {
  return createHash("sha256").update(canonical({ action, snapshot, policy, ruleSetVersion })).digest("hex");
}

/** The debtor of an account and everything the gate needs about them, read once for any number of questions. */
export type PreparedCheck = { debtorId: string; snapshot: Snapshot; policy: Policy; now: number };

export async function prepareCheck(ctx: ServiceContext, accountId: string, at: Date): Promise<PreparedCheck> {
  const [account] = await ctx.db
    .select({ debtorId: accounts.debtorId })
    .from(accounts)
    .where(and(eq(accounts.orgId, ctx.orgId), eq(accounts.id, accountId)));
  if (!account) throw new NotFoundError("Account", accountId);
  const { policy, regime } = await readCompliancePolicy(ctx.db, ctx.orgId);
  const snapshot = await loadSnapshot(ctx.db, ctx.orgId, account.debtorId, regime, at);
  return { debtorId: account.debtorId, snapshot, policy, now: ctx.now().getTime() };
}

/** One question to the gate about a prepared debtor. Debts not theirs are not in the snapshot: blocked. */
export function decide(prepared: PreparedCheck, request: ContactRequest, at: Date): ContactCheck {
  const ids = [...new Set([request.accountId, ...(request.accountIds ?? [])])];
  const action: Action = {
    channel: request.channel,
    at: at.getTime(),
    personId: prepared.debtorId,
    contactPointId: request.contactPointId ?? undefined,
    debtIds: ids,
    purpose: request.purpose,
    automated: request.automated,
    content: request.content,
  };
  const decision = evaluate(action, prepared.snapshot, prepared.policy, prepared.now);
  return {
    decision,
    action,
    debtorId: prepared.debtorId,
    accountIds: ids,
    digest: inputDigest(action, prepared.snapshot, prepared.policy, decision.ruleSetVersion),
  };
}

/** Asks the gate about one action on one of the organization's accounts; records nothing. */
export async function checkContact(ctx: ServiceContext, request: ContactRequest): Promise<ContactCheck> {
  const at = request.at ?? ctx.now();
  return decide(await prepareCheck(ctx, request.accountId, at), request, at);
}

/** Stores a decision taken on an executed (or refused) action, with the manager's override when there is one. */
export async function recordDecision(
  ctx: ServiceContext,
  check: ContactCheck,
  override?: { byUserId: string; reason: string },
): Promise<{ id: string }> {
  const { decision, action } = check;
  const [row] = await ctx.db
    .insert(complianceDecisions)
    .values({
      orgId: ctx.orgId,
      debtorId: check.debtorId,
      accountId: check.accountIds[0],
      accountIds: check.accountIds,
      channel: action.channel,
      purpose: action.purpose ?? "collection",
      contactPointId: action.contactPointId ?? null,
      actionAt: new Date(action.at),
      decision: decision.decision,
      rules: decision.rules,
      reasons: decision.reasons.map((r) => ({
        rule: r.rule,
        severity: r.severity,
        message: r.message,
        ...(r.until !== undefined ? { until: new Date(r.until).toISOString() } : {}),
      })),
      nextAllowedAt: decision.nextAllowedAt !== undefined ? new Date(decision.nextAllowedAt) : null,
      ruleSetVersion: decision.ruleSetVersion,
      inputDigest: check.digest,
      actorType: ctx.actor.type,
      actorId: actorId(ctx.actor),
      overrideById: override?.byUserId ?? null,
      overrideReason: override?.reason ?? null,
      evaluatedAt: new Date(decision.evaluatedAt),
    })
    .returning({ id: complianceDecisions.id });
  return row!;
}
