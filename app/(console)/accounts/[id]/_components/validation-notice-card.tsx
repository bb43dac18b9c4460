"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FileTextIcon } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { humanize } from "@/components/domain/humanize";
import { Instant } from "@/components/domain/instant";
import { Money } from "@/components/domain/money";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { NOTICE_MEDIA } from "@/server/modules/compliance/compliance.schemas";
import { describedBy, Field } from "./field";
import { fieldErrors, formError } from "./mutation-errors";

const MEDIUM_LABELS: Record<(typeof NOTICE_MEDIA)[number], string> = {
  mail: "Mail",
  email: "Email",
  portal: "Portal",
  in_person: "In person",
  phone: "Phone",
};

const LANGUAGE_LABELS = { en: "English", es: "Spanish" } as const;

const ITEMIZATION_LABELS: Record<string, string> = {
  last_statement: "last statement date",
  charge_off: "charge-off date",
  last_payment: "last payment date",
  transaction: "transaction date",
  judgment: "judgment date",
};

function RecordNoticeDialog({
  accountId,
  open,
  onOpenChange,
}: {
  accountId: string;
  open: boolean;
  onOpenChange: (o: boolean) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [medium, setMedium] = useState<(typeof NOTICE_MEDIA)[number]>("mail");
  const [language, setLanguage] = useState<"en" | "es">("en");
  const record = useMutation(
    trpc.compliance.recordValidationNotice.mutationOptions({
      onSuccess: async (notice) => {
        toast.success(`Validation notice recorded; the validation period ends ${notice.validationEndsOn}`);
        onOpenChange(false);
        // The notice, the call status (VAL-01 lifts) and the timeline all move: every query of the page is asked
        // again, as the workspace's other forms do.
        await queryClient.invalidateQueries();
      },
    }),
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    record.mutate({ accountId, medium, language });
  };
  const error = formError(record.error);
  const err = (path: string) => fieldErrors(record.error)[path];
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) record.reset();
        onOpenChange(next);
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Record the validation notice</DialogTitle>
          <DialogDescription>
            The notice&apos;s figures are computed from the ledger as of now and kept as sent; its validation period
            starts today.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          {error ? (
            <Alert variant="destructive">
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          ) : null}
          <Field
            id={`${id}-medium`}
            label="Medium"
            hint="How the notice was provided to the debtor."
            error={err("medium")}
          >
            <NativeSelect
              id={`${id}-medium`}
              value={medium}
              onChange={(e) => setMedium(e.target.value as typeof medium)}
              {...describedBy(`${id}-medium`, err("medium"), true)}
            >
              {NOTICE_MEDIA.map((m) => (
                <option key={m} value={m}>
                  {MEDIUM_LABELS[m]}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field
            id={`${id}-language`}
            label="Language"
            hint="A Spanish notice goes with or after the English one."
            error={err("language")}
          >
            <NativeSelect
              id={`${id}-language`}
              value={language}
              onChange={(e) => setLanguage(e.target.value as "en" | "es")}
              {...describedBy(`${id}-language`, err("language"), true)}
            >
              <option value="en">{LANGUAGE_LABELS.en}</option>
              <option value="es">{LANGUAGE_LABELS.es}</option>
            </NativeSelect>
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={record.isPending}>
              {record.isPending ? <Spinner label="Recording the notice" /> : null}
              Record notice
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Reg F 1006.34: the validation notice of this account, its figures and period, or when it is owed. */
export function ValidationNoticeCard({ accountId, canRecord }: { accountId: string; canRecord: boolean }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.compliance.validationNotice.queryOptions({ accountId }));
  const [open, setOpen] = useState(false);
  const first = query.data?.notices[query.data.notices.length - 1];
  const status = query.data?.status;

  return (
    <Card aria-labelledby="validation-notice-title">
      <CardHeader>
        <CardTitle>
          <h2 id="validation-notice-title">Validation notice</h2>
        </CardTitle>
        <CardDescription>
          What the debtor was told they owe and why, and how long they have to dispute it.
        </CardDescription>
        {canRecord ? (
          <CardAction>
            <Button size="sm" variant="outline" onClick={() => setOpen(true)}>
              <FileTextIcon aria-hidden="true" />
              Record notice provided
            </Button>
          </CardAction>
        ) : null}
      </CardHeader>
      <CardContent>
        {query.isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : query.isError ? (
          <Alert variant="destructive">
            <AlertDescription>The validation notice could not be loaded: {query.error.message}</AlertDescription>
          </Alert>
        ) : first ? (
          <div className="flex flex-col gap-3" data-testid="validation-notice">
            <p className="flex flex-wrap items-center gap-2">
              <span>
                Validation notice provided <Instant value={first.providedAt} /> by{" "}
                {MEDIUM_LABELS[first.medium].toLowerCase()}
                {first.language === "es" ? " (Spanish)" : ""}.
              </span>
              {query.data.inValidationPeriod ? (
                <Badge variant="warning">In validation period until {first.validationEndsOn}</Badge>
              ) : (
                <Badge variant="secondary">Validation period ended {first.validationEndsOn}</Badge>
              )}
            </p>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
              <dt className="text-muted-foreground">Validation period ends</dt>
              <dd>{first.validationEndsOn}</dd>
              <dt className="text-muted-foreground">
                Amount on the {ITEMIZATION_LABELS[first.itemizationDateType] ?? humanize(first.itemizationDateType)} (
                {first.itemizationOn})
              </dt>
              <dd>
                <Money minor={first.amountOnItemizationMinor} currency={first.currency} className="inline" />
              </dd>
              <dt className="text-muted-foreground">Interest since</dt>
              <dd>
                <Money minor={first.interestSinceMinor} currency={first.currency} className="inline" />
              </dd>
              <dt className="text-muted-foreground">Fees since</dt>
              <dd>
                <Money minor={first.feesSinceMinor} currency={first.currency} className="inline" />
              </dd>
              <dt className="text-muted-foreground">Payments and credits since</dt>
              <dd>
                <Money minor={first.paymentsAndCreditsSinceMinor} currency={first.currency} className="inline" />
              </dd>
              <dt className="font-medium">Amount owed when sent</dt>
              <dd className="font-medium">
                <Money minor={first.currentAmountMinor} currency={first.currency} className="inline" />
              </dd>
              <dt className="text-muted-foreground">Assumed received</dt>
              <dd>{first.assumedReceiptOn}</dd>
            </dl>
            <a
              className="w-fit text-sm underline underline-offset-4"
              href={`/api/accounts/${accountId}/validation-notice`}
            >
              Download the notice (PDF, Model Form B-1 layout)
            </a>
            {query.data.notices.length > 1 ? (
              <p className="text-xs text-muted-foreground">{query.data.notices.length - 1} later notice(s) recorded.</p>
            ) : null}
          </div>
        ) : (
          <div className="flex flex-col gap-2" data-testid="validation-notice">
            <p className="flex flex-wrap items-center gap-2">
              <span>No validation notice recorded.</span>
              {status?.required && status.dueOn ? (
                <Badge variant={status.overdue ? "destructive" : "warning"}>
                  {status.overdue ? `Overdue since ${status.dueOn}: collection is blocked` : `Due by ${status.dueOn}`}
                </Badge>
              ) : null}
            </p>
            {status?.reason ? (
              <p className={status.overdue ? "text-sm text-destructive" : "text-sm text-muted-foreground"}>
                {status.reason}.
              </p>
            ) : null}
          </div>
        )}
      </CardContent>
      {canRecord ? <RecordNoticeDialog accountId={accountId} open={open} onOpenChange={setOpen} /> : null}
    </Card>
  );
}
