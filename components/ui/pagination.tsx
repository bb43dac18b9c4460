import * as React from "react";
import { Slot } from "radix-ui";
import { ChevronLeftIcon, ChevronRightIcon, MoreHorizontalIcon } from "lucide-react";

import { buttonVariants, type ButtonProps } from "@/components/ui/button";
import { cn } from "@/components/ui/utils";

function Pagination({ className, "aria-label": ariaLabel = "Pagination", ...props }: React.ComponentProps<"nav">) {
  return (
    <nav
      aria-label={ariaLabel}
      data-slot="pagination"
      className={cn("mx-auto flex w-full justify-center", className)}
      {...props}
    />
  );
}

function PaginationContent({ className, ...props }: React.ComponentProps<"ul">) {
  return <ul data-slot="pagination-content" className={cn("flex flex-row items-center gap-1", className)} {...props} />;
}

function PaginationItem(props: React.ComponentProps<"li">) {
  return <li data-slot="pagination-item" {...props} />;
}

type PaginationLinkProps = React.ComponentProps<"a"> &
  Pick<ButtonProps, "size"> & {
    /** Marks the current page (`aria-current="page"`). */
    isActive?: boolean;
    /**
     * Render the single child element (e.g. next/link `<Link>`) instead of a
     * plain `<a>`, merging styling and aria props onto it.
     */
    asChild?: boolean;
  };

function PaginationLink({
  className,
  isActive = false,
  size = "icon",
  asChild = false,
  ...props
}: PaginationLinkProps) {
  const Comp = asChild ? Slot.Root : "a";

  return (
    <Comp
      aria-current={isActive ? "page" : undefined}
      data-slot="pagination-link"
      data-active={isActive}
      className={cn(buttonVariants({ variant: isActive ? "outline" : "ghost", size }), className)}
      {...props}
    />
  );
}

type PaginationDirectionProps = Omit<PaginationLinkProps, "size"> & {
  /** Visible text (hidden on small screens). */
  label?: string;
};

function PaginationDirectionLink({
  direction,
  label,
  asChild = false,
  children,
  className,
  ...props
}: PaginationDirectionProps & { direction: "previous" | "next" }) {
  const isPrevious = direction === "previous";
  const text = label ?? (isPrevious ? "Previous" : "Next");
  const Icon = isPrevious ? ChevronLeftIcon : ChevronRightIcon;

  const renderInner = (content: React.ReactNode) => {
    const textNode = <span className="hidden sm:block">{content ?? text}</span>;
    return isPrevious ? (
      <>
        <Icon aria-hidden="true" />
        {textNode}
      </>
    ) : (
      <>
        {textNode}
        <Icon aria-hidden="true" />
      </>
    );
  };

  return (
    <PaginationLink
      aria-label={isPrevious ? "Go to previous page" : "Go to next page"}
      data-slot={`pagination-${direction}`}
      size="default"
      asChild={asChild}
      className={cn("gap-1 px-2.5", isPrevious ? "sm:pl-2.5" : "sm:pr-2.5", className)}
      {...props}
    >
      {asChild ? (
        // Inject the icon and label into the consumer's own link element.
        <Slot.Slottable child={children}>{renderInner}</Slot.Slottable>
      ) : (
        renderInner(children)
      )}
    </PaginationLink>
  );
}

function PaginationPrevious(props: PaginationDirectionProps) {
  return <PaginationDirectionLink direction="previous" {...props} />;
}

function PaginationNext(props: PaginationDirectionProps) {
  return <PaginationDirectionLink direction="next" {...props} />;
}

function PaginationEllipsis({ className, ...props }: React.ComponentProps<"span">) {
  return (
    <span
      data-slot="pagination-ellipsis"
      className={cn("flex size-9 items-center justify-center", className)}
      {...props}
    >
      <MoreHorizontalIcon className="size-4" aria-hidden="true" />
      <span className="sr-only">More pages</span>
    </span>
  );
}

export {
  Pagination,
  PaginationContent,
  PaginationLink,
  PaginationItem,
  PaginationPrevious,
  PaginationNext,
  PaginationEllipsis,
};
export type { PaginationLinkProps, PaginationDirectionProps };
