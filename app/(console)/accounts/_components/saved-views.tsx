"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BookmarkIcon, ChevronDownIcon, Share2Icon, Trash2Icon } from "lucide-react";
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
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { AccountView, AccountViewDefinition } from "@/server/modules/accounts/accounts.schemas";
import { VIEW_NAME_MAX } from "@/server/modules/views/views.schemas";
import type { ListPermissions } from "./list-config";

type NameDialog = { mode: "create" } | { mode: "rename"; viewId: string; name: string };

/**
 * Saved views: apply one (its filters and order replace the current ones), save the current view under a name,
 * and manage one's own views (rename, share with the organization, delete after confirming).
 */
export function SavedViews({
  current,
  permissions,
  apply,
}: {
  current: AccountViewDefinition;
  permissions: ListPermissions;
  apply: (view: AccountView) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const views = useQuery(trpc.view.list.queryOptions());

  const [nameDialog, setNameDialog] = useState<NameDialog | null>(null);
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const [manageOpen, setManageOpen] = useState(false);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);

  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.view.list.queryKey() });
  const onError = (error: { message: string }) => toast.error(error.message);
  const create = useMutation(trpc.view.create.mutationOptions({ onError }));
  const update = useMutation(trpc.view.update.mutationOptions({ onError }));
  const share = useMutation(trpc.view.share.mutationOptions({ onError }));
  const remove = useMutation(trpc.view.delete.mutationOptions({ onError }));

  const all = views.data ?? [];
  const mine = all.filter((v) => v.mine);
  const shared = all.filter((v) => !v.mine);
  const changeable = all.filter((v) => v.canChange);

  const openName = (dialog: NameDialog) => {
    setName(dialog.mode === "rename" ? dialog.name : "");
    setNameError(null);
    setNameDialog(dialog);
  };

  const submitName = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setNameError("Give the view a name");
    if (trimmed.length > VIEW_NAME_MAX) return setNameError(`A view name is at most ${VIEW_NAME_MAX} characters`);
    const done = {
      onSuccess: () => {
        toast.success(nameDialog?.mode === "rename" ? `Renamed to “${trimmed}”` : `Saved the view “${trimmed}”`);
        setNameDialog(null);
        refresh();
      },
      // A taken name is shown by the field, not only in a toast.
      onError: (error: { message: string }) => setNameError(error.message),
    };
    if (nameDialog?.mode === "rename") update.mutate({ viewId: nameDialog.viewId, name: trimmed }, done);
    else create.mutate({ name: trimmed, filters: current }, done);
  };

  const overwrite = (viewId: string, viewName: string) =>
    update.mutate(
      { viewId, filters: current },
      {
        onSuccess: () => {
          toast.success(`“${viewName}” now shows the current filters`);
          refresh();
        },
      },
    );

  const toggleShare = (viewId: string, viewName: string, next: boolean) =>
    share.mutate(
      { viewId, shared: next },
      {
        onSuccess: () => {
          toast.success(next ? `“${viewName}” is shared with your organization` : `“${viewName}” is private again`);
          refresh();
        },
      },
    );

  const viewItems = (list: typeof all) =>
    list.map((v) => (
      <DropdownMenuItem
        key={v.id}
        disabled={!v.definition}
        onSelect={() => (v.definition ? apply(v.definition) : undefined)}
        title={v.problem ?? undefined}
      >
        <span className="truncate">{v.name}</span>
        {!v.mine ? <span className="ml-auto text-xs text-muted-foreground">{v.ownerName}</span> : null}
        {v.mine && v.shared ? <span className="ml-auto text-xs text-muted-foreground">shared</span> : null}
        {v.problem ? <span className="sr-only">: {v.problem}</span> : null}
      </DropdownMenuItem>
    ));

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm">
            <BookmarkIcon aria-hidden="true" />
            Saved views
            <ChevronDownIcon aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-72">
          {views.isPending ? <DropdownMenuLabel>Loading views…</DropdownMenuLabel> : null}
          {views.isError ? <DropdownMenuLabel>Views could not be loaded</DropdownMenuLabel> : null}
          {views.data && all.length === 0 ? <DropdownMenuLabel>No saved views yet</DropdownMenuLabel> : null}
          {mine.length ? (
            <DropdownMenuGroup>
              <DropdownMenuLabel>My views</DropdownMenuLabel>
              {viewItems(mine)}
            </DropdownMenuGroup>
          ) : null}
          {shared.length ? (
            <DropdownMenuGroup>
              <DropdownMenuLabel>Shared in my organization</DropdownMenuLabel>
              {viewItems(shared)}
            </DropdownMenuGroup>
          ) : null}
          {permissions.manageViews ? (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem onSelect={() => openName({ mode: "create" })}>Save current view…</DropdownMenuItem>
              <DropdownMenuItem disabled={changeable.length === 0} onSelect={() => setManageOpen(true)}>
                Manage views…
              </DropdownMenuItem>
            </>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>

      <Dialog open={nameDialog !== null} onOpenChange={(o) => (o ? null : setNameDialog(null))}>
        <DialogContent>
          <form onSubmit={submitName} className="grid gap-4" noValidate>
            <DialogHeader>
              <DialogTitle>{nameDialog?.mode === "rename" ? "Rename view" : "Save current view"}</DialogTitle>
              <DialogDescription>
                {nameDialog?.mode === "rename"
                  ? "Names are unique among your views."
                  : "Saves the current filters and sort under a name only you see, until you share it."}
              </DialogDescription>
            </DialogHeader>
            <div className="grid gap-1.5">
              <Label htmlFor={`${ids}-name`}>View name</Label>
              <Input
                id={`${ids}-name`}
                value={name}
                maxLength={VIEW_NAME_MAX}
                autoComplete="off"
                aria-invalid={nameError ? true : undefined}
                aria-describedby={nameError ? `${ids}-name-error` : undefined}
                onChange={(e) => setName(e.target.value)}
              />
              {nameError ? (
                <p id={`${ids}-name-error`} role="alert" className="text-sm text-destructive">
                  {nameError}
                </p>
              ) : null}
            </div>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setNameDialog(null)}>
                Cancel
              </Button>
              <Button type="submit" disabled={create.isPending || update.isPending}>
                {nameDialog?.mode === "rename" ? "Rename" : "Save view"}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>

      <Dialog open={manageOpen} onOpenChange={setManageOpen}>
        <DialogContent className="sm:max-w-2xl">
          <DialogHeader>
            <DialogTitle>Manage views</DialogTitle>
            <DialogDescription>
              Views you may change
              {permissions.shareViews ? "; a shared view is listed for everyone in your organization" : ""}.
            </DialogDescription>
          </DialogHeader>
          {changeable.length === 0 ? (
            <EmptyState icon={BookmarkIcon} title="No views to manage" description="Save the current view first." />
          ) : (
            <ul className="divide-y rounded-lg border" aria-label="Your views">
              {changeable.map((v) => (
                <li key={v.id} className="flex flex-wrap items-center gap-2 px-3 py-2">
                  <div className="mr-auto min-w-0">
                    <p className="truncate font-medium">{v.name}</p>
                    <p className="text-xs text-muted-foreground">
                      {v.mine ? "Yours" : `Owned by ${v.ownerName}`}
                      {v.problem ? ` · ${v.problem}` : ""}
                    </p>
                  </div>
                  {v.shared ? <Badge variant="secondary">Shared</Badge> : null}
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Rename ${v.name}`}
                    onClick={() => openName({ mode: "rename", viewId: v.id, name: v.name })}
                  >
                    Rename
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Replace the filters of ${v.name} with the current ones`}
                    disabled={update.isPending}
                    onClick={() => overwrite(v.id, v.name)}
                  >
                    Use current filters
                  </Button>
                  {permissions.shareViews ? (
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={v.shared ? `Stop sharing ${v.name}` : `Share ${v.name}`}
                      disabled={share.isPending}
                      onClick={() => toggleShare(v.id, v.name, !v.shared)}
                    >
                      <Share2Icon aria-hidden="true" />
                      {v.shared ? "Unshare" : "Share"}
                    </Button>
                  ) : null}
                  <Button
                    size="sm"
                    variant="ghost"
                    className="text-destructive"
                    aria-label={`Delete ${v.name}`}
                    onClick={() => setDeleting({ id: v.id, name: v.name })}
                  >
                    <Trash2Icon aria-hidden="true" />
                    Delete
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <DialogFooter>
            <Button variant="outline" onClick={() => setManageOpen(false)}>
              Close
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>

      <AlertDialog open={deleting !== null} onOpenChange={(o) => (o ? null : setDeleting(null))}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Delete the view “{deleting?.name}”?</AlertDialogTitle>
            <AlertDialogDescription>
              The view is removed for everyone it was shared with. The accounts are not changed.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction
              onClick={() => {
                const target = deleting;
                if (!target) return;
                remove.mutate(
                  { viewId: target.id },
                  {
                    onSuccess: () => {
                      toast.success(`Deleted the view “${target.name}”`);
                      refresh();
                    },
                  },
                );
              }}
            >
              Delete view
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}
