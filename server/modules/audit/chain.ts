import { createHash } from "node:crypto";

/** The genesis "previous hash" of every organization's chain. */
export const GENESIS_HASH = "0".repeat(64);

export type AuditContent = {
  orgId: string;
  actorType: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string;
  occurredAt: Date;
};

/** JSON with keys sorted at every depth, so the same content always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  return JSON.stringify(value);
}

/** Turns a snapshot into plain JSON (dates to ISO strings, bigints to strings) exactly as jsonb will return it. */
export function toJsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))) as unknown;
}

export function hashEvent(prevHash: string, c: AuditContent): string {
  // Picked field by field: a stored row also carries seq and hashes, which are not part of the content.
  const content = {
    orgId: c.orgId,
    actorType: c.actorType,
    actorId: c.actorId,
    action: c.action,
    entityType: c.entityType,
    entityId: c.entityId,
    before: c.before,
    after: c.after,
    requestId: c.requestId,
    occurredAt: c.occurredAt.toISOString(),
  };
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(content)).digest("hex");
}

export type ChainRow = AuditContent & { seq: number; prevHash: string; hash: string };

export type ChainBreak = { seq: number; reason: string };

/**
 * Checks a run of consecutive events of one organization. `expectedPrev` is the hash of the event before the
 * first one (GENESIS_HASH at the start). Returns the first break, or the last hash to continue from.
 */
export function verifyRun(
  rows: readonly ChainRow[],
  expectedPrev: string,
): { ok: true; lastHash: string } | { ok: false; broken: ChainBreak } {
  let prev = expectedPrev;
  for (const row of rows) {
    if (row.prevHash !== prev) {
      return {
        ok: false,
        broken: {
          seq: row.seq,
          reason: "its previous-hash does not match the event before it (an event was removed, inserted or reordered)",
        },
      };
    }
    const recomputed = hashEvent(row.prevHash, row);
    if (recomputed !== row.hash) {
      return {
        ok: false,
        broken: { seq: row.seq, reason: "its content no longer matches its hash (the event was altered)" },
      };
    }
    prev = row.hash;
  }
  return { ok: true, lastHash: prev };
}
