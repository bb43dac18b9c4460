import { Badge, type BadgeProps } from "@/components/ui/badge";

export type ImportStatus = "uploaded" | "running" | "completed" | "rejected" | "cancelled" | "failed";

const LABELS: Record<ImportStatus, string> = {
  uploaded: "Waiting for mapping",
  running: "Running",
  completed: "Completed",
  rejected: "Rejected",
  cancelled: "Cancelled",
  failed: "Failed",
};

const VARIANTS: Record<ImportStatus, BadgeProps["variant"]> = {
  uploaded: "secondary",
  running: "default",
  completed: "success",
  rejected: "destructive",
  cancelled: "outline",
  failed: "destructive",
};

export function importStatusLabel(status: string, stale = false): string {
  // A run whose process died still reads "running" in the database; the person must know it will not finish.
  if (stale) return "Interrupted — resume";
  return LABELS[status as ImportStatus] ?? status;
}

export function ImportStatusBadge({ status, stale = false }: { status: string; stale?: boolean }) {
  return (
    <Badge variant={stale ? "warning" : (VARIANTS[status as ImportStatus] ?? "outline")}>
      {importStatusLabel(status, stale)}
    </Badge>
  );
}

export const KIND_LABELS: Record<string, string> = { accounts: "Accounts", payments: "Payments" };

export const fmt = (value: number) => value.toLocaleString("en-US");

/** "12.4 MB": file sizes as people read them. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${fmt(bytes)} bytes`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString("en-US", { maximumFractionDigits: value < 10 ? 1 : 0 })} ${units[unit]}`;
}
