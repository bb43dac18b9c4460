import { z } from "zod";
import { ROLES } from "@/server/lib/permissions";

/** Trimmed and lower-cased before the format check, so " Ada@Example.COM " is accepted as ada@example.com. */
const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: "Enter a valid email address" }));

const roleSchema = z.enum(ROLES, {
  error: (issue) => `Unknown role "${String(issue.input)}": use one of ${ROLES.join(", ")}`,
});

export const createUserInput = z.object({
  email: emailSchema,
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
  email: emailSchema,
  password: z.string().min(1).max(200),
});
