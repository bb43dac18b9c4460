import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { AccountStatus } from "@/server/modules/accounts/accounts.schemas";

export const STATUS_LABELS: Record<AccountStatus, string> = {
  active: "Active",
  in_plan: "In plan",
  promised: "Promised",
  disputed: "Disputed",
  on_hold: "On hold",
  settled: "Settled",
  paid: "Paid",
  closed: "Closed",
  recalled: "Recalled",
  legal: "Legal",
};

const variants: Record<AccountStatus, BadgeProps["variant"]> = {
  active: "default",
  in_plan: "secondary",
  promised: "secondary",
  disputed: "warning",
  on_hold: "warning",
  settled: "success",
  paid: "success",
  closed: "outline",
  recalled: "outline",
  legal: "destructive",
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status as AccountStatus] ?? status;
}

export function StatusBadge({ status, className }: { status: string; className?: string }) {
  return (
    <Badge variant={variants[status as AccountStatus] ?? "outline"} className={className}>
      {statusLabel(status)}
    </Badge>
  );
}
