"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { ConflictAlert } from "./conflict-alert";
import { Field } from "./field";
import { formError, isConflict } from "./mutation-errors";
import type { WorkspaceData } from "./types";

const UNASSIGNED = "__unassigned__";

/** Managers and admins assign one account; the version they saw guards against a concurrent change. */
export function AssignDialog({ detail }: { detail: WorkspaceData }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const current = detail.assignee?.id ?? UNASSIGNED;
  const [assignee, setAssignee] = useState(current);
  const [seenVersion, setSeenVersion] = useState(detail.account.version);
  const usersQuery = useQuery({ ...trpc.user.list.queryOptions(), enabled: open });
  const candidates = (usersQuery.data ?? []).filter((u) => u.active && u.role !== "auditor");

  const assign = useMutation(
    trpc.account.assign.mutationOptions({
      onSuccess: async () => {
        toast.success(assignee === UNASSIGNED ? "Account unassigned" : "Account assigned");
        setOpen(false);
        await queryClient.invalidateQueries();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const conflict = isConflict(assign.error);
  const general = conflict ? null : formError(assign.error);

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) {
      setAssignee(current);
      setSeenVersion(detail.account.version);
      assign.reset();
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    assign.mutate({
      accountIds: [detail.account.id],
      assigneeId: assignee === UNASSIGNED ? null : assignee,
      expectedVersion: seenVersion,
    });
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline">Assign</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Assign account</DialogTitle>
          <DialogDescription>
            Currently {detail.assignee ? `assigned to ${detail.assignee.name}` : "unassigned"}.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          {conflict ? <ConflictAlert message={assign.error!.message} onReloaded={() => setOpen(false)} /> : null}
          {general ? (
            <Alert variant="destructive">
              <AlertDescription>{general}</AlertDescription>
            </Alert>
          ) : null}
          <Field id={`${id}-assignee`} label="Assignee">
            <NativeSelect
              id={`${id}-assignee`}
              value={assignee}
              disabled={usersQuery.isPending}
              onChange={(e) => setAssignee(e.target.value)}
            >
              <option value={UNASSIGNED}>Unassigned</option>
              {detail.assignee && !candidates.some((u) => u.id === detail.assignee!.id) ? (
                <option value={detail.assignee.id}>{detail.assignee.name}</option>
              ) : null}
              {candidates.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.role})
                </option>
              ))}
            </NativeSelect>
          </Field>
          {usersQuery.isError ? <p className="text-sm text-destructive">The team could not be loaded.</p> : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={assign.isPending || assignee === current}>
              {assign.isPending ? <Spinner label="Saving" /> : null}
              Save assignment
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
