"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { toast } from "sonner";
import { Money } from "@/components/domain/money";
import { useTRPC } from "@/components/providers/trpc-provider";
import {
  AccountFilterFields,
  draftErrors,
  EMPTY_DRAFT,
  filterErrors,
  filtersFrom,
  type FilterDraft,
} from "@/components/queue/account-filter-fields";
import { Alert, AlertDescription } from "@/components/ui/alert";
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
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import {
  ASSIGNMENT_CAP,
  REBALANCE_METHODS,
  type RebalanceInput,
  type RebalanceMethod,
} from "@/server/modules/queues/queues.schemas";

type Person = { userId: string; name: string };
type Preview = { total: number; perAgent: { userId: string; name: string; count: number; balanceMinor: number }[] };

const n = (value: number) => value.toLocaleString("en-US");
const METHOD_TEXT: Record<RebalanceMethod, { label: string; hint: string }> = {
  round_robin: { label: "Round-robin", hint: "Dealt in turn in priority order: counts end up even." },
  balance: { label: "By balance", hint: "Largest balance to whoever has least so far: totals end up even." },
};

/**
 * Auto-assign unassigned accounts (`from` absent) or move one person's accounts to others: choose the agents,
 * method and optional filters and limit, preview the exact split, then confirm the count.
 */
export function RebalanceDialog({
  from,
  candidates,
  trigger,
}: {
  from?: Person;
  candidates: Person[];
  trigger: ReactNode;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const targetsOf = () => candidates.filter((c) => c.userId !== from?.userId).map((c) => c.userId);
  const [method, setMethod] = useState<RebalanceMethod>("round_robin");
  const [targets, setTargets] = useState<string[]>(targetsOf);
  const [filters, setFilters] = useState<FilterDraft>(EMPTY_DRAFT);
  const [limit, setLimit] = useState("");
  const [preview, setPreview] = useState<{ input: RebalanceInput; result: Preview } | null>(null);
  const [previewError, setPreviewError] = useState<{
    message: string;
    issues?: { path: string; message: string }[];
  } | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [localErrors, setLocalErrors] = useState<Partial<Record<keyof FilterDraft, string>>>({});

  const reset = () => {
    setMethod("round_robin");
    setTargets(targetsOf());
    setFilters(EMPTY_DRAFT);
    setLimit("");
    setPreview(null);
    setPreviewError(null);
    setLocalErrors({});
  };

  const apply = useMutation(
    trpc.queue.rebalance.mutationOptions({
      onSuccess: async (result) => {
        toast.success(`${from ? "Reassigned" : "Assigned"} ${n(result.total)} accounts`);
        setConfirming(false);
        setOpen(false);
        await queryClient.invalidateQueries();
      },
      onError: (error) => {
        toast.error(error.message);
        setConfirming(false);
        // The selection may have moved on: make the manager look at a fresh preview.
        setPreview(null);
      },
    }),
  );

  const buildInput = (): RebalanceInput => {
    const base = {
      method,
      targetIds: candidates.map((c) => c.userId).filter((u) => targets.includes(u)),
      filters: filtersFrom(filters),
      limit: limit.trim() ? Number(limit.replace(/,/g, "")) : undefined,
    };
    return from ? { kind: "reassign", fromUserId: from.userId, ...base } : { kind: "auto_assign", ...base };
  };

  const onPreview = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local = draftErrors(filters);
    setLocalErrors(local);
    if (Object.keys(local).length) return;
    const input = buildInput();
    setPreviewing(true);
    setPreviewError(null);
    try {
      const result = await queryClient.fetchQuery({ ...trpc.queue.previewRebalance.queryOptions(input), staleTime: 0 });
      setPreview({ input, result });
    } catch (error) {
      const e = error as { message?: string; data?: { issues?: { path: string; message: string }[] } };
      setPreview(null);
      setPreviewError({ message: e.message ?? "The preview failed", issues: e.data?.issues });
    } finally {
      setPreviewing(false);
    }
  };

  const { fields: serverFilterErrors, other } = filterErrors(previewError?.issues);
  const limitError = other.find((i) => i.path === "limit")?.message;
  const targetError = other.find((i) => i.path.startsWith("targetIds"))?.message;
  const generalError = previewError
    ? previewError.issues?.length
      ? other
          .filter((i) => i.path !== "limit" && !i.path.startsWith("targetIds"))
          .map((i) => i.message)
          .join(" ") || null
      : previewError.message
    : null;
  const verb = from ? "Reassign" : "Assign";
  const agentsWithAccounts = preview?.result.perAgent.filter((p) => p.count > 0).length ?? 0;

  return (
    <>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (next) reset();
        }}
      >
        <DialogTrigger asChild>{trigger}</DialogTrigger>
        <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-2xl">
          <form onSubmit={(e) => void onPreview(e)} className="flex flex-col gap-4" noValidate>
            <DialogHeader>
              <DialogTitle>{from ? `Reassign ${from.name}’s accounts` : "Auto-assign unassigned accounts"}</DialogTitle>
              <DialogDescription>
                {from
                  ? `Move all of ${from.name}’s accounts, or the part the filters select, to other people.`
                  : "Deal unassigned accounts, or the part the filters select, to the people you choose."}{" "}
                At most {n(ASSIGNMENT_CAP)} accounts move in one operation.
              </DialogDescription>
            </DialogHeader>
            {generalError ? (
              <Alert variant="destructive">
                <AlertDescription>{generalError}</AlertDescription>
              </Alert>
            ) : null}

            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-sm font-medium">Method</legend>
              {REBALANCE_METHODS.map((m) => (
                <div key={m} className="flex items-start gap-2">
                  <input
                    type="radio"
                    id={`${id}-method-${m}`}
                    name={`${id}-method`}
                    value={m}
                    checked={method === m}
                    onChange={() => {
                      setMethod(m);
                      setPreview(null);
                    }}
                    className="mt-1 accent-primary"
                  />
                  <Label htmlFor={`${id}-method-${m}`} className="flex flex-col items-start gap-0.5 font-normal">
                    <span className="font-medium">{METHOD_TEXT[m].label}</span>
                    <span className="text-xs text-muted-foreground">{METHOD_TEXT[m].hint}</span>
                  </Label>
                </div>
              ))}
            </fieldset>

            <fieldset
              className="flex flex-col gap-2"
              aria-describedby={targetError ? `${id}-targets-error` : undefined}
            >
              <legend className="mb-1 text-sm font-medium">To</legend>
              <div className="grid gap-2 sm:grid-cols-2">
                {candidates
                  .filter((c) => c.userId !== from?.userId)
                  .map((c) => (
                    <div key={c.userId} className="flex items-center gap-2">
                      <Checkbox
                        id={`${id}-target-${c.userId}`}
                        checked={targets.includes(c.userId)}
                        onCheckedChange={(on) => {
                          setTargets(on === true ? [...targets, c.userId] : targets.filter((t) => t !== c.userId));
                          setPreview(null);
                        }}
                      />
                      <Label htmlFor={`${id}-target-${c.userId}`} className="font-normal">
                        {c.name}
                      </Label>
                    </div>
                  ))}
              </div>
              {targetError ? (
                <p id={`${id}-targets-error`} className="text-sm text-destructive">
                  {targetError}
                </p>
              ) : null}
            </fieldset>

            <details className="rounded-md border px-3 py-2">
              <summary className="cursor-pointer text-sm font-medium">Narrow with filters</summary>
              <div className="pt-3">
                <AccountFilterFields
                  value={filters}
                  onChange={(next) => {
                    setFilters(next);
                    setPreview(null);
                  }}
                  errors={{ ...serverFilterErrors, ...localErrors }}
                />
              </div>
            </details>

            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${id}-limit`}>Limit (optional)</Label>
              <Input
                id={`${id}-limit`}
                inputMode="numeric"
                placeholder={`Up to ${n(ASSIGNMENT_CAP)}`}
                value={limit}
                className="w-40"
                aria-invalid={limitError ? true : undefined}
                aria-describedby={limitError ? `${id}-limit-error` : `${id}-limit-hint`}
                onChange={(e) => {
                  setLimit(e.target.value);
                  setPreview(null);
                }}
              />
              {limitError ? (
                <p id={`${id}-limit-error`} className="text-sm text-destructive">
                  {limitError}
                </p>
              ) : (
                <p id={`${id}-limit-hint`} className="text-xs text-muted-foreground">
                  {method === "round_robin" ? "The highest-priority accounts first." : "The largest balances first."}
                </p>
              )}
            </div>

            {preview ? (
              <div className="flex flex-col gap-2" aria-live="polite">
                <p className="text-sm font-medium" data-testid="rebalance-preview-total">
                  {preview.result.total === 0
                    ? "No accounts match."
                    : `${n(preview.result.total)} accounts would move:`}
                </p>
                {preview.result.total > 0 ? (
                  <div className="rounded-md border">
                    <Table aria-label="Preview">
                      <TableHeader>
                        <TableRow className="hover:bg-transparent">
                          <TableHead scope="col">Agent</TableHead>
                          <TableHead scope="col" className="text-right">
                            Accounts
                          </TableHead>
                          <TableHead scope="col" className="text-right">
                            Balance
                          </TableHead>
                        </TableRow>
                      </TableHeader>
                      <TableBody>
                        {preview.result.perAgent.map((p) => (
                          <TableRow key={p.userId}>
                            <TableCell>{p.name}</TableCell>
                            <TableCell className="text-right tabular-nums">{n(p.count)}</TableCell>
                            <TableCell>
                              <Money minor={p.balanceMinor} />
                            </TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                      <TableFooter>
                        <TableRow>
                          <TableCell>Total</TableCell>
                          <TableCell className="text-right tabular-nums">{n(preview.result.total)}</TableCell>
                          <TableCell>
                            <Money minor={preview.result.perAgent.reduce((s, p) => s + p.balanceMinor, 0)} />
                          </TableCell>
                        </TableRow>
                      </TableFooter>
                    </Table>
                  </div>
                ) : null}
              </div>
            ) : null}

            <DialogFooter>
              <DialogClose asChild>
                <Button type="button" variant="outline">
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" variant={preview ? "outline" : "default"} disabled={previewing}>
                {previewing ? <Spinner label="Working out the split" /> : null}
                {preview ? "Preview again" : "Preview"}
              </Button>
              {preview && preview.result.total > 0 ? (
                <Button type="button" onClick={() => setConfirming(true)} disabled={apply.isPending}>
                  {verb} {n(preview.result.total)} accounts
                </Button>
              ) : null}
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>

      <AlertDialog open={confirming} onOpenChange={(next) => !apply.isPending && setConfirming(next)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>
              {verb} {n(preview?.result.total ?? 0)} accounts to {n(agentsWithAccounts)}{" "}
              {agentsWithAccounts === 1 ? "person" : "people"}?
            </AlertDialogTitle>
            <AlertDialogDescription>
              {preview?.result.perAgent
                .filter((p) => p.count > 0)
                .map((p) => `${p.name}: ${n(p.count)}`)
                .join(" · ")}
              . This is recorded in the audit log. If the selection has changed since the preview, nothing moves.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel disabled={apply.isPending}>Cancel</AlertDialogCancel>
            <AlertDialogAction
              disabled={apply.isPending}
              onClick={(event) => {
                event.preventDefault();
                if (preview) apply.mutate({ ...preview.input, expectedCount: preview.result.total });
              }}
            >
              {apply.isPending ? <Spinner label="Assigning" /> : null}
              {verb} {n(preview?.result.total ?? 0)} accounts
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}
