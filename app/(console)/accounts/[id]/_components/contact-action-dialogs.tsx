"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
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
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import {
  CONSENT_LEVELS,
  OPT_OUT_SOURCE_KIND,
  OPT_OUT_SOURCE_LABELS,
  OPT_OUT_SOURCES,
  type ConsentLevel,
  type OptOutSource,
} from "@/server/modules/contacts/contacts.schemas";
import type { ContactPointItem } from "./contact-edit-dialog";
import { Field, FormError, splitErrors } from "./contact-form-kit";

type DialogProps = {
  accountId: string;
  contact: ContactPointItem;
  open: boolean;
  onOpenChange: (open: boolean) => void;
};

export const CONSENT_LABELS: Record<ConsentLevel | "none", string> = {
  none: "None",
  express: "Express",
  express_written: "Express written",
};

/** Shared success path: close, refresh everything on the page (header and timeline too), say what happened. */
function useDone(onOpenChange: (open: boolean) => void) {
  const queryClient = useQueryClient();
  return async (message: string) => {
    toast.success(message);
    onOpenChange(false);
    await queryClient.invalidateQueries();
  };
}

export function ContactInvalidateDialog({ accountId, contact, open, onOpenChange }: DialogProps) {
  const trpc = useTRPC();
  const id = useId();
  const [reason, setReason] = useState("");
  const done = useDone(onOpenChange);
  const invalidate = useMutation(
    trpc.contact.invalidate.mutationOptions({
      onSuccess: () => done(`${contact.display} marked invalid`),
      onError: (error) => toast.error(error.message),
    }),
  );
  const { byField, formError } = splitErrors(invalidate.error, ["reason"]);
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) invalidate.reset();
      }}
    >
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Mark {contact.display} invalid?</AlertDialogTitle>
          <AlertDialogDescription>
            It will no longer be used for contact and stops being primary. Correcting it later makes it usable again.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <FormError message={formError} />
        <Field id={`${id}-reason`} label="Why is it invalid?" error={byField.reason}>
          {(props) => (
            <Textarea
              {...props}
              rows={2}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder="e.g. Wrong number: reached a business"
            />
          )}
        </Field>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction
            variant="destructive"
            disabled={invalidate.isPending}
            onClick={(event) => {
              // Keep the dialog open until the server answers, so an error can be shown in it.
              event.preventDefault();
              invalidate.mutate({ accountId, contactPointId: contact.id, expectedVersion: contact.version, reason });
            }}
          >
            {invalidate.isPending ? <Spinner label="Marking invalid" /> : null}
            Mark invalid
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

export function ContactConsentDialog({ accountId, contact, open, onOpenChange }: DialogProps) {
  const trpc = useTRPC();
  const id = useId();
  const [level, setLevel] = useState<ConsentLevel>("express");
  const [source, setSource] = useState("");
  const done = useDone(onOpenChange);
  const record = useMutation(
    trpc.contact.recordConsent.mutationOptions({
      onSuccess: () => done(`Consent recorded for ${contact.display}`),
      onError: (error) => toast.error(error.message),
    }),
  );
  const { byField, formError } = splitErrors(record.error, ["level", "source"]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    record.mutate({ accountId, contactPointId: contact.id, expectedVersion: contact.version, level, source });
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) record.reset();
      }}
    >
      <DialogContent>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>Record consent for {contact.display}</DialogTitle>
            <DialogDescription>
              {contact.optedOutAt
                ? "This contact point is opted out: new consent opts it back in."
                : "Consent must be provable: say where it came from."}
            </DialogDescription>
          </DialogHeader>
          <FormError message={formError} />
          <Field id={`${id}-level`} label="Consent level" error={byField.level}>
            {(props) => (
              <NativeSelect {...props} value={level} onChange={(e) => setLevel(e.target.value as ConsentLevel)}>
                {CONSENT_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {CONSENT_LABELS[l]}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
          <Field
            id={`${id}-source`}
            label="Source of consent"
            error={byField.source}
            hint="e.g. recorded call 2026-11-24, signed credit application, debtor portal"
          >
            {(props) => (
              <>
                <Input
                  {...props}
                  list={`${id}-sources`}
                  maxLength={300}
                  value={source}
                  onChange={(e) => setSource(e.target.value)}
                />
                <datalist id={`${id}-sources`}>
                  <option value="Recorded call" />
                  <option value="Credit application" />
                  <option value="Debtor portal" />
                  <option value="Creditor file" />
                </datalist>
              </>
            )}
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={record.isPending}>
              {record.isPending ? <Spinner label="Recording consent" /> : null}
              Record consent
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function ContactOptOutDialog({ accountId, contact, open, onOpenChange }: DialogProps) {
  const trpc = useTRPC();
  const id = useId();
  const sources = OPT_OUT_SOURCES.filter((s) => {
    const only = OPT_OUT_SOURCE_KIND[s];
    return !only || only === contact.kind;
  });
  const [source, setSource] = useState<OptOutSource | "">("");
  const [note, setNote] = useState("");
  const done = useDone(onOpenChange);
  const record = useMutation(
    trpc.contact.recordOptOut.mutationOptions({
      onSuccess: () => done(`${contact.display} opted out`),
      onError: (error) => toast.error(error.message),
    }),
  );
  const { byField, formError } = splitErrors(record.error, ["source", "note"]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    record.mutate({
      accountId,
      contactPointId: contact.id,
      expectedVersion: contact.version,
      source: source as OptOutSource,
      note,
    });
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) record.reset();
      }}
    >
      <DialogContent>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>Record an opt-out for {contact.display}</DialogTitle>
            <DialogDescription>
              Any consent on it is revoked. Only a new consent from the debtor opts it back in.
            </DialogDescription>
          </DialogHeader>
          <FormError message={formError} />
          <Field id={`${id}-source`} label="How did the debtor opt out?" error={byField.source}>
            {(props) => (
              <NativeSelect {...props} value={source} onChange={(e) => setSource(e.target.value as OptOutSource | "")}>
                <option value="">Choose…</option>
                {sources.map((s) => (
                  <option key={s} value={s}>
                    {OPT_OUT_SOURCE_LABELS[s]}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
          <Field id={`${id}-note`} label="Note (optional)" error={byField.note}>
            {(props) => (
              <Textarea {...props} rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
            )}
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" variant="destructive" disabled={record.isPending}>
              {record.isPending ? <Spinner label="Recording opt-out" /> : null}
              Record opt-out
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
