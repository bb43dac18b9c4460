import { and, eq } from "drizzle-orm";
import { savedViews } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { ConflictError, ForbiddenError, isUniqueViolation, NotFoundError } from "@/server/lib/errors";
import { viewDefinition } from "./views.schemas";

export type SavedViewRow = typeof savedViews.$inferSelect;

/** The staff member acting, who owns the views they save. */
export function ownerOf(ctx: ServiceContext): string {
  if (ctx.actor.type !== "staff") throw new ForbiddenError("Only staff members have saved views");
  return ctx.actor.userId;
}

function isAdmin(ctx: ServiceContext): boolean {
  return ctx.actor.type === "staff" && ctx.actor.role === "admin";
}

export function mayChange(ctx: ServiceContext, view: SavedViewRow): boolean {
  return (ctx.actor.type === "staff" && view.ownerId === ctx.actor.userId) || isAdmin(ctx);
}

/**
 * A view of the caller's organization that the caller may change (its owner, or an admin), locked. A view the
 * caller cannot even see (another organization's, or someone else's unshared one) is not found.
 */
export async function findChangeableView(ctx: ServiceContext, viewId: string): Promise<SavedViewRow> {
  const [view] = await ctx.db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.id, viewId), eq(savedViews.orgId, ctx.orgId)))
    .for("update");
  const visible = view && (view.shared || mayChange(ctx, view));
  if (!view || !visible) throw new NotFoundError("Saved view", viewId);
  if (!mayChange(ctx, view)) throw new ForbiddenError("Only the view's owner or an admin may change it");
  return view;
}

/** The stored filters re-validated against today's list, or the reason they no longer are valid. */
export function readDefinition(view: Pick<SavedViewRow, "filters">) {
  const parsed = viewDefinition.safeParse(view.filters);
  if (parsed.success) return { definition: parsed.data, problem: null };
  const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "filters"}: ${i.message}`).join("; ");
  return { definition: null, problem: `This view's filters are no longer valid (${problems}); save it again` };
}

/** JSON as stored: the parsed definition, so defaults and normalisation (upper-case state…) are kept. */
export function storedDefinition(definition: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(definition)) as Record<string, unknown>;
}

/** Runs a write that may hit the one-name-per-owner index, turning that into a clear conflict. */
export async function uniqueName<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error, "saved_views_owner_name_unique")) {
      throw new ConflictError(`There is already a view named "${name}"; choose another name`, { cause: error });
    }
    throw error;
  }
}
