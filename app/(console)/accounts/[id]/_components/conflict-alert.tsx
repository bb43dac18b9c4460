"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Shown when another person saved the account first: their change stands, this one was not applied. */
export function ConflictAlert({ message, onReloaded }: { message: string; onReloaded?: () => void }) {
  const queryClient = useQueryClient();
  return (
    <Alert variant="destructive">
      <AlertTitle>Someone else changed this account</AlertTitle>
      <AlertDescription className="flex flex-col gap-2">
        <span>{message} Your change was not saved and nothing was overwritten.</span>
        <span>
          <Button
            type="button"
            variant="outline"
            size="sm"
            onClick={() => {
              void queryClient.invalidateQueries().then(() => onReloaded?.());
            }}
          >
            Reload the account
          </Button>
        </span>
      </AlertDescription>
    </Alert>
  );
}
