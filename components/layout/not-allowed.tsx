import { ShieldXIcon } from "lucide-react";
import { ROLES, permissionsOf, type Permission, type Role } from "@/server/lib/permissions";

const roleNames: Record<Role, string> = { admin: "Admin", manager: "Manager", agent: "Agent", auditor: "Auditor" };

function rolesFor(permission: Permission): string {
  const names = ROLES.filter((role) => permissionsOf(role).includes(permission)).map((role) => roleNames[role]);
  if (names.length <= 1) return names[0] ?? "No role";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** Shown by a console page when the signed-in role lacks the page's permission. */
export function NotAllowed({
  permission,
  role,
  what = "this page",
}: {
  permission: Permission;
  role?: Role;
  what?: string;
}) {
  const roles = rolesFor(permission);
  const plural = roles.includes(" and ");
  return (
    <div
      data-testid="not-allowed"
      className="mx-auto flex max-w-lg flex-col items-center gap-3 rounded-lg border border-dashed px-6 py-16 text-center"
    >
      <div className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <ShieldXIcon className="size-6" aria-hidden="true" />
      </div>
      <h1 className="text-2xl font-semibold tracking-tight">Not allowed</h1>
      <p className="text-sm text-muted-foreground">
        Only the {roles} {plural ? "roles" : "role"} can see {what}.
        {role ? ` You are signed in as ${roleNames[role]}.` : null}
      </p>
    </div>
  );
}
