"use client";

import * as React from "react";
import { Toaster as Sonner, type ToasterProps } from "sonner";
import { CircleCheckIcon, InfoIcon, LoaderCircleIcon, OctagonXIcon, TriangleAlertIcon } from "lucide-react";

import { cn } from "@/components/ui/utils";

/**
 * App-wide toast outlet. Place once in the root layout; trigger with
 * `toast(...)` from "sonner". Colors follow the theme CSS variables; pass
 * `theme` explicitly if you manage light/dark yourself (defaults to "system").
 */
function Toaster({ className, theme = "system", style, ...props }: ToasterProps) {
  return (
    <Sonner
      theme={theme}
      className={cn("toaster group", className)}
      icons={{
        success: <CircleCheckIcon className="size-4" aria-hidden="true" />,
        info: <InfoIcon className="size-4" aria-hidden="true" />,
        warning: <TriangleAlertIcon className="size-4" aria-hidden="true" />,
        error: <OctagonXIcon className="size-4" aria-hidden="true" />,
        loading: <LoaderCircleIcon className="size-4 animate-spin" aria-hidden="true" />,
      }}
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
          "--border-radius": "var(--radius)",
          ...style,
        } as React.CSSProperties
      }
      {...props}
    />
  );
}

export { Toaster };
