import * as React from "react";
import { ChevronDownIcon } from "lucide-react";

import { cn } from "@/components/ui/utils";

type NativeSelectProps = React.ComponentProps<"select"> & {
  /** Class names for the wrapping element (width, margins). */
  wrapperClassName?: string;
};

/**
 * A styled plain `<select>`: works without JavaScript, submits with forms and
 * forwards every prop (name, defaultValue, required, aria-*, ref, ...).
 * Use `<option>` / `<optgroup>` children.
 */
function NativeSelect({ className, wrapperClassName, multiple, ...props }: NativeSelectProps) {
  return (
    <div
      data-slot="native-select-wrapper"
      className={cn("relative w-full has-[select:disabled]:opacity-50", wrapperClassName)}
    >
      <select
        data-slot="native-select"
        multiple={multiple}
        className={cn(
          "w-full min-w-0 appearance-none rounded-md border border-input bg-transparent py-1 pl-3 text-base shadow-xs transition-[color,box-shadow] outline-none disabled:cursor-not-allowed md:text-sm dark:bg-input/30",
          multiple ? "min-h-16 pr-3" : "h-9 pr-9",
          "focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50",
          "aria-invalid:border-destructive aria-invalid:ring-destructive/20 dark:aria-invalid:ring-destructive/40",
          "[&>option]:bg-popover [&>option]:text-popover-foreground",
          className,
        )}
        {...props}
      />
      {multiple ? null : (
        <ChevronDownIcon
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground opacity-50"
        />
      )}
    </div>
  );
}

export { NativeSelect };
export type { NativeSelectProps };
