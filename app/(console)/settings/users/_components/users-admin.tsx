"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PlusIcon, UsersIcon } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { PageHeader } from "@/components/layout/page-header";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
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
  DialogTrigger,
  DialogClose,
} from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Instant } from "@/components/domain/instant";
import { ROLES, type Role } from "@/server/lib/permissions";

const ROLE_LABELS: Record<Role, string> = { admin: "Admin", manager: "Manager", agent: "Agent", auditor: "Auditor" };

type FieldName = "name" | "email" | "role" | "password";
const FIELDS: FieldName[] = ["name", "email", "role", "password"];

function AddUserDialog() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ name: "", email: "", role: "agent" as Role, password: "" });

  const create = useMutation(
    trpc.user.create.mutationOptions({
      onSuccess: async (user) => {
        toast.success(`Created ${user.name}`);
        setOpen(false);
        setForm({ name: "", email: "", role: "agent", password: "" });
        await queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() });
      },
      onError: () => toast.error("The user could not be created"),
    }),
  );

  const issues = create.error?.data?.issues ?? [];
  const fieldErrors: Partial<Record<FieldName, string>> = {};
  for (const issue of issues) {
    const key = issue.path as FieldName;
    if (FIELDS.includes(key))
      fieldErrors[key] = fieldErrors[key] ? `${fieldErrors[key]} ${issue.message}` : issue.message;
  }
  const unplacedIssues = issues.filter((i) => !FIELDS.includes(i.path as FieldName));
  const formError = create.error
    ? issues.length === 0
      ? create.error.message
      : unplacedIssues.length
        ? unplacedIssues.map((i) => i.message).join(" ")
        : null
    : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(form);
  };

  const fieldProps = (name: FieldName) => ({
    id: `${id}-${name}`,
    name,
    "aria-invalid": fieldErrors[name] ? true : undefined,
    "aria-describedby": fieldErrors[name] ? `${id}-${name}-error` : undefined,
  });
  const errorFor = (name: FieldName) =>
    fieldErrors[name] ? (
      <p id={`${id}-${name}-error`} className="text-sm text-destructive">
        {fieldErrors[name]}
      </p>
    ) : null;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) create.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <PlusIcon aria-hidden="true" />
          Add user
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>Add user</DialogTitle>
            <DialogDescription>
              They sign in with this email and the temporary password; share it with them securely.
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
              {...fieldProps("name")}
              autoComplete="off"
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
            />
            {errorFor("name")}
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${id}-email`}>Email</Label>
            <Input
              {...fieldProps("email")}
              type="email"
              autoComplete="off"
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.target.value })}
            />
            {errorFor("email")}
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${id}-role`}>Role</Label>
            <NativeSelect
              {...fieldProps("role")}
              value={form.role}
              onChange={(e) => setForm({ ...form, role: e.target.value as Role })}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </NativeSelect>
            {errorFor("role")}
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${id}-password`}>Temporary password</Label>
            <Input
              {...fieldProps("password")}
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
            {errorFor("password") ?? <p className="text-xs text-muted-foreground">At least 12 characters.</p>}
          </div>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? <Spinner label="Creating user" /> : null}
              Create user
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function UsersAdmin({ canManage, currentUserId }: { canManage: boolean; currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.user.list.queryOptions());
  // The target outlives `open` so the dialog keeps its text while it animates closed.
  const [confirm, setConfirm] = useState<{ id: string; name: string } | null>(null);
  const [confirmOpen, setConfirmOpen] = useState(false);

  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() });

  const setRole = useMutation(
    trpc.user.setRole.mutationOptions({
      onSuccess: async (user) => {
        toast.success(`${user.name} is now ${ROLE_LABELS[user.role]}`);
        await invalidate();
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  const setActive = useMutation(
    trpc.user.setActive.mutationOptions({
      onSuccess: async (user) => {
        toast.success(user.active ? `${user.name} was reactivated` : `${user.name} was deactivated`);
        await invalidate();
      },
      onError: (error) => toast.error(error.message),
      onSettled: () => setConfirmOpen(false),
    }),
  );

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Users"
        description={
          canManage
            ? "Staff who can sign in to Recoup, their roles and access."
            : "Staff who can sign in to Recoup and their roles."
        }
        actions={canManage ? <AddUserDialog /> : null}
      />

      {users.isError ? (
        <Alert variant="destructive">
          <AlertTitle>Users could not be loaded</AlertTitle>
          <AlertDescription>{users.error.message}</AlertDescription>
        </Alert>
      ) : users.isPending ? (
        <div className="flex flex-col gap-2" aria-busy="true">
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} className="h-10 w-full" />
          ))}
        </div>
      ) : users.data.length === 0 ? (
        <EmptyState icon={UsersIcon} title="No users yet" />
      ) : (
        <div className="rounded-lg border">
          <Table aria-label="Users">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead scope="col">Name</TableHead>
                <TableHead scope="col">Email</TableHead>
                <TableHead scope="col">Role</TableHead>
                <TableHead scope="col">Status</TableHead>
                <TableHead scope="col">Last sign-in</TableHead>
                {canManage ? (
                  <TableHead scope="col">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {users.data.map((u) => {
                const isSelf = u.id === currentUserId;
                const rolePending = setRole.isPending && setRole.variables?.userId === u.id;
                const activePending = setActive.isPending && setActive.variables?.userId === u.id;
                return (
                  <TableRow key={u.id} data-user-id={u.id}>
                    <TableCell className="font-medium">
                      {u.name}
                      {isSelf ? <span className="ml-1 text-xs font-normal text-muted-foreground">(you)</span> : null}
                    </TableCell>
                    <TableCell>{u.email}</TableCell>
                    <TableCell>
                      {canManage ? (
                        <div className="flex items-center gap-2">
                          <NativeSelect
                            aria-label={`Role of ${u.name}`}
                            wrapperClassName="w-36"
                            value={rolePending && setRole.variables ? setRole.variables.role : u.role}
                            disabled={rolePending}
                            onChange={(e) => setRole.mutate({ userId: u.id, role: e.target.value as Role })}
                          >
                            {ROLES.map((r) => (
                              <option key={r} value={r}>
                                {ROLE_LABELS[r]}
                              </option>
                            ))}
                          </NativeSelect>
                          {rolePending ? <Spinner label="Saving role" /> : null}
                        </div>
                      ) : (
                        ROLE_LABELS[u.role]
                      )}
                    </TableCell>
                    <TableCell>
                      {u.active ? (
                        <Badge variant="success">Active</Badge>
                      ) : (
                        <Badge variant="outline">Deactivated</Badge>
                      )}
                    </TableCell>
                    <TableCell>
                      {u.lastSignInAt ? (
                        <Instant value={u.lastSignInAt} />
                      ) : (
                        <span className="text-muted-foreground">Never</span>
                      )}
                    </TableCell>
                    {canManage ? (
                      <TableCell className="text-right">
                        {u.active ? (
                          <Button
                            variant="outline"
                            size="sm"
                            disabled={isSelf || activePending}
                            title={isSelf ? "You cannot deactivate yourself" : undefined}
                            onClick={() => {
                              setConfirm({ id: u.id, name: u.name });
                              setConfirmOpen(true);
                            }}
                          >
                            Deactivate<span className="sr-only"> {u.name}</span>
                          </Button>
                        ) : (
                          <Button
                            variant="outline"
                            size="sm"
                            disabled={activePending}
                            onClick={() => setActive.mutate({ userId: u.id, active: true })}
                          >
                            {activePending ? <Spinner label="Reactivating" /> : null}
                            Reactivate<span className="sr-only"> {u.name}</span>
                          </Button>
                        )}
                      </TableCell>
                    ) : null}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}

      <AlertDialog
        open={confirmOpen}
        onOpenChange={(next) => {
          if (!next && !setActive.isPending) setConfirmOpen(false);
        }}
      >
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Deactivate {confirm?.name}?</AlertDialogTitle>
            <AlertDialogDescription>They will be signed out and can no longer sign in.</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel disabled={setActive.isPending}>Cancel</AlertDialogCancel>
            <AlertDialogAction
              variant="destructive"
              disabled={setActive.isPending}
              onClick={(event) => {
                event.preventDefault();
                if (confirm) setActive.mutate({ userId: confirm.id, active: false });
              }}
            >
              {setActive.isPending ? <Spinner label="Deactivating" /> : null}
              Deactivate
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
