import { USER_ROLES } from "@/db/schema/values";
import type { ServiceContext } from "./context";
import { ForbiddenError } from "./errors";

export const ROLES = USER_ROLES;
export type Role = (typeof ROLES)[number];

/**
 * The fine-grained matrix that domain verbs check. tRPC procedures check roles coarsely first; a verb checks
 * again here so cron jobs, webhooks and scripts calling the verb directly are held to the same rules.
 */
const grants = {
  "account.read": ["admin", "manager", "agent", "auditor"],
  "account.note": ["admin", "manager", "agent"],
  "account.assign": ["admin", "manager"],
  "account.status": ["admin", "manager", "agent"],
  "dashboard.read": ["admin", "manager", "agent", "auditor"],
  "audit.read": ["admin", "manager", "auditor"],
  "user.read": ["admin", "manager", "auditor"],
  "user.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof grants;

export function can(ctx: Pick<ServiceContext, "actor">, permission: Permission): boolean {
  const { actor } = ctx;
  if (actor.type === "system") return true;
  if (actor.type !== "staff") return false;
  return (grants[permission] as readonly Role[]).includes(actor.role);
}

export function assertCan(ctx: Pick<ServiceContext, "actor">, permission: Permission): void {
  if (!can(ctx, permission)) throw new ForbiddenError(`Your role may not ${permission.replace(".", ": ")}`);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(grants) as Permission[]).filter((p) => (grants[p] as readonly Role[]).includes(role));
}
