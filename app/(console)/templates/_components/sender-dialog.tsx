"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BuildingIcon } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { describedBy, Field } from "@/app/(console)/accounts/[id]/_components/field";
import { fieldErrors, formError } from "@/app/(console)/accounts/[id]/_components/mutation-errors";
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
import { Spinner } from "@/components/ui/spinner";
import type { SenderSettings } from "@/server/modules/communications/communications.schemas";

type Flat = Omit<SenderSettings, "mailing"> & { [K in keyof SenderSettings["mailing"] as `mailing.${K}`]: string };

const FIELDS: { key: keyof Flat; label: string; hint?: string; type?: string }[] = [
  {
    key: "name",
    label: "Name messages come from",
    hint: "{{org.name}}; without words like debt, collection or recovery, so voicemails stay limited-content.",
  },
  {
    key: "fromEmail",
    label: "Email sender address",
    type: "email",
    hint: "The From of every email (a domain verified with your provider).",
  },
  { key: "phone", label: "Phone number", type: "tel", hint: "{{org.phone}}: the number debtors call back." },
  { key: "email", label: "Contact email", type: "email", hint: "{{org.email}}" },
  { key: "hours", label: "Opening hours", hint: "{{org.hours}}, e.g. Monday–Friday 8 a.m.–8 p.m. Central" },
  { key: "website", label: "Website", hint: "{{org.website}}" },
  { key: "addressLine", label: "Address on one line", hint: "{{org.address}}, in the email footer" },
  { key: "caLicenseNumber", label: "California licence number", hint: "{{org.ca_license_number}}" },
  { key: "nycLicenseNumber", label: "New York City licence number", hint: "{{org.nyc_license_number}}" },
  { key: "mailing.line1", label: "Mailing address" },
  { key: "mailing.line2", label: "Mailing address, line 2" },
  { key: "mailing.city", label: "City" },
  { key: "mailing.state", label: "State", hint: "Two letters" },
  { key: "mailing.postalCode", label: "ZIP code" },
];

function flatten(s: SenderSettings): Flat {
  const { mailing, ...rest } = s;
  return {
    ...rest,
    "mailing.line1": mailing.line1,
    "mailing.line2": mailing.line2,
    "mailing.city": mailing.city,
    "mailing.state": mailing.state,
    "mailing.postalCode": mailing.postalCode,
  };
}

function unflatten(f: Flat): SenderSettings {
  return {
    name: f.name,
    fromEmail: f.fromEmail,
    phone: f.phone,
    email: f.email,
    addressLine: f.addressLine,
    hours: f.hours,
    website: f.website,
    caLicenseNumber: f.caLicenseNumber,
    nycLicenseNumber: f.nycLicenseNumber,
    mailing: {
      line1: f["mailing.line1"],
      line2: f["mailing.line2"],
      city: f["mailing.city"],
      state: f["mailing.state"],
      postalCode: f["mailing.postalCode"],
    },
  };
}

/**
 * Who messages come from and how debtors reach the organization: the org.* variables, the email footer, the
 * letterhead and the validation notice's return address. Admins only; audited on the server.
 */
export function SenderDialog() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<Flat | null>(null);
  const current = useQuery({ ...trpc.template.sender.queryOptions(), enabled: open });
  const save = useMutation(
    trpc.template.setSender.mutationOptions({
      onSuccess: async () => {
        toast.success("Sender details saved");
        setOpen(false);
        await queryClient.invalidateQueries(trpc.template.pathFilter());
      },
    }),
  );
  const values = form ?? (current.data ? flatten(current.data) : null);
  const errors = fieldErrors(save.error);
  const general = formError(save.error);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (values) save.mutate(unflatten(values));
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setForm(null);
        save.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <BuildingIcon aria-hidden="true" />
          Sender details
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Sender details</DialogTitle>
          <DialogDescription>
            Who your messages come from and how debtors reach you. Templates use them as org.* variables.
          </DialogDescription>
        </DialogHeader>
        {current.isError ? (
          <Alert variant="destructive">
            <AlertDescription>{current.error.message}</AlertDescription>
          </Alert>
        ) : !values ? (
          <Spinner label="Loading the sender details" />
        ) : (
          <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
            {general ? (
              <Alert variant="destructive">
                <AlertDescription>{general}</AlertDescription>
              </Alert>
            ) : null}
            <div className="grid gap-4 sm:grid-cols-2">
              {FIELDS.map((f) => (
                <Field key={f.key} id={`${id}-${f.key}`} label={f.label} hint={f.hint} error={errors[f.key]}>
                  <Input
                    id={`${id}-${f.key}`}
                    type={f.type ?? "text"}
                    value={values[f.key]}
                    onChange={(e) => setForm({ ...values, [f.key]: e.target.value })}
                    {...describedBy(`${id}-${f.key}`, errors[f.key], Boolean(f.hint))}
                  />
                </Field>
              ))}
            </div>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={save.isPending}>
                {save.isPending ? <Spinner label="Saving" /> : null}
                Save
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
