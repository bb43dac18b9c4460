import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/utils";
import { bucketLabel, type AgingBucket } from "@/server/modules/accounts/aging";

/** Green (current) through red (180+). */
const bucketClasses: Record<AgingBucket, string> = {
  current:
    "border-emerald-200 bg-emerald-50 text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  "1-30": "border-lime-200 bg-lime-50 text-lime-800 dark:border-lime-900 dark:bg-lime-950 dark:text-lime-200",
  "31-60":
    "border-yellow-200 bg-yellow-50 text-yellow-800 dark:border-yellow-900 dark:bg-yellow-950 dark:text-yellow-200",
  "61-90": "border-amber-200 bg-amber-50 text-amber-800 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200",
  "91-120":
    "border-orange-200 bg-orange-50 text-orange-800 dark:border-orange-900 dark:bg-orange-950 dark:text-orange-200",
  "121-180": "border-red-200 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200",
  "180+": "border-red-300 bg-red-100 text-red-900 dark:border-red-800 dark:bg-red-900 dark:text-red-100",
};

/** Solid colors for charts, in the same order. */
export const bucketBarClasses: Record<AgingBucket, string> = {
  current: "bg-emerald-500",
  "1-30": "bg-lime-500",
  "31-60": "bg-yellow-500",
  "61-90": "bg-amber-500",
  "91-120": "bg-orange-500",
  "121-180": "bg-red-500",
  "180+": "bg-red-700",
};

export function AgingBadge({ bucket, className }: { bucket: AgingBucket; className?: string }) {
  const label = bucketLabel(bucket);
  return (
    <Badge
      variant="outline"
      className={cn(bucketClasses[bucket], className)}
      title={`Aging bucket ${label} days past due`}
    >
      {label}
    </Badge>
  );
}
