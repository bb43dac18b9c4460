import { z } from "zod";
import { accountViewDefinition } from "@/server/modules/accounts/accounts.schemas";

export const viewId = z.uuid({ error: "Malformed view id" });

export const VIEW_NAME_MAX = 80;
const viewName = z
  .string({ error: "Give the view a name" })
  .trim()
  .min(1, "Give the view a name")
  .max(VIEW_NAME_MAX, `A view name is at most ${VIEW_NAME_MAX} characters`);

/** The list's filters and ordering, as stored in saved_views.filters (re-validated whenever read). */
export const viewDefinition = accountViewDefinition;

export const createViewInput = z.object({ name: viewName, filters: viewDefinition });
export type CreateViewInput = z.input<typeof createViewInput>;

export const updateViewInput = z
  .object({ viewId, name: viewName.optional(), filters: viewDefinition.optional() })
  .refine((v) => v.name !== undefined || v.filters !== undefined, {
    path: ["name"],
    message: "Give a new name or new filters",
  });
export type UpdateViewInput = z.input<typeof updateViewInput>;

export const deleteViewInput = z.object({ viewId });
export type DeleteViewInput = z.input<typeof deleteViewInput>;

export const shareViewInput = z.object({ viewId, shared: z.boolean({ error: "Say whether to share the view" }) });
export type ShareViewInput = z.input<typeof shareViewInput>;
