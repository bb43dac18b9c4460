import { eq, sql } from "drizzle-orm";
import { organizations } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { compliancePolicyInput, type CompliancePolicyInput } from "./compliance.schemas";
import { DEFAULT_POLICY } from "./gate/policy";
import { COMPLIANCE_SETTINGS_KEY, readCompliancePolicy } from "./snapshot";

/** The organization's compliance policy in force, with the law's defaults for what it does not set. */
export async function getCompliancePolicy({ ctx }: { ctx: ServiceContext }) {
  assertCan(ctx, "compliance.check");
  const { policy, regime } = await readCompliancePolicy(ctx.db, ctx.orgId);
  return { policy, regime, defaults: DEFAULT_POLICY };
}

/**
 * Saves the organization's regime and policy (admins). The schema refuses anything looser than the statutory
 * floor, naming the field and the limit, so nothing loose is ever stored; the change is audited.
 */
export async function setCompliancePolicy({ ctx, input }: { ctx: ServiceContext; input: CompliancePolicyInput }) {
  assertCan(ctx, "settings.manage");
  const data = parseInput(compliancePolicyInput, input);
  return withTransaction(ctx, async (tx) => {
    await tx.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.id, ctx.orgId))
      .for("update");
    const before = await readCompliancePolicy(tx.db, ctx.orgId);
    await tx.db
      .update(organizations)
      .set({
        settings: sql`${organizations.settings} || ${JSON.stringify({ [COMPLIANCE_SETTINGS_KEY]: data })}::jsonb`,
        updatedAt: ctx.now(),
      })
      .where(eq(organizations.id, ctx.orgId));
    const after = await readCompliancePolicy(tx.db, ctx.orgId);
    await recordAudit(tx, {
      action: "settings.compliance_policy_changed",
      entityType: "organization",
      entityId: ctx.orgId,
      before,
      after,
    });
    return after;
  });
}
