"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { MoreHorizontalIcon, PhoneIcon, PlusIcon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Instant } from "@/components/domain/instant";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { OPT_OUT_SOURCE_LABELS, type OptOutSource } from "@/server/modules/contacts/contacts.schemas";
import {
  CONSENT_LABELS,
  ContactConsentDialog,
  ContactInvalidateDialog,
  ContactOptOutDialog,
} from "./contact-action-dialogs";
import { CallStatus } from "./call-status";
import { ContactEditDialog, type ContactPointItem } from "./contact-edit-dialog";
import { humanize } from "@/components/domain/humanize";

type Action = "correct" | "invalidate" | "consent" | "optOut";

const ZONE_SOURCE_LABELS: Record<string, string> = {
  area_code: "from area code",
  address_zip: "from ZIP code",
  address_state: "from state",
  address: "from address",
};

const muted = (text: string) => <span className="text-muted-foreground">{text}</span>;

function sourceLabel(source: string) {
  return OPT_OUT_SOURCE_LABELS[source as OptOutSource] ?? humanize(source);
}

function RowActions({
  contact,
  onAction,
  onMakePrimary,
}: {
  contact: ContactPointItem;
  onAction: (action: Action) => void;
  onMakePrimary: () => void;
}) {
  const invalid = contact.validity === "invalid";
  const reachable = contact.kind !== "address";
  return (
    // Not modal: a dialog opened from a menu item must get focus and pointer events when the menu closes.
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Actions for ${contact.kind} ${contact.display}`}>
          <MoreHorizontalIcon aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuItem onSelect={() => onAction("correct")}>Correct…</DropdownMenuItem>
        <DropdownMenuItem disabled={invalid || contact.isPrimary} onSelect={onMakePrimary}>
          Mark primary
        </DropdownMenuItem>
        {reachable ? (
          <>
            <DropdownMenuItem disabled={invalid} onSelect={() => onAction("consent")}>
              Record consent…
            </DropdownMenuItem>
            <DropdownMenuItem disabled={Boolean(contact.optedOutAt)} onSelect={() => onAction("optOut")}>
              Record opt-out…
            </DropdownMenuItem>
          </>
        ) : null}
        <DropdownMenuSeparator />
        <DropdownMenuItem variant="destructive" disabled={invalid} onSelect={() => onAction("invalidate")}>
          Mark invalid…
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** The debtor's phones, emails and addresses, with the evidence compliance needs and the actions to keep it right. */
export function ContactPointsCard({
  accountId,
  debtorId,
  viewerZone,
}: {
  accountId: string;
  debtorId: string;
  /** The signed-in user's zone: when a blocked number may be called again is shown in it and the debtor's. */
  viewerZone: string;
}) {
  void debtorId; // the server resolves the debtor from the account, so a stale id can never widen the query
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.contact.list.queryOptions({ accountId }));
  // The gate's answer moves with the clock (hours, seven-day windows): asked again every minute, and after a
  // call is logged (the log-call dialog invalidates every query of the page).
  const callStatus = useQuery({
    ...trpc.compliance.callStatus.queryOptions({ accountId }),
    refetchInterval: 60_000,
  });
  const statusOf = (id: string) => callStatus.data?.numbers.find((n) => n.contactPointId === id);
  const [adding, setAdding] = useState(false);
  // The target outlives `open` so a dialog keeps its text while it animates closed.
  const [target, setTarget] = useState<{ action: Action; contact: ContactPointItem } | null>(null);
  const [open, setOpen] = useState(false);

  const setPrimary = useMutation(
    trpc.contact.setPrimary.mutationOptions({
      onSuccess: async (row) => {
        toast.success(`Primary ${row.kind} set`);
        await queryClient.invalidateQueries();
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  const openAction = (contact: ContactPointItem, action: Action) => {
    setTarget({ action, contact });
    setOpen(true);
  };
  const dialogKey = target ? `${target.action}-${target.contact.id}-${target.contact.version}` : undefined;
  const dialogProps = target ? { accountId, contact: target.contact, open, onOpenChange: setOpen } : null;
  const canManage = list.data?.canManage ?? false;
  const rows = list.data?.contactPoints ?? [];

  return (
    <Card aria-labelledby="contact-points-title">
      <CardHeader>
        <CardTitle>
          <h2 id="contact-points-title">Contact points</h2>
        </CardTitle>
        <CardDescription>
          Validity, consent and opt-outs are kept per phone, email and address. Whether a number may be called now is
          checked by the compliance gate every minute.
        </CardDescription>
        {canManage ? (
          <CardAction>
            <Button size="sm" variant="outline" onClick={() => setAdding(true)}>
              <PlusIcon aria-hidden="true" />
              Add contact point
            </Button>
          </CardAction>
        ) : null}
      </CardHeader>
      <CardContent>
        {list.isPending ? (
          <div className="flex flex-col gap-2" aria-busy="true" aria-label="Loading contact points">
            <Skeleton className="h-8 w-full" />
            <Skeleton className="h-8 w-full" />
            <Skeleton className="h-8 w-full" />
          </div>
        ) : list.isError ? (
          <Alert variant="destructive">
            <AlertDescription>The contact points could not be loaded: {list.error.message}</AlertDescription>
          </Alert>
        ) : rows.length === 0 ? (
          <EmptyState
            icon={PhoneIcon}
            titleAs="p"
            title="No contact points"
            description="This debtor has no phone numbers, emails or addresses on file."
          />
        ) : (
          <Table aria-label="Contact points">
            <TableHeader>
              <TableRow>
                <TableHead scope="col">Kind</TableHead>
                <TableHead scope="col">Value</TableHead>
                <TableHead scope="col">Validity</TableHead>
                <TableHead scope="col">Consent</TableHead>
                <TableHead scope="col">Opt-out</TableHead>
                <TableHead scope="col">Source</TableHead>
                <TableHead scope="col">Time zone</TableHead>
                <TableHead scope="col">Call now</TableHead>
                {canManage ? (
                  <TableHead scope="col">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((c) => (
                <TableRow
                  key={c.id}
                  data-testid="contact-point"
                  className={c.validity === "invalid" ? "opacity-70" : undefined}
                >
                  <TableCell className="align-top">
                    <span className="flex flex-col">
                      {humanize(c.kind)}
                      {c.phoneType ? (
                        <span className="text-xs text-muted-foreground">{humanize(c.phoneType)}</span>
                      ) : null}
                    </span>
                  </TableCell>
                  <TableCell className="align-top whitespace-normal">
                    <span className="flex flex-wrap items-center gap-2">
                      <span className={c.validity === "invalid" ? "line-through" : undefined}>{c.display}</span>
                      {c.isPrimary ? <Badge variant="secondary">Primary</Badge> : null}
                    </span>
                  </TableCell>
                  <TableCell className="align-top">
                    <Badge
                      variant={
                        c.validity === "valid" ? "success" : c.validity === "invalid" ? "destructive" : "outline"
                      }
                    >
                      {humanize(c.validity)}
                    </Badge>
                  </TableCell>
                  <TableCell className="align-top whitespace-normal">
                    {c.consent === "none" ? (
                      muted("None")
                    ) : (
                      <span className="flex flex-col">
                        {CONSENT_LABELS[c.consent]}
                        {c.consentSource ? (
                          <span className="text-xs text-muted-foreground">via {humanize(c.consentSource)}</span>
                        ) : null}
                        {c.consentAt ? (
                          <span className="text-xs text-muted-foreground">
                            <Instant value={c.consentAt} />
                          </span>
                        ) : null}
                      </span>
                    )}
                  </TableCell>
                  <TableCell className="align-top whitespace-normal">
                    {c.optedOutAt ? (
                      <span className="flex flex-col">
                        <Badge variant="warning">Opted out</Badge>
                        <span className="text-xs text-muted-foreground">
                          <Instant value={c.optedOutAt} />
                        </span>
                        {c.optOutSource ? (
                          <span className="text-xs text-muted-foreground">{sourceLabel(c.optOutSource)}</span>
                        ) : null}
                      </span>
                    ) : (
                      muted("No")
                    )}
                  </TableCell>
                  <TableCell className="align-top">{humanize(c.source)}</TableCell>
                  <TableCell className="align-top whitespace-normal">
                    {c.timeZone ? (
                      <span className="flex flex-col">
                        {c.timeZone}
                        {c.timeZoneSource ? (
                          <span className="text-xs text-muted-foreground">
                            {ZONE_SOURCE_LABELS[c.timeZoneSource] ?? humanize(c.timeZoneSource)}
                          </span>
                        ) : null}
                      </span>
                    ) : (
                      // An email has no place, so no zone; a phone or address without one is a gap to fix.
                      muted(c.kind === "email" ? "—" : "Unknown")
                    )}
                  </TableCell>
                  <TableCell className="align-top whitespace-normal">
                    {c.kind !== "phone" ? (
                      muted("—")
                    ) : callStatus.data ? (
                      // A failed refetch keeps the last answer rather than hiding it.
                      <CallStatus status={statusOf(c.id)} viewerZone={viewerZone} />
                    ) : callStatus.isError ? (
                      <span className="text-xs text-destructive">Could not be checked: {callStatus.error.message}</span>
                    ) : (
                      <Skeleton className="h-5 w-24" />
                    )}
                  </TableCell>
                  {canManage ? (
                    <TableCell className="text-right align-top">
                      <RowActions
                        contact={c}
                        onAction={(action) => openAction(c, action)}
                        onMakePrimary={() =>
                          setPrimary.mutate({ accountId, contactPointId: c.id, expectedVersion: c.version })
                        }
                      />
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
      {canManage ? <ContactEditDialog accountId={accountId} open={adding} onOpenChange={setAdding} /> : null}
      {dialogProps && target?.action === "correct" ? <ContactEditDialog key={dialogKey} {...dialogProps} /> : null}
      {dialogProps && target?.action === "invalidate" ? (
        <ContactInvalidateDialog key={dialogKey} {...dialogProps} />
      ) : null}
      {dialogProps && target?.action === "consent" ? <ContactConsentDialog key={dialogKey} {...dialogProps} /> : null}
      {dialogProps && target?.action === "optOut" ? <ContactOptOutDialog key={dialogKey} {...dialogProps} /> : null}
    </Card>
  );
}
