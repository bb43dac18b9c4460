"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { ShieldCheckIcon } from "lucide-react";
import { Fragment } from "react";
import { Instant } from "@/components/domain/instant";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { AppRouter } from "@/server/api/root";
import { HOLD_KIND_LABELS, type HoldKind } from "@/server/modules/holds/holds.schemas";
import { PlaceHoldDialog } from "./holds-place-dialog";
import { ReleaseHoldDialog } from "./holds-release-dialog";

type HoldItem = inferRouterOutputs<AppRouter>["hold"]["list"]["active"][number];

const KIND_VARIANT: Record<HoldKind, BadgeProps["variant"]> = {
  dispute: "warning",
  cease: "destructive",
  attorney: "destructive",
  bankruptcy: "destructive",
  deceased: "destructive",
  servicemember: "warning",
  manual: "secondary",
};

const DETAIL_LABELS: Record<string, string> = {
  name: "Attorney",
  firm: "Firm",
  phone: "Phone",
  email: "Email",
  chapter: "Chapter",
  caseNumber: "Case number",
  court: "Court",
  activeDutyEvidence: "Active-duty evidence",
  branch: "Branch",
  dateOfDeath: "Date of death",
};

export function HoldKindBadge({ kind }: { kind: HoldKind }) {
  return <Badge variant={KIND_VARIANT[kind]}>{HOLD_KIND_LABELS[kind]}</Badge>;
}

function scopeLabel(scope: HoldItem["scope"]) {
  return scope === "debtor" ? "All accounts of the debtor" : "This account";
}

function HoldFacts({ hold }: { hold: HoldItem }) {
  const details = Object.entries(hold.details ?? {});
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      <dt className="text-muted-foreground">Reason</dt>
      <dd className="whitespace-pre-wrap">{hold.reason}</dd>
      {hold.evidence ? (
        <>
          <dt className="text-muted-foreground">Evidence</dt>
          <dd>{hold.evidence}</dd>
        </>
      ) : null}
      {details.map(([key, value]) => (
        <Fragment key={key}>
          <dt className="text-muted-foreground">{DETAIL_LABELS[key] ?? key}</dt>
          <dd>{key === "chapter" ? `Chapter ${value}` : value}</dd>
        </Fragment>
      ))}
      <dt className="text-muted-foreground">Placed</dt>
      <dd>
        <Instant value={hold.placedAt} /> by {hold.placedByName ?? "the system"}
      </dd>
      {hold.releasedAt ? (
        <>
          <dt className="text-muted-foreground">Released</dt>
          <dd>
            <Instant value={hold.releasedAt} /> by {hold.releasedByName ?? "the system"}
            {hold.releaseReason ? <span className="block text-muted-foreground">{hold.releaseReason}</span> : null}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** The account's holds (its own and its debtor's), with place and release actions for the roles allowed. */
export function HoldsCard({ accountId, debtorId }: { accountId: string; debtorId: string }) {
  void debtorId; // the server resolves the debtor from the account, so a stale id can never widen the query
  const trpc = useTRPC();
  const holds = useQuery(trpc.hold.list.queryOptions({ accountId }));
  const data = holds.data;

  return (
    <Card aria-labelledby="holds-card-title">
      <CardHeader>
        <CardTitle>
          <h2 id="holds-card-title">Holds</h2>
        </CardTitle>
        <CardDescription>Stops on collection: this account&apos;s and the debtor&apos;s.</CardDescription>
        {data?.permissions.place ? (
          <CardAction>
            <PlaceHoldDialog accountId={accountId} />
          </CardAction>
        ) : null}
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {holds.isPending ? (
          <div className="flex flex-col gap-2" aria-busy="true" aria-label="Loading holds">
            <Skeleton className="h-16 w-full" />
            <Skeleton className="h-16 w-full" />
          </div>
        ) : holds.isError ? (
          <Alert variant="destructive">
            <AlertDescription>The holds could not be loaded: {holds.error.message}</AlertDescription>
          </Alert>
        ) : (
          <>
            {data!.active.length === 0 ? (
              <EmptyState
                icon={ShieldCheckIcon}
                titleAs="p"
                title="No active holds"
                description="Collection may proceed on this account."
                className="py-6"
              />
            ) : (
              <ul className="flex flex-col gap-3" aria-label="Active holds">
                {data!.active.map((hold) => (
                  <li key={hold.id} className="flex flex-col gap-2 rounded-lg border p-3" data-testid="active-hold">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <span className="flex flex-wrap items-center gap-2">
                        <HoldKindBadge kind={hold.kind} />
                        <span className="text-xs text-muted-foreground">{scopeLabel(hold.scope)}</span>
                      </span>
                      {data!.permissions.release ? (
                        <ReleaseHoldDialog
                          accountId={accountId}
                          hold={hold}
                          accountDisputed={data!.accountStatus === "disputed"}
                        />
                      ) : null}
                    </div>
                    <HoldFacts hold={hold} />
                  </li>
                ))}
              </ul>
            )}
            {data!.history.length > 0 ? (
              <details className="group rounded-lg border px-3 py-2">
                <summary className="cursor-pointer text-sm font-medium outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
                  Released holds ({data!.history.length})
                </summary>
                <ul className="mt-3 flex flex-col gap-3" aria-label="Released holds">
                  {data!.history.map((hold) => (
                    <li key={hold.id} className="flex flex-col gap-2 border-t pt-3 first:border-t-0 first:pt-0">
                      <span className="flex flex-wrap items-center gap-2">
                        <HoldKindBadge kind={hold.kind} />
                        <span className="text-xs text-muted-foreground">{scopeLabel(hold.scope)}</span>
                      </span>
                      <HoldFacts hold={hold} />
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </>
        )}
      </CardContent>
    </Card>
  );
}
