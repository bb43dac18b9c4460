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
  /** Tagging is a portfolio-shaping action, like assignment. */
  "account.tag": ["admin", "manager"],
  /** Exporting the portfolio is bulk personal data leaving the system: not for agents. */
  "account.export": ["admin", "manager", "auditor"],
  "interaction.log": ["admin", "manager", "agent"],
  "hold.place": ["admin", "manager", "agent"],
  /** Lifting a stop on collection is a supervisor's decision. */
  "hold.release": ["admin", "manager"],
  "contact.manage": ["admin", "manager", "agent"],
  "task.manage": ["admin", "manager", "agent"],
  "view.manage": ["admin", "manager", "agent"],
  "view.share": ["admin", "manager"],
  "queue.read": ["admin", "manager", "agent", "auditor"],
  "queue.work": ["admin", "manager", "agent"],
  "queue.manage": ["admin"],
  "team.read": ["admin", "manager", "auditor"],
  "team.rebalance": ["admin", "manager"],
  "settings.manage": ["admin"],
  /** Imports create and change accounts and post payments in bulk: a manager's or an admin's job. */
  "import.read": ["admin", "manager", "auditor"],
  "import.run": ["admin", "manager"],
  "dashboard.read": ["admin", "manager", "agent", "auditor"],
  /** Whether a contact is allowed now: everyone who works accounts sees it. */
  "compliance.check": ["admin", "manager", "agent", "auditor"],
  /** The compliance view: decisions and blocks across the organization. */
  "compliance.report": ["admin", "manager", "auditor"],
  /** Letting a blocked contact through, with a reason (audited): a supervisor's decision. */
  "compliance.override": ["admin", "manager"],
  "validation.record": ["admin", "manager", "agent"],
  "template.read": ["admin", "manager", "agent", "auditor"],
  /** What goes out to debtors in the organization's name: written and published by admins. */
  "template.manage": ["admin"],
  "message.send": ["admin", "manager", "agent"],
  /** The outbox across the organization (an account's messages are on its timeline for whoever reads it). */
  "message.read": ["admin", "manager", "auditor"],
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
