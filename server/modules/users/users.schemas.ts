import { z } from "zod";
import { ROLES } from "@/server/lib/permissions";

const roleSchema = z.enum(ROLES, { error: (issue) => `Unknown role "${String(issue.input)}": use one of ${ROLES.join(", ")}` });

export const createUserInput = z.object({
  email: z.email({ error: "Enter a valid email address" }).trim().toLowerCase().max(254),
  name: z.string().trim().min(1, "Name is required").max(120),
  role: roleSchema,
  password: z.string().min(12, "Password must be at least 12 characters").max(200),
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const userIdInput = z.object({ userId: z.uuid({ error: "Malformed user id" }) });

export const setUserRoleInput = userIdInput.extend({ role: roleSchema });
export type SetUserRoleInput = z.input<typeof setUserRoleInput>;

export const setUserActiveInput = userIdInput.extend({ active: z.boolean() });
export type SetUserActiveInput = z.input<typeof setUserActiveInput>;

export const signInInput = z.object({
  email: z.email().trim().toLowerCase(),
  password: z.string().min(1).max(200),
});
