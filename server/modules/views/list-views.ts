import { and, asc, eq, or } from "drizzle-orm";
import { savedViews, users } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { mayChange, readDefinition } from "./shared";

/**
 * The caller's own views and those shared in the organization, each re-validated: a view whose filters no
 * longer validate is listed with the reason instead of its definition, so it can be fixed, never applied.
 */
export async function listViews({ ctx }: { ctx: ServiceContext }) {
  assertCan(ctx, "account.read");
  const me = ctx.actor.type === "staff" ? ctx.actor.userId : null;
  const rows = await ctx.db
    .select({ view: savedViews, ownerName: users.name })
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.ownerId))
    .where(
      and(
        eq(savedViews.orgId, ctx.orgId),
        me ? or(eq(savedViews.ownerId, me), eq(savedViews.shared, true)) : eq(savedViews.shared, true),
      ),
    )
    .orderBy(asc(savedViews.name), asc(savedViews.id));
  return rows.map(({ view, ownerName }) => ({
    id: view.id,
    name: view.name,
    shared: view.shared,
    ownerId: view.ownerId,
    ownerName,
    mine: view.ownerId === me,
    canChange: mayChange(ctx, view),
    ...readDefinition(view),
    updatedAt: view.updatedAt,
  }));
}
