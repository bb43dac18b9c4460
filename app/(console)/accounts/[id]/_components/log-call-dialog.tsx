"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { PhoneIcon, ShieldAlertIcon } from "lucide-react";
import { useId, useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
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
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import {
  CALL_OUTCOME_LABELS,
  CALL_OUTCOMES,
  logCallInput,
  PERSON_REACHED_LABELS,
  PERSONS_REACHED,
  type CallDirection,
  type CallOutcome,
  type LogCallInput,
  type PersonReached,
} from "@/server/modules/interactions/interactions.schemas";
import { ConflictAlert } from "./conflict-alert";
import { describedBy, Field } from "./field";
import { fieldErrors, formError, isConflict } from "./mutation-errors";
import { DueFields, emptyDue, type DueState } from "./due-fields";
import type { WorkspaceData } from "./types";
import { VoicemailScript } from "./voicemail-script";

const OTHER = "__other__";
const NONE = "__none__";

/** Minor units from what the user typed ("1,234.50"), using the currency's own number of decimals. */
export function toMinor(text: string, currency: string): number | null {
  const cleaned = text.replace(/[,\s$€£]/g, "");
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const digits =
    new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return Math.round(Number(cleaned) * 10 ** digits);
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

type FormState = {
  direction: CallDirection;
  number: string;
  otherNumber: string;
  personReached: PersonReached;
  outcome: CallOutcome;
  conversation: boolean;
  discussed: string[];
  minutes: string;
  seconds: string;
  when: string;
  note: string;
  amount: string;
  dueOn: string;
  withCallback: boolean;
  callback: DueState;
};

/** The gate refused the call: the server's message says which rules and until when. */
function isComplianceBlock(error: { message: string; data?: { code?: string } | null } | null): boolean {
  return error?.data?.code === "PRECONDITION_FAILED" && error.message.startsWith("Blocked by compliance");
}

export function LogCallDialog({ detail, canOverride }: { detail: WorkspaceData; canOverride: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const phones = detail.contactPoints.filter((c) => c.kind === "phone");
  const currency = detail.account.currency;
  const zones = detail.debtorTimeZones;

  const initial = (): FormState => ({
    direction: "outbound",
    number: phones.find((p) => p.validity !== "invalid" && !p.optedOutAt)?.id ?? phones[0]?.id ?? "",
    otherNumber: "",
    personReached: "none",
    outcome: "no_answer",
    conversation: false,
    discussed: [],
    minutes: "0",
    seconds: "0",
    when: "",
    note: "",
    amount: "",
    dueOn: "",
    withCallback: false,
    callback: emptyDue(zones[0] ?? detail.viewerTimeZone ?? "UTC"),
  });
  const [form, setForm] = useState<FormState>(initial);
  /** The compliance block and its override: scrolled into view when the gate refuses the call. */
  const blockRef = useRef<HTMLDivElement>(null);
  const [overrideReason, setOverrideReason] = useState("");
  const [overrideError, setOverrideError] = useState<string | null>(null);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  /** The account version when the dialog opened: a promise saved from a stale view is refused. */
  const [seenVersion, setSeenVersion] = useState(detail.account.version);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  const logCall = useMutation(
    trpc.interaction.logCall.mutationOptions({
      onSuccess: async (result) => {
        toast.success(result.promise ? "Call and promise saved" : "Call logged");
        setOpen(false);
        await queryClient.invalidateQueries();
      },
      onError: (error) => {
        if (isComplianceBlock(error)) {
          toast.error("Blocked by compliance");
          // The alert is at the top of a long form; the user pressed save at its bottom.
          requestAnimationFrame(() => blockRef.current?.scrollIntoView({ block: "nearest", behavior: "smooth" }));
        } else toast.error(error.message);
      },
    }),
  );

  const serverErrors = fieldErrors(logCall.error);
  const errors = { ...serverErrors, ...clientErrors };
  const err = (path: string) => errors[path];
  const conflict = isConflict(logCall.error);
  const blocked = isComplianceBlock(logCall.error);
  const generalError = conflict || blocked ? null : formError(logCall.error);

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) {
      setForm(initial());
      setClientErrors({});
      setSeenVersion(detail.account.version);
      setOverrideReason("");
      setOverrideError(null);
      logCall.reset();
    }
  };

  const today = isoDate(new Date());
  const latest = isoDate(new Date(Date.now() + 90 * 86_400_000));

  /** The call as the form stands, checked like the server will; null (and the fields marked) when it is not valid. */
  const buildInput = (): LogCallInput | null => {
    const local: Record<string, string> = {};
    const minutes = Number(form.minutes || 0);
    const seconds = Number(form.seconds || 0);
    if (!Number.isInteger(minutes) || !Number.isInteger(seconds) || minutes < 0 || seconds < 0 || seconds > 59) {
      local.durationSeconds = "Enter whole minutes and 0–59 seconds";
    }
    const input: LogCallInput = {
      accountId: detail.account.id,
      direction: form.direction,
      personReached: form.personReached,
      outcome: form.outcome,
      conversation: form.conversation,
      accountIds: form.discussed,
      durationSeconds: minutes * 60 + seconds,
    };
    if (form.number === OTHER) input.phoneNumber = form.otherNumber;
    else if (form.number && form.number !== NONE) input.contactPointId = form.number;
    if (form.note.trim()) input.note = form.note;
    if (form.when) {
      const at = new Date(form.when);
      if (Number.isNaN(at.getTime())) local.occurredAt = "Enter a valid date and time";
      else input.occurredAt = at;
    }
    if (form.outcome === "promise_taken") {
      const amountMinor = toMinor(form.amount, currency);
      if (amountMinor === null) local["promise.amountMinor"] = "Enter the promised amount, e.g. 125.00";
      if (!form.dueOn) local["promise.dueOn"] = "Pick the date the payment is promised for";
      input.promise = { amountMinor: amountMinor ?? 0, dueOn: form.dueOn, currency };
      input.expectedVersion = seenVersion;
    }
    if (form.withCallback) {
      input.callback = {
        due: { kind: "local", date: form.callback.date, time: form.callback.time, timeZone: form.callback.timeZone },
      };
    }
    const parsed = logCallInput.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.join(".");
        local[path] ??= issue.message;
      }
    }
    setClientErrors(local);
    if (Object.keys(local).length > 0) {
      toast.error("Some fields need attention");
      return null;
    }
    return input;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = buildInput();
    if (input) logCall.mutate(input);
  };

  /** A manager logs the refused call anyway: the form as it stands, with the reason (audited by the server). */
  const overrideAndLog = () => {
    const reason = overrideReason.trim();
    if (reason.length < 10) {
      setOverrideError("Say why the call may be made despite the block (at least 10 characters)");
      return;
    }
    setOverrideError(null);
    const input = buildInput();
    if (input) logCall.mutate({ ...input, override: { reason } });
  };
  const overriding = logCall.isPending && Boolean(logCall.variables?.override);

  const numberOptions = [
    ...phones.map((p) => ({
      value: p.id,
      label: `${p.value}${p.phoneType ? ` (${p.phoneType})` : ""}${p.validity === "invalid" ? " — invalid" : ""}${
        p.optedOutAt ? " — opted out" : ""
      }`,
    })),
    ...(form.direction === "inbound"
      ? [
          { value: OTHER, label: "Another number…" },
          { value: NONE, label: "Caller ID withheld" },
        ]
      : []),
  ];

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <PhoneIcon aria-hidden="true" />
          Log call
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Log a call</DialogTitle>
          <DialogDescription>
            Every call is counted for the 7-in-7 call limits, per person and per debt. Record what happened.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          {conflict ? <ConflictAlert message={logCall.error!.message} onReloaded={() => setOpen(false)} /> : null}
          {generalError ? (
            <Alert variant="destructive">
              <AlertDescription>{generalError}</AlertDescription>
            </Alert>
          ) : null}
          {blocked ? (
            <div ref={blockRef} className="flex flex-col gap-3 rounded-md border border-destructive/40 p-3">
              <Alert variant="destructive">
                <ShieldAlertIcon aria-hidden="true" />
                <AlertTitle>The compliance gate refused this call</AlertTitle>
                <AlertDescription>{logCall.error!.message}</AlertDescription>
              </Alert>
              {canOverride ? (
                <>
                  <Field
                    id={`${id}-override`}
                    label="Override reason"
                    error={overrideError ?? err("override.reason") ?? err("override") ?? undefined}
                    hint="Required, at least 10 characters. Logging a blocked call is audited: your name and this reason are recorded."
                  >
                    <Textarea
                      id={`${id}-override`}
                      rows={2}
                      minLength={10}
                      maxLength={1000}
                      required
                      value={overrideReason}
                      onChange={(e) => setOverrideReason(e.target.value)}
                      {...describedBy(
                        `${id}-override`,
                        overrideError ?? err("override.reason") ?? err("override"),
                        true,
                      )}
                    />
                  </Field>
                  <Button
                    type="button"
                    variant="destructive"
                    className="w-fit"
                    onClick={overrideAndLog}
                    disabled={logCall.isPending}
                  >
                    {overriding ? <Spinner label="Logging the call anyway" /> : null}
                    Log call anyway
                  </Button>
                </>
              ) : (
                <p className="text-sm text-muted-foreground">
                  Only a manager or an admin can log a blocked call, with a reason that is audited.
                </p>
              )}
            </div>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id={`${id}-direction`} label="Direction">
              <NativeSelect
                id={`${id}-direction`}
                value={form.direction}
                onChange={(e) => {
                  const direction = e.target.value as CallDirection;
                  setForm((f) => ({
                    ...f,
                    direction,
                    number:
                      direction === "outbound" && (f.number === OTHER || f.number === NONE)
                        ? (phones[0]?.id ?? "")
                        : f.number,
                  }));
                }}
              >
                <option value="outbound">Outbound (we called)</option>
                <option value="inbound">Inbound (they called)</option>
              </NativeSelect>
            </Field>
            <Field id={`${id}-number`} label="Number used" error={err("contactPointId")}>
              <NativeSelect
                id={`${id}-number`}
                value={form.number}
                onChange={(e) => set("number", e.target.value)}
                {...describedBy(`${id}-number`, err("contactPointId"))}
              >
                {numberOptions.length === 0 ? <option value="">No phone number on file</option> : null}
                {numberOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            {form.number === OTHER ? (
              <Field
                id={`${id}-other`}
                label="Caller's number"
                error={err("phoneNumber")}
                hint="With its area code, or in international form starting with +."
              >
                <Input
                  id={`${id}-other`}
                  type="tel"
                  autoComplete="off"
                  value={form.otherNumber}
                  onChange={(e) => set("otherNumber", e.target.value)}
                  {...describedBy(`${id}-other`, err("phoneNumber"), true)}
                />
              </Field>
            ) : err("phoneNumber") ? (
              <p className="text-sm text-destructive sm:col-span-2">{err("phoneNumber")}</p>
            ) : null}
            <Field id={`${id}-person`} label="Person reached" error={err("personReached")}>
              <NativeSelect
                id={`${id}-person`}
                value={form.personReached}
                onChange={(e) => set("personReached", e.target.value as PersonReached)}
                {...describedBy(`${id}-person`, err("personReached"))}
              >
                {PERSONS_REACHED.map((p) => (
                  <option key={p} value={p}>
                    {PERSON_REACHED_LABELS[p]}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <Field id={`${id}-outcome`} label="Outcome" error={err("outcome")}>
              <NativeSelect
                id={`${id}-outcome`}
                value={form.outcome}
                onChange={(e) => {
                  const outcome = e.target.value as CallOutcome;
                  setForm((f) => ({ ...f, outcome, withCallback: outcome === "callback_requested" || f.withCallback }));
                }}
                {...describedBy(`${id}-outcome`, err("outcome"))}
              >
                {CALL_OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {CALL_OUTCOME_LABELS[o]}
                  </option>
                ))}
              </NativeSelect>
            </Field>
          </div>

          {form.direction === "outbound" && form.number && form.number !== OTHER && form.number !== NONE ? (
            <VoicemailScript
              // Opens by itself when the agent records a voicemail; remounting keeps the agent's own toggling.
              key={`${form.number}:${form.outcome === "voicemail_left"}`}
              accountId={detail.account.id}
              contactPointId={form.number}
              open={form.outcome === "voicemail_left"}
              viewerZone={detail.viewerTimeZone ?? "UTC"}
            />
          ) : null}

          <div className="flex flex-col gap-1.5">
            <div className="flex items-center gap-2">
              <Checkbox
                id={`${id}-conversation`}
                checked={form.conversation}
                onCheckedChange={(v) => set("conversation", v === true)}
                {...describedBy(`${id}-conversation`, err("conversation"))}
              />
              <Label htmlFor={`${id}-conversation`}>A conversation took place</Label>
            </div>
            {err("conversation") ? (
              <p id={`${id}-conversation-error`} className="text-sm text-destructive">
                {err("conversation")}
              </p>
            ) : null}
          </div>

          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">Debts discussed</legend>
            <div className="flex items-center gap-2">
              <Checkbox id={`${id}-debt-current`} checked disabled />
              <Label htmlFor={`${id}-debt-current`}>{detail.account.externalRef} (this account)</Label>
            </div>
            {detail.otherAccounts.map((o) => (
              <div key={o.id} className="flex items-center gap-2">
                <Checkbox
                  id={`${id}-debt-${o.id}`}
                  checked={form.discussed.includes(o.id)}
                  onCheckedChange={(v) =>
                    set("discussed", v === true ? [...form.discussed, o.id] : form.discussed.filter((x) => x !== o.id))
                  }
                />
                <Label htmlFor={`${id}-debt-${o.id}`}>{o.externalRef}</Label>
              </div>
            ))}
            {err("accountIds") ? <p className="text-sm text-destructive">{err("accountIds")}</p> : null}
          </fieldset>

          <div className="grid gap-4 sm:grid-cols-3">
            <Field id={`${id}-minutes`} label="Duration: minutes" error={err("durationSeconds")}>
              <Input
                id={`${id}-minutes`}
                type="number"
                inputMode="numeric"
                min={0}
                max={240}
                value={form.minutes}
                onChange={(e) => set("minutes", e.target.value)}
                {...describedBy(`${id}-minutes`, err("durationSeconds"))}
              />
            </Field>
            <Field id={`${id}-seconds`} label="Duration: seconds">
              <Input
                id={`${id}-seconds`}
                type="number"
                inputMode="numeric"
                min={0}
                max={59}
                value={form.seconds}
                onChange={(e) => set("seconds", e.target.value)}
              />
            </Field>
            <Field id={`${id}-when`} label="When" error={err("occurredAt")} hint="Your computer's time; empty = now.">
              <Input
                id={`${id}-when`}
                type="datetime-local"
                value={form.when}
                onChange={(e) => set("when", e.target.value)}
                {...describedBy(`${id}-when`, err("occurredAt"), true)}
              />
            </Field>
          </div>

          {form.outcome === "promise_taken" ? (
            <fieldset className="grid gap-4 rounded-md border p-3 sm:grid-cols-2">
              <legend className="px-1 text-sm font-medium">Promise to pay</legend>
              <Field
                id={`${id}-amount`}
                label={`Promised amount (${currency})`}
                error={err("promise.amountMinor") ?? err("promise.currency") ?? err("promise")}
              >
                <Input
                  id={`${id}-amount`}
                  inputMode="decimal"
                  placeholder="125.00"
                  value={form.amount}
                  onChange={(e) => set("amount", e.target.value)}
                  {...describedBy(`${id}-amount`, err("promise.amountMinor") ?? err("promise"))}
                />
              </Field>
              <Field id={`${id}-due`} label="Promised for" error={err("promise.dueOn")}>
                <Input
                  id={`${id}-due`}
                  type="date"
                  min={today}
                  max={latest}
                  value={form.dueOn}
                  onChange={(e) => set("dueOn", e.target.value)}
                  {...describedBy(`${id}-due`, err("promise.dueOn"))}
                />
              </Field>
            </fieldset>
          ) : err("promise") ? (
            <p className="text-sm text-destructive">{err("promise")}</p>
          ) : null}

          <div className="flex flex-col gap-3">
            <div className="flex items-center gap-2">
              <Checkbox
                id={`${id}-callback`}
                checked={form.withCallback}
                onCheckedChange={(v) => set("withCallback", v === true)}
              />
              <Label htmlFor={`${id}-callback`}>Schedule a callback</Label>
            </div>
            {form.withCallback ? (
              <DueFields
                idPrefix={`${id}-cb`}
                value={form.callback}
                onChange={(callback) => set("callback", callback)}
                debtorZones={zones}
                viewerZone={detail.viewerTimeZone}
                error={err("callback.due")}
              />
            ) : null}
          </div>

          <Field id={`${id}-note`} label="Call note">
            <Textarea
              id={`${id}-note`}
              rows={3}
              maxLength={5000}
              value={form.note}
              onChange={(e) => set("note", e.target.value)}
            />
          </Field>

          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={logCall.isPending}>
              {logCall.isPending && !overriding ? <Spinner label="Saving the call" /> : null}
              Save call
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
