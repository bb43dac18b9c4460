import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { contactPoints, optOuts } from "@/db/schema";
import { newRequestId, withTransaction, type ServiceContext } from "@/server/lib/context";
import { recordAudit } from "@/server/modules/audit/record";
import { verifyToken } from "./links";

export type UnsubscribeTarget = { orgId: string; contactPointId: string; debtorId: string; address: string };

/** The email address a signed unsubscribe link stands for, or null for a forged, altered or unknown one. */
export async function unsubscribeTarget(db: Database, token: string): Promise<UnsubscribeTarget | null> {
  const parts = verifyToken("unsubscribe", token);
  if (!parts || parts.length !== 2) return null;
  const [orgId, contactPointId] = parts as [string, string];
  const [point] = await db
    .select({ debtorId: contactPoints.debtorId, kind: contactPoints.kind, value: contactPoints.value })
    .from(contactPoints)
    .where(and(eq(contactPoints.orgId, orgId), eq(contactPoints.id, contactPointId)));
  if (!point || point.kind !== "email") return null;
  return { orgId, contactPointId, debtorId: point.debtorId, address: point.value };
}

/**
 * The debtor asked, by the link in an email, to receive no more email at this address (Reg F 1006.6(e),
 * 1006.14(h); RFC 8058 one-click). Recorded once however often the link is used; audited as the debtor's act.
 */
export async function unsubscribe(
  db: Database,
  target: UnsubscribeTarget,
  at: Date,
  source: "unsubscribe_link" | "complaint" = "unsubscribe_link",
): Promise<{ recorded: boolean }> {
  const ctx: ServiceContext = {
    db,
    orgId: target.orgId,
    actor: { type: "debtor", debtorId: target.debtorId },
    requestId: newRequestId(),
    now: () => at,
  };
  return withTransaction(ctx, async (tx) => {
    // One opt-out per address: the advisory lock makes two simultaneous clicks record it once.
    await tx.db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`opt-out:${target.contactPointId}`}, 0))`);
    const [existing] = await tx.db
      .select({ id: optOuts.id })
      .from(optOuts)
      .where(
        and(
          eq(optOuts.orgId, target.orgId),
          eq(optOuts.contactPointId, target.contactPointId),
          eq(optOuts.medium, "email"),
        ),
      );
    if (existing) return { recorded: false };
    const [row] = await tx.db
      .insert(optOuts)
      .values({
        orgId: target.orgId,
        debtorId: target.debtorId,
        contactPointId: target.contactPointId,
        medium: "email",
        source,
        at,
      })
      .returning();
    await recordAudit(tx, {
      action: "contact.opted_out",
      entityType: "contact_point",
      entityId: target.contactPointId,
      after: { optOutId: row!.id, medium: "email", value: target.address, optOutSource: source },
    });
    return { recorded: true };
  });
}
