"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CalendarClockIcon } from "lucide-react";
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
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { DueFields, emptyDue, type DueState } from "./due-fields";
import { describedBy, Field } from "./field";
import { fieldErrors, formError } from "./mutation-errors";
import type { WorkspaceData } from "./types";

const ME = "__me__";

export function ScheduleCallbackDialog({ detail }: { detail: WorkspaceData }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const debtorName = `${detail.debtor.firstName} ${detail.debtor.lastName}`;
  const initialZone = detail.debtorTimeZones[0] ?? detail.viewerTimeZone ?? "UTC";
  const [title, setTitle] = useState(`Call back ${debtorName}`);
  const [note, setNote] = useState("");
  const [due, setDue] = useState<DueState>(() => emptyDue(initialZone));
  const [assignTo, setAssignTo] = useState(ME);

  const create = useMutation(
    trpc.task.create.mutationOptions({
      onSuccess: async () => {
        toast.success("Callback scheduled");
        setOpen(false);
        await queryClient.invalidateQueries();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const errors = fieldErrors(create.error);
  const general = formError(create.error);

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) {
      setTitle(`Call back ${debtorName}`);
      setNote("");
      setDue(emptyDue(initialZone));
      setAssignTo(ME);
      create.reset();
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate({
      accountId: detail.account.id,
      kind: "callback",
      title,
      note: note.trim() ? note : undefined,
      due: { kind: "local", ...due },
      assigneeId: assignTo === ME ? undefined : assignTo,
    });
  };

  const assignee = detail.assignee;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <CalendarClockIcon aria-hidden="true" />
          Schedule callback
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Schedule a callback</DialogTitle>
          <DialogDescription>Pick the time on the debtor&apos;s clock or on yours; both are shown.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          {general ? (
            <Alert variant="destructive">
              <AlertDescription>{general}</AlertDescription>
            </Alert>
          ) : null}
          <Field id={`${id}-title`} label="Title" error={errors.title}>
            <Input
              id={`${id}-title`}
              value={title}
              maxLength={200}
              onChange={(e) => setTitle(e.target.value)}
              {...describedBy(`${id}-title`, errors.title)}
            />
          </Field>
          <DueFields
            idPrefix={`${id}-due`}
            value={due}
            onChange={setDue}
            debtorZones={detail.debtorTimeZones}
            viewerZone={detail.viewerTimeZone}
            error={errors.due ?? errors["due.date"] ?? errors["due.time"] ?? errors["due.timeZone"]}
          />
          <Field id={`${id}-assignee`} label="For" error={errors.assigneeId}>
            <NativeSelect id={`${id}-assignee`} value={assignTo} onChange={(e) => setAssignTo(e.target.value)}>
              <option value={ME}>Me</option>
              {assignee ? <option value={assignee.id}>{assignee.name} (the account&apos;s assignee)</option> : null}
            </NativeSelect>
          </Field>
          <Field id={`${id}-note`} label="Callback note">
            <Textarea
              id={`${id}-note`}
              rows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? <Spinner label="Scheduling" /> : null}
              Schedule
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
