import {
  FileClockIcon,
  FileTextIcon,
  FileUpIcon,
  InboxIcon,
  MailIcon,
  LayoutDashboardIcon,
  ListChecksIcon,
  ListOrderedIcon,
  LogOutIcon,
  ShieldCheckIcon,
  UsersIcon,
  UsersRoundIcon,
  WalletIcon,
  type LucideIcon,
} from "lucide-react";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { NavLink } from "@/components/layout/nav-link";
import { Badge } from "@/components/ui/badge";
import { currentStaff } from "@/server/auth/staff";
import { can, type Permission } from "@/server/lib/permissions";

const NAV: { href: string; label: string; icon: LucideIcon; permission?: Permission }[] = [
  { href: "/dashboard", label: "Dashboard", icon: LayoutDashboardIcon },
  { href: "/queue", label: "My queue", icon: InboxIcon, permission: "queue.work" },
  { href: "/tasks", label: "Tasks", icon: ListChecksIcon, permission: "task.manage" },
  { href: "/accounts", label: "Accounts", icon: WalletIcon },
  { href: "/queues", label: "Queues", icon: ListOrderedIcon, permission: "queue.read" },
  { href: "/team", label: "Team", icon: UsersRoundIcon, permission: "team.read" },
  { href: "/imports", label: "Imports", icon: FileUpIcon, permission: "import.read" },
  { href: "/compliance", label: "Compliance", icon: ShieldCheckIcon, permission: "compliance.report" },
  { href: "/templates", label: "Templates", icon: FileTextIcon, permission: "template.read" },
  { href: "/outbox", label: "Outbox", icon: MailIcon, permission: "message.read" },
  { href: "/settings/users", label: "Users", icon: UsersIcon, permission: "user.read" },
  { href: "/audit", label: "Audit log", icon: FileClockIcon, permission: "audit.read" },
];

/** The staff shell. Pages check their own permission too; hiding a link is not access control. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const staff = await currentStaff();
  if (!staff) redirect("/sign-in");
  const ctx = { actor: { type: "staff" as const, userId: staff.userId, role: staff.role } };
  const items = NAV.filter((item) => !item.permission || can(ctx, item.permission));

  return (
    <div className="flex min-h-dvh flex-col md:flex-row">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-background focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <aside className="flex shrink-0 flex-col border-b bg-sidebar text-sidebar-foreground md:sticky md:top-0 md:h-dvh md:w-60 md:gap-6 md:border-r md:border-b-0 md:p-4">
        <div className="px-4 pt-3 md:px-2 md:pt-0">
          <Link
            href="/dashboard"
            className="rounded-sm text-lg font-semibold tracking-tight outline-none focus-visible:ring-[3px] focus-visible:ring-sidebar-ring/50"
          >
            Recoup
          </Link>
        </div>
        <nav aria-label="Main" className="overflow-x-auto px-2 py-2 md:flex-1 md:overflow-visible md:p-0">
          <ul className="flex flex-row gap-1 md:flex-col">
            {items.map((item) => (
              <li key={item.href}>
                <NavLink href={item.href}>
                  <item.icon className="size-4" aria-hidden="true" />
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        {/* One user block for every screen size: a row under the top bar on phones, the sidebar's foot on desktops. */}
        <div className="flex items-center gap-3 border-t px-4 py-2 md:flex-col md:items-stretch md:gap-2 md:px-0 md:pt-4 md:pb-0">
          <div className="flex min-w-0 flex-1 items-center gap-2 md:flex-none md:flex-col md:items-start md:gap-1 md:px-2">
            <span className="truncate text-sm font-medium" title={staff.email}>
              {staff.name}
            </span>
            {/* The role's own name (e.g. "agent"), shown capitalized. */}
            <Badge variant="secondary" className="capitalize" title="Your role">
              {staff.role}
            </Badge>
          </div>
          <Link
            href="/sign-out"
            className="flex items-center gap-2 rounded-md px-2 py-2 text-sm text-sidebar-foreground/80 outline-none hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:ring-[3px] focus-visible:ring-sidebar-ring/50"
          >
            <LogOutIcon className="size-4" aria-hidden="true" />
            Sign out
          </Link>
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-8 md:py-8">
        {children}
      </main>
    </div>
  );
}
