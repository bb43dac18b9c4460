import { and, count, eq, gte, isNotNull, sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { complianceDecisions } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { RULE_SET_VERSION } from "./gate/types";
import { overviewInput, type OverviewInput } from "./compliance.schemas";

const DAY = 86_400_000;

/** The compliance view's figures for the last `days`: decisions by outcome, blocks by rule, overrides. */
export async function getComplianceOverview({ ctx, input }: { ctx: ServiceContext; input: OverviewInput }) {
  assertCan(ctx, "compliance.report");
  const { days } = parseInput(overviewInput, input);
  const since = new Date(ctx.now().getTime() - days * DAY);
  const inPeriod = and(eq(complianceDecisions.orgId, ctx.orgId), gte(complianceDecisions.evaluatedAt, since));
  const [byDecision, byRule, [overrides]] = await Promise.all([
    ctx.db
      .select({ decision: complianceDecisions.decision, n: count() })
      .from(complianceDecisions)
      .where(inPeriod)
      .groupBy(complianceDecisions.decision),
    ctx.db.execute(sql`select rule, count(*)::int as n
      from compliance_decisions d cross join unnest(d.rules) as rule
      where d.org_id = ${ctx.orgId} and d.evaluated_at >= ${since.toISOString()}::timestamptz and d.decision = 'block'
      group by rule order by n desc, rule`),
    ctx.db
      .select({ n: count() })
      .from(complianceDecisions)
      .where(and(inPeriod, isNotNull(complianceDecisions.overrideById))),
  ]);
  const totals = { allow: 0, warn: 0, block: 0 };
  for (const row of byDecision) totals[row.decision] = row.n;
  return {
    days,
    since,
    ruleSetVersion: RULE_SET_VERSION,
    totals,
    overrides: overrides?.n ?? 0,
    blocksByRule: rowsOf<{ rule: string; n: number }>(byRule),
  };
}
