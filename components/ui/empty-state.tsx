import * as React from "react";
import type { LucideIcon } from "lucide-react";

import { cn } from "@/components/ui/utils";

type EmptyStateProps = Omit<React.ComponentProps<"div">, "title"> & {
  /** A lucide icon component (`icon={InboxIcon}`) or a rendered element. */
  icon?: LucideIcon | React.ReactElement;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Optional call to action, e.g. a `<Button>`. */
  action?: React.ReactNode;
  /** Heading element for the title; pick one that fits the page outline. */
  titleAs?: "h2" | "h3" | "h4" | "p";
};

function EmptyState({
  icon,
  title,
  description,
  action,
  titleAs: Title = "h3",
  className,
  children,
  ...props
}: EmptyStateProps) {
  let iconNode: React.ReactNode = null;
  if (icon) {
    if (React.isValidElement(icon)) {
      iconNode = icon;
    } else {
      const Icon = icon;
      iconNode = <Icon className="size-6" aria-hidden="true" />;
    }
  }

  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex flex-col items-center justify-center gap-4 rounded-lg border border-dashed px-6 py-12 text-center text-balance",
        className,
      )}
      {...props}
    >
      {iconNode ? (
        <div
          data-slot="empty-state-icon"
          className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground [&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-6"
        >
          {iconNode}
        </div>
      ) : null}
      <div className="flex max-w-sm flex-col items-center gap-1.5">
        <Title data-slot="empty-state-title" className="text-lg font-semibold tracking-tight">
          {title}
        </Title>
        {description ? (
          <div
            data-slot="empty-state-description"
            className="text-sm text-muted-foreground [&_a]:underline [&_a]:underline-offset-4 [&_a:hover]:text-primary"
          >
            {description}
          </div>
        ) : null}
      </div>
      {children}
      {action ? (
        <div data-slot="empty-state-action" className="flex flex-wrap items-center justify-center gap-2">
          {action}
        </div>
      ) : null}
    </div>
  );
}

export { EmptyState };
export type { EmptyStateProps };
