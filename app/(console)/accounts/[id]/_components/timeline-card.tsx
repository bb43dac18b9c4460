"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { ShieldAlertIcon, ShieldXIcon } from "lucide-react";
import { useState } from "react";
import { formatInZone } from "@/components/domain/local-time";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { TIMELINE_KIND_LABELS, TIMELINE_KINDS, type TimelineKind } from "@/server/modules/timeline/timeline.schemas";
import { AddNoteForm } from "./add-note-form";
import { timelineInput } from "./timeline-input";
import type { TimelinePage } from "./types";

type Item = TimelinePage["items"][number];

/** Compliance entries stand out: a contact the gate refused in red, one a manager let through in amber. */
function KindChip({ item }: { item: Item }) {
  if (item.kind !== "compliance") return <Badge variant="outline">{TIMELINE_KIND_LABELS[item.kind]}</Badge>;
  const overridden = item.action === "compliance.overridden";
  return (
    <Badge variant={overridden ? "warning" : "destructive"}>
      {overridden ? <ShieldAlertIcon aria-hidden="true" /> : <ShieldXIcon aria-hidden="true" />}
      {TIMELINE_KIND_LABELS[item.kind]}
    </Badge>
  );
}

function Entry({ item, zone }: { item: Item; zone: string }) {
  return (
    <li data-testid="timeline-entry" data-kind={item.kind} className="flex flex-col gap-1 py-3">
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <KindChip item={item} />
        <span className="font-medium">{item.summary}</span>
      </div>
      {item.body ? (
        <p className="text-sm whitespace-pre-wrap text-muted-foreground">
          {item.action === "compliance.overridden" ? <span className="font-medium">Override reason: </span> : null}
          {item.body}
        </p>
      ) : null}
      {item.facts.length ? (
        <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
          {item.facts.map((f) => (
            <div key={f.label} className="flex gap-1">
              <dt className="shrink-0 whitespace-nowrap">{f.label}:</dt>
              <dd>
                {f.at ? (
                  <time dateTime={new Date(f.at).toISOString()} suppressHydrationWarning>
                    {formatInZone(new Date(f.at), zone)}
                  </time>
                ) : (
                  f.text
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p className="text-xs text-muted-foreground">
        <time dateTime={new Date(item.at).toISOString()} suppressHydrationWarning>
          {formatInZone(new Date(item.at), zone)}
        </time>{" "}
        · {item.actorName}
      </p>
    </li>
  );
}

/** Everything that happened to the account, newest first, filtered by kind, loaded a page at a time. */
export function TimelineCard({
  accountId,
  canNote,
  viewerZone,
}: {
  accountId: string;
  canNote: boolean;
  viewerZone: string;
}) {
  const trpc = useTRPC();
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const query = useInfiniteQuery(
    trpc.timeline.list.infiniteQueryOptions(timelineInput(accountId, kinds), {
      getNextPageParam: (last) => last.nextCursor,
    }),
  );
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const toggle = (kind: TimelineKind) =>
    setKinds((ks) => (ks.includes(kind) ? ks.filter((k) => k !== kind) : [...ks, kind]));

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Timeline</h2>
        </CardTitle>
        <CardDescription>
          Everything that happened to this account, newest first. Times in {viewerZone}.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {canNote ? <AddNoteForm accountId={accountId} /> : null}
        <div role="group" aria-label="Filter the timeline" className="flex flex-wrap gap-2">
          <Button
            size="sm"
            variant={kinds.length === 0 ? "default" : "outline"}
            aria-pressed={kinds.length === 0}
            onClick={() => setKinds([])}
          >
            All
          </Button>
          {TIMELINE_KINDS.map((k) => (
            <Button
              key={k}
              size="sm"
              variant={kinds.includes(k) ? "default" : "outline"}
              aria-pressed={kinds.includes(k)}
              onClick={() => toggle(k)}
            >
              {TIMELINE_KIND_LABELS[k]}
            </Button>
          ))}
        </div>
        {query.isPending ? (
          <div className="flex flex-col gap-3" aria-busy="true" aria-label="Loading the timeline">
            <Skeleton className="h-12 w-full" />
            <Skeleton className="h-12 w-full" />
            <Skeleton className="h-12 w-full" />
          </div>
        ) : query.isError ? (
          <p className="text-sm text-destructive">The timeline could not be loaded: {query.error.message}</p>
        ) : items.length === 0 ? (
          <EmptyState
            title={kinds.length ? "Nothing of these kinds yet" : "Nothing has happened yet"}
            description="Calls, notes, payments, holds, tasks, promises, compliance blocks and changes will appear here."
          />
        ) : (
          <ol aria-label="Timeline" className="flex flex-col divide-y">
            {items.map((item) => (
              <Entry key={item.key} item={item} zone={viewerZone} />
            ))}
          </ol>
        )}
        {query.hasNextPage ? (
          <div>
            <Button variant="outline" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
              {query.isFetchingNextPage ? <Spinner label="Loading more" /> : null}
              Load more
            </Button>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
