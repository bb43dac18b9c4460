"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc-provider";
import {
  AccountFilterFields,
  draftErrors,
  draftFrom,
  filterErrors,
  filtersFrom,
  type FilterDraft,
} from "@/components/queue/account-filter-fields";
import { orderingLabel, SORT_LABELS } from "@/components/queue/filter-summary";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
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
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { QUEUE_SORTS, type QueueSort } from "@/server/modules/queues/queues.schemas";
import type { AccountFilters } from "@/server/modules/accounts/accounts.schemas";

export type EditableQueue = {
  id: string;
  name: string;
  description: string | null;
  active: boolean;
  version: number;
  definition: (Partial<AccountFilters> & { sort: QueueSort; dir: "asc" | "desc" }) | null;
};

type Form = { name: string; description: string; sort: QueueSort; dir: "asc" | "desc"; active: boolean };

/** Create a queue, or edit one (name, description, filters, ordering, active) with its version. */
export function QueueFormDialog({
  queue,
  trigger,
  canReadUsers,
}: {
  queue?: EditableQueue;
  trigger: ReactNode;
  canReadUsers: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const initialForm = (): Form => ({
    name: queue?.name ?? "",
    description: queue?.description ?? "",
    sort: queue?.definition?.sort ?? "priority",
    dir: queue?.definition?.dir ?? "desc",
    active: queue?.active ?? true,
  });
  const [form, setForm] = useState<Form>(initialForm);
  const [filters, setFilters] = useState<FilterDraft>(() => draftFrom(queue?.definition));
  const [localErrors, setLocalErrors] = useState<Partial<Record<keyof FilterDraft, string>>>({});
  const users = useQuery({ ...trpc.user.list.queryOptions(), enabled: open && canReadUsers });

  const onDone = async (message: string) => {
    toast.success(message);
    setOpen(false);
    await queryClient.invalidateQueries({ queryKey: trpc.queue.pathKey() });
  };
  const create = useMutation(
    trpc.queue.create.mutationOptions({
      onSuccess: (q) => onDone(`Queue “${q.name}” created`),
      onError: (e) => toast.error(e.message),
    }),
  );
  const update = useMutation(
    trpc.queue.update.mutationOptions({
      onSuccess: (q) => onDone(`Queue “${q.name}” saved`),
      onError: (e) => toast.error(e.message),
    }),
  );
  const mutation = queue ? update : create;
  const issues = mutation.error?.data?.issues;
  const { fields: serverFilterErrors, other } = filterErrors(issues);
  const fieldError = (name: string) =>
    other
      .filter((i) => i.path === name)
      .map((i) => i.message)
      .join(" ") || null;
  const formError = mutation.error
    ? !issues?.length
      ? mutation.error.message
      : other
          .filter((i) => !["name", "description", "sort", "dir"].includes(i.path))
          .map((i) => i.message)
          .join(" ") || null
    : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local = draftErrors(filters);
    setLocalErrors(local);
    if (Object.keys(local).length) return;
    const payload = {
      name: form.name,
      description: form.description.trim() ? form.description : null,
      filters: filtersFrom(filters, { withAssignee: true }),
      sort: form.sort,
      dir: form.dir,
    };
    if (queue) update.mutate({ ...payload, queueId: queue.id, expectedVersion: queue.version, active: form.active });
    else create.mutate(payload);
  };

  const nameError = fieldError("name");
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setForm(initialForm());
          setFilters(draftFrom(queue?.definition));
          setLocalErrors({});
          mutation.reset();
        }
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-2xl">
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>{queue ? `Edit queue “${queue.name}”` : "New queue"}</DialogTitle>
            <DialogDescription>
              A queue is a saved selection of accounts and the order agents work them in. Agents walk the accounts that
              are theirs or unassigned.
            </DialogDescription>
          </DialogHeader>
          {formError ? (
            <Alert variant="destructive">
              <AlertDescription>{formError}</AlertDescription>
            </Alert>
          ) : null}
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${id}-name`}>Name</Label>
            <Input
              id={`${id}-name`}
              value={form.name}
              maxLength={80}
              autoComplete="off"
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? `${id}-name-error` : undefined}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
            />
            {nameError ? (
              <p id={`${id}-name-error`} className="text-sm text-destructive">
                {nameError}
              </p>
            ) : null}
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${id}-description`}>Description</Label>
            <Textarea
              id={`${id}-description`}
              value={form.description}
              maxLength={500}
              rows={2}
              onChange={(e) => setForm({ ...form, description: e.target.value })}
            />
            {fieldError("description") ? <p className="text-sm text-destructive">{fieldError("description")}</p> : null}
          </div>
          <AccountFilterFields
            value={filters}
            onChange={setFilters}
            errors={{ ...serverFilterErrors, ...localErrors }}
            assignees={canReadUsers ? (users.data ?? []).filter((u) => u.role !== "auditor") : undefined}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${id}-sort`}>Order by</Label>
              <NativeSelect
                id={`${id}-sort`}
                value={form.sort}
                onChange={(e) => setForm({ ...form, sort: e.target.value as QueueSort })}
              >
                {QUEUE_SORTS.map((s) => (
                  <option key={s} value={s}>
                    {SORT_LABELS[s]}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${id}-dir`}>Direction</Label>
              <NativeSelect
                id={`${id}-dir`}
                value={form.dir}
                onChange={(e) => setForm({ ...form, dir: e.target.value as "asc" | "desc" })}
              >
                <option value="desc">{orderingLabel(form.sort, "desc")}</option>
                <option value="asc">{orderingLabel(form.sort, "asc")}</option>
              </NativeSelect>
            </div>
          </div>
          {queue ? (
            <div className="flex items-center gap-2">
              <Checkbox
                id={`${id}-active`}
                checked={form.active}
                onCheckedChange={(on) => setForm({ ...form, active: on === true })}
              />
              <Label htmlFor={`${id}-active`} className="font-normal">
                Active (agents can see and work it)
              </Label>
            </div>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? <Spinner label="Saving queue" /> : null}
              {queue ? "Save queue" : "Create queue"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
