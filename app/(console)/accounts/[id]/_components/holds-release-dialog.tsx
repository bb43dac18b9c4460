"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { HOLD_KIND_LABELS, RELEASE_REASON_MIN, type HoldKind } from "@/server/modules/holds/holds.schemas";
import { Field, FormError, splitErrors } from "./contact-form-kit";

export type ReleasableHold = { id: string; kind: HoldKind; version: number; scope: "account" | "debtor" };

export function ReleaseHoldDialog({
  accountId,
  hold,
  accountDisputed,
}: {
  accountId: string;
  hold: ReleasableHold;
  /** The account is "disputed": releasing a dispute will not change that, and the user should know. */
  accountDisputed: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const label = HOLD_KIND_LABELS[hold.kind];

  const release = useMutation(
    trpc.hold.release.mutationOptions({
      onSuccess: async (result) => {
        toast.success(`${label} hold released`, result.notice ? { description: result.notice } : undefined);
        setOpen(false);
        setReason("");
        await queryClient.invalidateQueries();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const { byField, formError } = splitErrors(release.error, ["reason"]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    release.mutate({ accountId, holdId: hold.id, expectedVersion: hold.version, reason });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) release.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" aria-label={`Release ${label.toLowerCase()} hold`}>
          Release
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>Release the {label.toLowerCase()} hold</DialogTitle>
            <DialogDescription>
              Collection resumes on {hold.scope === "debtor" ? "every account of this debtor" : "this account"} unless
              another hold covers it. The reason is kept in the audit log.
            </DialogDescription>
          </DialogHeader>
          {hold.kind === "dispute" && accountDisputed ? (
            <Alert variant="warning">
              <AlertDescription>
                Releasing the hold does not change the account&apos;s status: it stays Disputed until you change it.
              </AlertDescription>
            </Alert>
          ) : null}
          <FormError message={formError} />
          <Field
            id={`${id}-reason`}
            label="Reason for release"
            error={byField.reason}
            hint={`Required, at least ${RELEASE_REASON_MIN} characters.`}
          >
            {(props) => (
              <Textarea
                {...props}
                rows={3}
                maxLength={1000}
                required
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                placeholder="e.g. Debt verified; validation letter sent 2026-11-24"
              />
            )}
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" variant="destructive" disabled={release.isPending}>
              {release.isPending ? <Spinner label="Releasing hold" /> : null}
              Release hold
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
