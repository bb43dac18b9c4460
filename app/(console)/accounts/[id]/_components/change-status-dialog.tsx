"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { STATUS_LABELS } from "@/components/domain/status-badge";
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
import { Textarea } from "@/components/ui/textarea";
import { ACCOUNT_STATUSES, type AccountStatus } from "@/server/modules/accounts/accounts.schemas";
import { ConflictAlert } from "./conflict-alert";
import { describedBy, Field } from "./field";
import { fieldErrors, formError, isConflict } from "./mutation-errors";
import type { WorkspaceData } from "./types";

/** Paid and settled follow the money (payments, settlements), so they are not offered here. */
const MANUAL_STATUSES = ACCOUNT_STATUSES.filter((s) => s !== "paid" && s !== "settled");

export function ChangeStatusDialog({ detail }: { detail: WorkspaceData }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const current = detail.account.status;
  const [status, setStatus] = useState<AccountStatus>(current);
  const [reason, setReason] = useState("");
  /** The version on screen when the dialog opened: the server refuses the save if it moved since. */
  const [seenVersion, setSeenVersion] = useState(detail.account.version);

  const change = useMutation(
    trpc.account.changeStatus.mutationOptions({
      onSuccess: async () => {
        toast.success("Status changed");
        setOpen(false);
        await queryClient.invalidateQueries();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const errors = fieldErrors(change.error);
  const conflict = isConflict(change.error);
  const general = conflict ? null : formError(change.error);

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) {
      setStatus(current);
      setReason("");
      setSeenVersion(detail.account.version);
      change.reset();
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    change.mutate({ accountId: detail.account.id, status, reason, expectedVersion: seenVersion });
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline">Change status</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Change status</DialogTitle>
          <DialogDescription>
            Currently {STATUS_LABELS[current].toLowerCase()}. The reason goes into the timeline.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          {conflict ? <ConflictAlert message={change.error!.message} onReloaded={() => setOpen(false)} /> : null}
          {general ? (
            <Alert variant="destructive">
              <AlertDescription>{general}</AlertDescription>
            </Alert>
          ) : null}
          <Field id={`${id}-status`} label="New status" error={errors.status}>
            <NativeSelect
              id={`${id}-status`}
              value={status}
              onChange={(e) => setStatus(e.target.value as AccountStatus)}
              {...describedBy(`${id}-status`, errors.status)}
            >
              {MANUAL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field id={`${id}-reason`} label="Reason" error={errors.reason}>
            <Textarea
              id={`${id}-reason`}
              rows={2}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              {...describedBy(`${id}-reason`, errors.reason)}
            />
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={change.isPending || status === current}>
              {change.isPending ? <Spinner label="Saving" /> : null}
              Save status
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
