import * as React from "react";
import { LoaderCircleIcon } from "lucide-react";

import { cn } from "@/components/ui/utils";

type SpinnerProps = React.ComponentProps<typeof LoaderCircleIcon> & {
  /** Accessible name announced to screen readers. */
  label?: string;
};

function Spinner({ className, label = "Loading", ...props }: SpinnerProps) {
  return (
    <LoaderCircleIcon
      role="status"
      aria-label={label}
      data-slot="spinner"
      className={cn("size-4 animate-spin", className)}
      {...props}
    />
  );
}

export { Spinner };
export type { SpinnerProps };
