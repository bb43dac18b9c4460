"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TagIcon, UserRoundPlusIcon, XIcon, RefreshCwIcon } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { STATUS_LABELS } from "@/components/domain/status-badge";
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
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { ACCOUNT_STATUSES, type AccountFilters, type AccountStatus } from "@/server/modules/accounts/accounts.schemas";
import type { ListPermissions } from "./list-config";
import { normalizeTags } from "./list-config";

/** What a bulk action applies to: ticked rows, or every account matching the filters, counted exactly. */
export type Selection = { kind: "ids"; ids: string[] } | { kind: "matching"; count: number; filters: AccountFilters };

type User = { id: string; name: string; role: string; active: boolean };
type Action = "assign" | "tag" | "status";

const accountsText = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "account" : "accounts"}`;
const tagList = (tags: string[]) => tags.map((t) => `"${t}"`).join(", ");

export function selectionSize(selection: Selection): number {
  return selection.kind === "ids" ? selection.ids.length : selection.count;
}

function targetOf(selection: Selection) {
  return selection.kind === "ids"
    ? { accountIds: selection.ids }
    : { matching: { filters: selection.filters, expectedCount: selection.count } };
}

export function BulkActions({
  selection,
  permissions,
  users,
  onDone,
  onClear,
  onStale,
}: {
  selection: Selection;
  permissions: ListPermissions;
  users: User[];
  /** After a bulk action succeeded: the selection is spent. */
  onDone: () => void;
  onClear: () => void;
  /** The matching count changed under the user: count again before they retry. */
  onStale: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const n = selectionSize(selection);

  const [open, setOpen] = useState<Action | null>(null);
  const [confirm, setConfirm] = useState<{ title: string; detail: string; run: () => void } | null>(null);

  const [assigneeId, setAssigneeId] = useState("");
  const [addTags, setAddTags] = useState("");
  const [removeTags, setRemoveTags] = useState("");
  const [tagError, setTagError] = useState<string | null>(null);
  const [status, setStatus] = useState<AccountStatus | "">("");
  const [reason, setReason] = useState("");
  const [statusError, setStatusError] = useState<string | null>(null);

  const settle = {
    onError: (error: { message: string; data?: { code?: string } | null }) => {
      toast.error(error.message);
      if (error.data?.code === "CONFLICT" && selection.kind === "matching") onStale();
    },
  };
  const finish = (message: string) => {
    toast.success(message);
    onDone();
    void queryClient.invalidateQueries();
  };

  const assign = useMutation(trpc.account.assign.mutationOptions(settle));
  const tag = useMutation(trpc.account.tag.mutationOptions(settle));
  const changeStatus = useMutation(trpc.account.bulkChangeStatus.mutationOptions(settle));
  const busy = assign.isPending || tag.isPending || changeStatus.isPending;
  const assignable = users.filter((u) => u.active && u.role !== "auditor");

  const submitAssign = (event: FormEvent) => {
    event.preventDefault();
    const user = assignable.find((u) => u.id === assigneeId);
    const to = assigneeId === "" ? null : assigneeId;
    setOpen(null);
    setConfirm({
      title: user ? `Assign ${accountsText(n)} to ${user.name}?` : `Unassign ${accountsText(n)}?`,
      detail: user
        ? `${user.name} becomes the assignee of every selected account, replacing any current assignee.`
        : "The selected accounts will have no assignee.",
      run: () =>
        assign.mutate(
          { ...targetOf(selection), assigneeId: to },
          {
            onSuccess: (r) =>
              finish(
                user ? `Assigned ${accountsText(r.count)} to ${user.name}` : `Unassigned ${accountsText(r.count)}`,
              ),
          },
        ),
    });
  };

  const submitTag = (event: FormEvent) => {
    event.preventDefault();
    const add = normalizeTags(addTags);
    const remove = normalizeTags(removeTags);
    if (add === null || remove === null) {
      setTagError("Tags use letters, digits, - and _, separated by commas");
      return;
    }
    const addList = add ? add.split(", ") : [];
    const removeList = remove ? remove.split(", ") : [];
    if (!addList.length && !removeList.length) {
      setTagError("Give a tag to add or to remove");
      return;
    }
    const both = addList.filter((t) => removeList.includes(t));
    if (both.length) {
      setTagError(`"${both[0]}" cannot be both added and removed`);
      return;
    }
    setTagError(null);
    setOpen(null);
    const parts = [
      addList.length ? `add ${tagList(addList)} to` : null,
      removeList.length ? `remove ${tagList(removeList)} from` : null,
    ].filter(Boolean);
    const sentence = parts.join(" and ");
    setConfirm({
      title: `${sentence[0]!.toUpperCase()}${sentence.slice(1)} ${accountsText(n)}?`,
      detail: "Accounts that already have (or lack) these tags are left as they are.",
      run: () =>
        tag.mutate(
          { ...targetOf(selection), add: addList, remove: removeList },
          {
            onSuccess: (r) =>
              finish(
                `Updated the tags of ${accountsText(r.count)}${r.unchanged ? ` (${r.unchanged.toLocaleString("en-US")} already as asked)` : ""}`,
              ),
          },
        ),
    });
  };

  const submitStatus = (event: FormEvent) => {
    event.preventDefault();
    if (!status) return setStatusError("Choose the new status");
    if (reason.trim().length < 3) return setStatusError("Give a reason (at least 3 characters)");
    setStatusError(null);
    setOpen(null);
    const label = STATUS_LABELS[status];
    setConfirm({
      title: `Change the status of ${accountsText(n)} to ${label}?`,
      detail: `Reason recorded with the change: “${reason.trim()}”. Accounts already ${label} are left as they are.`,
      run: () =>
        changeStatus.mutate(
          { ...targetOf(selection), status, reason: reason.trim() },
          {
            onSuccess: (r) =>
              finish(
                `Changed ${accountsText(r.count)} to ${label}${r.unchanged ? ` (${r.unchanged.toLocaleString("en-US")} already ${label})` : ""}`,
              ),
          },
        ),
    });
  };

  return (
    <div
      role="toolbar"
      aria-label="Bulk actions"
      className="flex flex-wrap items-center gap-2 rounded-lg border bg-muted/40 px-3 py-2"
    >
      <p className="mr-2 text-sm font-medium" aria-live="polite" data-testid="selection-count">
        {accountsText(n)} selected
        {selection.kind === "matching" ? " (all matching)" : ""}
      </p>
      {permissions.assign ? (
        <Button size="sm" variant="outline" disabled={busy} onClick={() => setOpen("assign")}>
          <UserRoundPlusIcon aria-hidden="true" />
          Assign…
        </Button>
      ) : null}
      {permissions.tag ? (
        <Button size="sm" variant="outline" disabled={busy} onClick={() => setOpen("tag")}>
          <TagIcon aria-hidden="true" />
          Tag…
        </Button>
      ) : null}
      {permissions.status ? (
        <Button size="sm" variant="outline" disabled={busy} onClick={() => setOpen("status")}>
          <RefreshCwIcon aria-hidden="true" />
          Change status…
        </Button>
      ) : null}
      <Button size="sm" variant="ghost" disabled={busy} onClick={onClear}>
        <XIcon aria-hidden="true" />
        Clear selection
      </Button>

      <Dialog open={open === "assign"} onOpenChange={(o) => setOpen(o ? "assign" : null)}>
        <DialogContent>
          <form onSubmit={submitAssign} className="grid gap-4">
            <DialogHeader>
              <DialogTitle>Assign {accountsText(n)}</DialogTitle>
              <DialogDescription>Choose who works these accounts. You confirm on the next step.</DialogDescription>
            </DialogHeader>
            <div className="grid gap-1.5">
              <Label htmlFor={`${ids}-assignee`}>Assign to</Label>
              <NativeSelect id={`${ids}-assignee`} value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
                <option value="">Nobody (unassign)</option>
                {assignable.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setOpen(null)}>
                Cancel
              </Button>
              <Button type="submit">Continue</Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>

      <Dialog open={open === "tag"} onOpenChange={(o) => setOpen(o ? "tag" : null)}>
        <DialogContent>
          <form onSubmit={submitTag} className="grid gap-4" noValidate>
            <DialogHeader>
              <DialogTitle>Tag {accountsText(n)}</DialogTitle>
              <DialogDescription>Separate several tags with commas. You confirm on the next step.</DialogDescription>
            </DialogHeader>
            <div className="grid gap-1.5">
              <Label htmlFor={`${ids}-add`}>Add tags</Label>
              <Input
                id={`${ids}-add`}
                value={addTags}
                autoComplete="off"
                placeholder="e.g. hardship"
                aria-invalid={tagError ? true : undefined}
                aria-describedby={tagError ? `${ids}-tag-error` : undefined}
                onChange={(e) => setAddTags(e.target.value)}
              />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor={`${ids}-remove`}>Remove tags</Label>
              <Input
                id={`${ids}-remove`}
                value={removeTags}
                autoComplete="off"
                placeholder="e.g. skip-trace"
                aria-invalid={tagError ? true : undefined}
                aria-describedby={tagError ? `${ids}-tag-error` : undefined}
                onChange={(e) => setRemoveTags(e.target.value)}
              />
            </div>
            {tagError ? (
              <p id={`${ids}-tag-error`} role="alert" className="text-sm text-destructive">
                {tagError}
              </p>
            ) : null}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setOpen(null)}>
                Cancel
              </Button>
              <Button type="submit">Continue</Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>

      <Dialog open={open === "status"} onOpenChange={(o) => setOpen(o ? "status" : null)}>
        <DialogContent>
          <form onSubmit={submitStatus} className="grid gap-4" noValidate>
            <DialogHeader>
              <DialogTitle>Change the status of {accountsText(n)}</DialogTitle>
              <DialogDescription>
                The reason is recorded with the change. You confirm on the next step.
              </DialogDescription>
            </DialogHeader>
            <div className="grid gap-1.5">
              <Label htmlFor={`${ids}-status`}>New status</Label>
              <NativeSelect
                id={`${ids}-status`}
                value={status}
                aria-invalid={statusError && !status ? true : undefined}
                onChange={(e) => setStatus(e.target.value as AccountStatus | "")}
              >
                <option value="">Choose a status</option>
                {ACCOUNT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor={`${ids}-reason`}>Reason</Label>
              <Textarea
                id={`${ids}-reason`}
                value={reason}
                maxLength={500}
                aria-invalid={statusError && status ? true : undefined}
                aria-describedby={statusError ? `${ids}-status-error` : undefined}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
            {statusError ? (
              <p id={`${ids}-status-error`} role="alert" className="text-sm text-destructive">
                {statusError}
              </p>
            ) : null}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setOpen(null)}>
                Cancel
              </Button>
              <Button type="submit">Continue</Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>

      <AlertDialog open={confirm !== null} onOpenChange={(o) => (o ? null : setConfirm(null))}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{confirm?.title}</AlertDialogTitle>
            <AlertDialogDescription>
              {confirm?.detail} This is done in one step and recorded in the audit log.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction
              onClick={() => {
                confirm?.run();
                setConfirm(null);
              }}
            >
              Confirm
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
