"use client";

import type { ReactNode } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Label } from "@/components/ui/label";

/** The part of a tRPC client error the forms read: its message and the per-field issues the server sent. */
export type MutationError = {
  message: string;
  data?: { issues?: { path: string; message: string }[] } | null;
} | null;

/**
 * Splits a server error into messages for the fields on screen and one message for the rest, so every problem
 * is shown once: next to its field when there is one, above the form otherwise.
 */
export function splitErrors(error: MutationError, fields: readonly string[]) {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const issue of error?.data?.issues ?? []) {
    if (fields.includes(issue.path))
      byField[issue.path] = [byField[issue.path], issue.message].filter(Boolean).join(" ");
    else rest.push(issue.message);
  }
  const hasIssues = (error?.data?.issues?.length ?? 0) > 0;
  const formError = error ? (hasIssues ? rest.join(" ") || null : error.message) : null;
  return { byField, formError };
}

export function FormError({ message }: { message: string | null }) {
  return message ? (
    <Alert variant="destructive">
      <AlertDescription>{message}</AlertDescription>
    </Alert>
  ) : null;
}

export type ControlProps = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

/** A labelled control with its error (or hint) underneath, wired for screen readers. */
export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  children: (props: ControlProps) => ReactNode;
}) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-destructive">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
