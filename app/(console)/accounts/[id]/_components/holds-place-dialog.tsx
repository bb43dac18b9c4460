"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { PlusIcon } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc-provider";
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
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import {
  BANKRUPTCY_CHAPTERS,
  DEFAULT_HOLD_SCOPE,
  HOLD_KIND_LABELS,
  HOLD_KINDS,
  holdNeedsEvidence,
  type HoldKind,
  type HoldScope,
} from "@/server/modules/holds/holds.schemas";
import { Field, FormError, splitErrors } from "./contact-form-kit";

type DetailField = { key: string; label: string; required?: boolean; type?: "text" | "tel" | "email" | "date" };

/** The facts each kind asks for (the server validates them; this only lays the form out). */
const DETAIL_FIELDS: Partial<Record<HoldKind, DetailField[]>> = {
  attorney: [
    { key: "name", label: "Attorney name", required: true },
    { key: "firm", label: "Law firm" },
    { key: "phone", label: "Attorney phone", type: "tel" },
    { key: "email", label: "Attorney email", type: "email" },
  ],
  bankruptcy: [
    { key: "caseNumber", label: "Case number", required: true },
    { key: "court", label: "Court" },
  ],
  servicemember: [
    { key: "activeDutyEvidence", label: "Active-duty evidence", required: true },
    { key: "branch", label: "Branch of service" },
  ],
  deceased: [{ key: "dateOfDeath", label: "Date of death", type: "date" }],
};

const EVIDENCE_EXAMPLES: Record<HoldKind, string> = {
  dispute: "Letter received 2026-11-20, doc #123",
  cease: "Cease letter received 2026-11-20, doc #124",
  attorney: "Letter of representation received 2026-11-20",
  bankruptcy: "PACER notice of filing dated 2026-11-18",
  deceased: "Death certificate received 2026-11-20",
  servicemember: "Call with spouse 2026-11-20; SCRA check pending",
  manual: "Optional",
};

const emptyForm = (kind: HoldKind = "dispute") => ({
  kind,
  scope: DEFAULT_HOLD_SCOPE[kind],
  reason: "",
  evidence: "",
  details: {} as Record<string, string>,
});

export function PlaceHoldDialog({ accountId }: { accountId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(emptyForm);

  const place = useMutation(
    trpc.hold.place.mutationOptions({
      onSuccess: async (result) => {
        const label = HOLD_KIND_LABELS[result.hold.kind];
        const covered = result.accountIds.length;
        toast.success(`${label} hold placed`, {
          description: [
            covered > 1 ? `It covers all ${covered} accounts of this debtor.` : null,
            result.statusChange ? "The account is now marked disputed." : null,
          ]
            .filter(Boolean)
            .join(" "),
        });
        setOpen(false);
        setForm(emptyForm());
        // Everything on the page may show the hold: header, timeline, list badges.
        await queryClient.invalidateQueries();
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  const detailFields = DETAIL_FIELDS[form.kind] ?? [];
  const fieldNames = [
    "kind",
    "scope",
    "reason",
    "evidence",
    "details.chapter",
    ...detailFields.map((f) => `details.${f.key}`),
  ];
  const { byField, formError } = splitErrors(place.error, fieldNames);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    place.mutate({ accountId, ...form });
  };
  const setDetail = (key: string, value: string) => setForm({ ...form, details: { ...form.details, [key]: value } });
  const scopeFixed = form.kind === "dispute";

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) place.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="outline">
          <PlusIcon aria-hidden="true" />
          Place hold
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>Place a hold</DialogTitle>
            <DialogDescription>
              A hold stops collection activity until a manager releases it. Record what supports it.
            </DialogDescription>
          </DialogHeader>
          <FormError message={formError} />
          <Field id={`${id}-kind`} label="Kind" error={byField.kind}>
            {(props) => (
              <NativeSelect
                {...props}
                value={form.kind}
                onChange={(e) => {
                  const kind = e.target.value as HoldKind;
                  // Keep what was typed; the scope follows the kind's default.
                  setForm({ ...form, kind, scope: DEFAULT_HOLD_SCOPE[kind] });
                  place.reset();
                }}
              >
                {HOLD_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {HOLD_KIND_LABELS[k]}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
          <fieldset className="flex flex-col gap-2" aria-describedby={byField.scope ? `${id}-scope-error` : undefined}>
            <legend className="mb-1 text-sm leading-none font-medium">Applies to</legend>
            {(
              [
                ["account", "This account only"],
                ["debtor", "Every account of this debtor"],
              ] as [HoldScope, string][]
            ).map(([value, label]) => (
              <label key={value} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name={`${id}-scope`}
                  value={value}
                  checked={form.scope === value}
                  disabled={scopeFixed && value === "debtor"}
                  onChange={() => setForm({ ...form, scope: value })}
                  className="size-4 accent-primary"
                />
                {label}
              </label>
            ))}
            {scopeFixed ? (
              <p className="text-xs text-muted-foreground">
                A dispute concerns one debt, so it holds this account only.
              </p>
            ) : null}
            {byField.scope ? (
              <p id={`${id}-scope-error`} className="text-sm text-destructive">
                {byField.scope}
              </p>
            ) : null}
          </fieldset>
          <Field id={`${id}-reason`} label="Reason" error={byField.reason}>
            {(props) => (
              <Textarea
                {...props}
                rows={2}
                maxLength={1000}
                value={form.reason}
                onChange={(e) => setForm({ ...form, reason: e.target.value })}
                placeholder="Why collection must stop"
              />
            )}
          </Field>
          <Field
            id={`${id}-evidence`}
            label={holdNeedsEvidence(form.kind) ? "Evidence" : "Evidence (optional)"}
            error={byField.evidence}
            hint="A document reference, a letter's date, a case number."
          >
            {(props) => (
              <Input
                {...props}
                maxLength={1000}
                value={form.evidence}
                onChange={(e) => setForm({ ...form, evidence: e.target.value })}
                placeholder={EVIDENCE_EXAMPLES[form.kind]}
              />
            )}
          </Field>
          {form.kind === "bankruptcy" ? (
            <Field id={`${id}-chapter`} label="Chapter" error={byField["details.chapter"]}>
              {(props) => (
                <NativeSelect
                  {...props}
                  value={form.details.chapter ?? ""}
                  onChange={(e) => setDetail("chapter", e.target.value)}
                >
                  <option value="">Choose…</option>
                  {BANKRUPTCY_CHAPTERS.map((c) => (
                    <option key={c} value={c}>
                      Chapter {c}
                    </option>
                  ))}
                </NativeSelect>
              )}
            </Field>
          ) : null}
          {detailFields.map((f) => (
            <Field
              key={`${form.kind}-${f.key}`}
              id={`${id}-${f.key}`}
              label={f.required ? f.label : `${f.label} (optional)`}
              error={byField[`details.${f.key}`]}
            >
              {(props) => (
                <Input
                  {...props}
                  type={f.type ?? "text"}
                  value={form.details[f.key] ?? ""}
                  onChange={(e) => setDetail(f.key, e.target.value)}
                />
              )}
            </Field>
          ))}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={place.isPending}>
              {place.isPending ? <Spinner label="Placing hold" /> : null}
              Place hold
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
