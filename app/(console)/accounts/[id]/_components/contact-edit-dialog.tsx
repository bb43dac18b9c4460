"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
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
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import type { AppRouter } from "@/server/api/root";
import {
  CONTACT_KINDS,
  CONTACT_SOURCES,
  PHONE_TYPES,
  US_STATE_CODES,
  type ContactKind,
  type ContactSource,
  type PhoneType,
} from "@/server/modules/contacts/contacts.schemas";
import { humanize } from "@/components/domain/humanize";
import { Field, FormError, splitErrors } from "./contact-form-kit";

export type ContactPointItem = inferRouterOutputs<AppRouter>["contact"]["list"]["contactPoints"][number];

const KIND_LABELS: Record<ContactKind, string> = { phone: "Phone", email: "Email", address: "Postal address" };
const FIELDS = ["kind", "value", "phoneType", "line1", "line2", "city", "state", "postalCode", "source"] as const;

type FormState = {
  kind: ContactKind;
  value: string;
  phoneType: PhoneType | "";
  line1: string;
  line2: string;
  city: string;
  state: string;
  postalCode: string;
  source: ContactSource;
};

function initialState(contact?: ContactPointItem): FormState {
  return {
    kind: contact?.kind ?? "phone",
    // A phone is corrected from how people write it, not from E.164.
    value: contact ? (contact.kind === "phone" ? contact.display : contact.kind === "email" ? contact.value : "") : "",
    phoneType: contact?.phoneType ?? "",
    line1: contact?.line1 ?? "",
    line2: contact?.line2 ?? "",
    city: contact?.city ?? "",
    state: contact?.state ?? "",
    postalCode: contact?.postalCode ?? "",
    source: "agent",
  };
}

function fieldsOf(form: FormState) {
  switch (form.kind) {
    case "phone":
      return { kind: "phone" as const, value: form.value, phoneType: form.phoneType || undefined };
    case "email":
      return { kind: "email" as const, value: form.value };
    case "address":
      return {
        kind: "address" as const,
        line1: form.line1,
        line2: form.line2,
        city: form.city,
        state: form.state,
        postalCode: form.postalCode,
      };
  }
}

/**
 * Adds a contact point (no `contact`) or corrects one (`contact` given: its kind is fixed and the version the
 * user saw goes with the correction, so a concurrent edit is refused rather than overwritten).
 */
export function ContactEditDialog({
  accountId,
  contact,
  open,
  onOpenChange,
}: {
  accountId: string;
  contact?: ContactPointItem;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [form, setForm] = useState(() => initialState(contact));
  const done = async (message: string) => {
    toast.success(message);
    onOpenChange(false);
    setForm(initialState(contact));
    await queryClient.invalidateQueries();
  };
  const add = useMutation(
    trpc.contact.add.mutationOptions({
      onSuccess: (row) => done(`${KIND_LABELS[row.kind]} added`),
      onError: (error) => toast.error(error.message),
    }),
  );
  const correct = useMutation(
    trpc.contact.correct.mutationOptions({
      onSuccess: (row) => done(`${KIND_LABELS[row.kind]} corrected`),
      onError: (error) => toast.error(error.message),
    }),
  );
  const mutation = contact ? correct : add;
  const { byField, formError } = splitErrors(mutation.error, FIELDS);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (contact) {
      correct.mutate({ accountId, contactPointId: contact.id, expectedVersion: contact.version, ...fieldsOf(form) });
    } else {
      add.mutate({ accountId, source: form.source, ...fieldsOf(form) });
    }
  };
  const set = (patch: Partial<FormState>) => setForm({ ...form, ...patch });
  const text = (name: "value" | "line1" | "line2" | "city" | "postalCode", label: string, extra = {}) => (
    <Field id={`${id}-${name}`} label={label} error={byField[name]}>
      {(props) => <Input {...props} {...extra} value={form[name]} onChange={(e) => set({ [name]: e.target.value })} />}
    </Field>
  );

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) mutation.reset();
      }}
    >
      <DialogContent>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>{contact ? `Correct ${contact.display}` : "Add contact point"}</DialogTitle>
            <DialogDescription>
              {contact
                ? "A new number or address starts unverified, and consent given for the old one does not carry over."
                : "Phone numbers are checked against the numbering plan; the time zone is derived from the area code or address."}
            </DialogDescription>
          </DialogHeader>
          <FormError message={formError} />
          {contact ? null : (
            <Field id={`${id}-kind`} label="Kind" error={byField.kind}>
              {(props) => (
                <NativeSelect
                  {...props}
                  value={form.kind}
                  onChange={(e) => {
                    set({ kind: e.target.value as ContactKind, value: "" });
                    mutation.reset();
                  }}
                >
                  {CONTACT_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {KIND_LABELS[k]}
                    </option>
                  ))}
                </NativeSelect>
              )}
            </Field>
          )}
          {form.kind === "phone" ? (
            <>
              {text("value", "Phone number", { type: "tel", autoComplete: "off", placeholder: "(602) 555-0143" })}
              <Field id={`${id}-phoneType`} label="Phone type" error={byField.phoneType}>
                {(props) => (
                  <NativeSelect
                    {...props}
                    value={form.phoneType}
                    onChange={(e) => set({ phoneType: e.target.value as PhoneType | "" })}
                  >
                    <option value="">Not known</option>
                    {PHONE_TYPES.map((t) => (
                      <option key={t} value={t}>
                        {humanize(t)}
                      </option>
                    ))}
                  </NativeSelect>
                )}
              </Field>
            </>
          ) : form.kind === "email" ? (
            text("value", "Email address", { type: "email", autoComplete: "off", placeholder: "name@example.com" })
          ) : (
            <>
              {text("line1", "Street address", { autoComplete: "off" })}
              {text("line2", "Address line 2 (optional)", { autoComplete: "off" })}
              <div className="grid grid-cols-[1fr_6rem_8rem] gap-3">
                {text("city", "City", { autoComplete: "off" })}
                <Field id={`${id}-state`} label="State" error={byField.state}>
                  {(props) => (
                    <NativeSelect {...props} value={form.state} onChange={(e) => set({ state: e.target.value })}>
                      <option value="">—</option>
                      {US_STATE_CODES.map((s) => (
                        <option key={s} value={s}>
                          {s}
                        </option>
                      ))}
                    </NativeSelect>
                  )}
                </Field>
                {text("postalCode", "ZIP code", { inputMode: "numeric", autoComplete: "off" })}
              </div>
            </>
          )}
          {contact ? null : (
            <Field id={`${id}-source`} label="Source" error={byField.source}>
              {(props) => (
                <NativeSelect
                  {...props}
                  value={form.source}
                  onChange={(e) => set({ source: e.target.value as ContactSource })}
                >
                  {CONTACT_SOURCES.map((s) => (
                    <option key={s} value={s}>
                      {humanize(s)}
                    </option>
                  ))}
                </NativeSelect>
              )}
            </Field>
          )}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? <Spinner label="Saving contact point" /> : null}
              {contact ? "Save correction" : "Add contact point"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
