"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
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
import { Textarea } from "@/components/ui/textarea";
import { describedBy, Field } from "./field";
import { fieldErrors } from "./mutation-errors";

/** Withdraws the pending promise, with a reason, at the account version on screen. */
export function CancelPromiseButton({ promiseId, accountVersion }: { promiseId: string; accountVersion: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const cancel = useMutation(
    trpc.interaction.cancelPromise.mutationOptions({
      onSuccess: async () => {
        toast.success("Promise cancelled");
        setOpen(false);
        await queryClient.invalidateQueries();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const errors = fieldErrors(cancel.error);
  const reasonError = errors.reason ?? (cancel.error && !errors.reason ? cancel.error.message : undefined);

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setReason("");
          cancel.reset();
        }
      }}
    >
      <AlertDialogTrigger asChild>
        <Button size="sm" variant="ghost">
          Cancel promise
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Cancel the promise?</AlertDialogTitle>
          <AlertDialogDescription>
            The promise is withdrawn; a promised account goes back to active.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <Field id={`${id}-reason`} label="Reason" error={reasonError}>
          <Textarea
            id={`${id}-reason`}
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            {...describedBy(`${id}-reason`, reasonError)}
          />
        </Field>
        <AlertDialogFooter>
          <AlertDialogCancel>Keep it</AlertDialogCancel>
          <AlertDialogAction
            variant="destructive"
            disabled={cancel.isPending}
            onClick={(event) => {
              event.preventDefault();
              cancel.mutate({ promiseId, expectedVersion: accountVersion, reason });
            }}
          >
            Cancel promise
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
