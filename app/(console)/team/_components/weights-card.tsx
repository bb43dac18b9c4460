"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { WEIGHT_MAX } from "@/server/modules/settings/settings.schemas";

/** The two priority weights; admins edit them, everyone with the team view sees them. */
export function WeightsCard({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const weights = useQuery(trpc.queue.weights.queryOptions());
  const [draft, setDraft] = useState<{ balance: string; aging: string } | null>(null);
  const current = weights.data?.weights;
  const value = draft ?? { balance: String(current?.balanceWeight ?? ""), aging: String(current?.agingWeight ?? "") };

  const save = useMutation(
    trpc.queue.setWeights.mutationOptions({
      onSuccess: async (result) => {
        toast.success(
          result.changed
            ? `Weights saved; ${result.updated.toLocaleString("en-US")} account priorities updated`
            : "Those weights are already in force",
        );
        setDraft(null);
        await queryClient.invalidateQueries({ queryKey: trpc.queue.pathKey() });
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const issues = save.error?.data?.issues ?? [];
  const errorFor = (path: string) =>
    issues
      .filter((i) => i.path === path)
      .map((i) => i.message)
      .join(" ") || null;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate({ balanceWeight: Number(value.balance), agingWeight: Number(value.aging) });
  };

  const field = (key: "balance" | "aging", label: string, path: string) => {
    const error = errorFor(path);
    return (
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-${key}`}>{label}</Label>
        <Input
          id={`${id}-${key}`}
          type="number"
          inputMode="numeric"
          min={0}
          max={WEIGHT_MAX}
          step={1}
          disabled={!canEdit}
          value={value[key]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-${key}-error` : undefined}
          onChange={(e) => setDraft({ ...value, [key]: e.target.value })}
          className="w-28"
        />
        {error ? (
          <p id={`${id}-${key}-error`} className="text-sm text-destructive">
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>Queue priority</CardTitle>
        <CardDescription>
          Priority = balance weight × balance score + aging weight × aging score. The balance score is one point per
          $100 up to $10,000 (0–100); the aging score runs from 0 (current) to 100 (180+ days). Higher is worked first.
          {weights.data?.isDefault ? " These are the default weights." : null}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-4" aria-label="Queue priority weights">
          {field("balance", "Balance weight", "balanceWeight")}
          {field("aging", "Aging weight", "agingWeight")}
          {canEdit ? (
            <Button type="submit" disabled={save.isPending || !draft}>
              {save.isPending ? <Spinner label="Saving weights" /> : null}
              Save weights
            </Button>
          ) : null}
        </form>
        {canEdit ? (
          <p className="mt-3 text-xs text-muted-foreground">
            Saving recomputes every account’s priority at once; on a large portfolio this takes a while.
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
