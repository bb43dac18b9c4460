"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc-provider";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

/** Cancels a running import, or discards one still waiting for its mapping, after a confirmation. */
export function CancelImportButton({
  importId,
  waiting,
  disabled,
}: {
  importId: string;
  /** Not started yet: the upload is closed rather than a run stopped. */
  waiting: boolean;
  disabled?: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const cancel = useMutation(
    trpc.imports.cancel.mutationOptions({
      onSuccess: async () => {
        toast.success(waiting ? "The upload was discarded" : "Cancelling the import");
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.imports.get.queryKey({ id: importId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.imports.list.queryKey() }),
        ]);
      },
      onError: (error) => toast.error(error.message),
      onSettled: () => setOpen(false),
    }),
  );
  const action = waiting ? "Discard this upload" : "Cancel import";

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (!cancel.isPending) setOpen(next);
      }}
    >
      <AlertDialogTrigger asChild>
        <Button type="button" variant="outline" disabled={disabled || cancel.isPending}>
          {action}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{waiting ? "Discard this upload?" : "Cancel this import?"}</AlertDialogTitle>
          <AlertDialogDescription>
            {waiting
              ? "Nothing has been imported from this file. To import it later, upload it again."
              : "The import stops at its next checkpoint and nothing from this file is imported. You can start it again afterwards."}
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={cancel.isPending}>{waiting ? "Keep it" : "Keep importing"}</AlertDialogCancel>
          <AlertDialogAction
            variant="destructive"
            disabled={cancel.isPending}
            onClick={(event) => {
              // Stay open until the server answers, so a failure is seen where it happened.
              event.preventDefault();
              cancel.mutate({ id: importId });
            }}
          >
            {cancel.isPending ? <Spinner label="Cancelling" /> : null}
            {action}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
