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

/** Complete, or cancel after confirming, one open task at the version on screen. Used here and on /tasks. */
export function TaskActions({ task }: { task: { id: string; title: string; version: number } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const done = async (message: string) => {
    toast.success(message);
    await queryClient.invalidateQueries();
  };
  const fail = async (error: { message: string }) => {
    toast.error(error.message);
    await queryClient.invalidateQueries();
  };
  const complete = useMutation(
    trpc.task.complete.mutationOptions({ onSuccess: () => done("Task completed"), onError: fail }),
  );
  const cancel = useMutation(
    trpc.task.cancel.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        return done("Task cancelled");
      },
      onError: (error) => {
        setConfirming(false);
        return fail(error);
      },
    }),
  );
  const busy = complete.isPending || cancel.isPending;

  return (
    <div className="flex gap-2">
      <Button
        size="sm"
        variant="outline"
        disabled={busy}
        aria-label={`Complete task: ${task.title}`}
        onClick={() => complete.mutate({ taskId: task.id, expectedVersion: task.version })}
      >
        Complete
      </Button>
      <AlertDialog open={confirming} onOpenChange={setConfirming}>
        <AlertDialogTrigger asChild>
          <Button size="sm" variant="ghost" disabled={busy} aria-label={`Cancel task: ${task.title}`}>
            Cancel
          </Button>
        </AlertDialogTrigger>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Cancel this task?</AlertDialogTitle>
            <AlertDialogDescription>
              “{task.title}” will be closed without being done. It stays in the account&apos;s timeline.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Keep it</AlertDialogCancel>
            <AlertDialogAction
              variant="destructive"
              onClick={(event) => {
                event.preventDefault();
                cancel.mutate({ taskId: task.id, expectedVersion: task.version });
              }}
            >
              Cancel task
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
