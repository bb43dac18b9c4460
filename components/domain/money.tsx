import { formatMoney } from "@/server/lib/money";
import { cn } from "@/components/ui/utils";

/** An amount in integer minor units, formatted for its currency; right-aligned with tabular figures. */
export function Money({
  minor,
  currency = "USD",
  className,
}: {
  minor: number;
  currency?: string;
  className?: string;
}) {
  return <span className={cn("block text-right tabular-nums", className)}>{formatMoney(minor, currency)}</span>;
}
