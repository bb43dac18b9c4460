"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { InboxIcon } from "lucide-react";
import Link from "next/link";
import { useId, useState } from "react";
import { Instant } from "@/components/domain/instant";
import { PageHeader } from "@/components/layout/page-header";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { MESSAGE_STATUSES } from "@/server/modules/communications/communications.schemas";
import { MessageView } from "./message-view";
import { PrintBatchDialog } from "./print-batch";

type Status = (typeof MESSAGE_STATUSES)[number];
const STATUS_VARIANT: Record<Status, "success" | "warning" | "destructive" | "secondary" | "outline"> = {
  scheduled: "outline",
  sending: "outline",
  sent: "success",
  delivered: "success",
  bounced: "destructive",
  complained: "destructive",
  blocked: "destructive",
  failed: "destructive",
  received: "secondary",
};
const CHANNEL_LABELS = { email: "Email", sms: "Text", letter: "Letter" } as const;

/** Every message sent, scheduled, refused or received — the outbox shows each exactly as it goes out. */
export function OutboxView() {
  const trpc = useTRPC();
  const ids = useId();
  const [status, setStatus] = useState<Status | "">("");
  const [channel, setChannel] = useState<"email" | "sms" | "letter" | "">("");
  const [open, setOpen] = useState<string | null>(null);
  const list = useInfiniteQuery(
    trpc.message.list.infiniteQueryOptions(
      { limit: 25, ...(status ? { status } : {}), ...(channel ? { channel } : {}) },
      { getNextPageParam: (last) => last.nextCursor },
    ),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Outbox"
        description="What Recoup sent, scheduled or was refused, and what came back. Without a provider configured, this is where messages go."
        actions={<PrintBatchDialog />}
      />
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${ids}-channel`}>Channel</Label>
          <NativeSelect
            id={`${ids}-channel`}
            value={channel}
            onChange={(e) => setChannel(e.target.value as typeof channel)}
          >
            <option value="">All</option>
            <option value="email">Email</option>
            <option value="sms">Text</option>
            <option value="letter">Letter</option>
          </NativeSelect>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${ids}-status`}>Status</Label>
          <NativeSelect id={`${ids}-status`} value={status} onChange={(e) => setStatus(e.target.value as Status | "")}>
            <option value="">All</option>
            {MESSAGE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>
      {list.isError ? (
        <Alert variant="destructive">
          <AlertDescription>The outbox could not be loaded: {list.error.message}</AlertDescription>
        </Alert>
      ) : list.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : items.length === 0 ? (
        <EmptyState icon={InboxIcon} title="Nothing here" description="No message matches these filters yet." />
      ) : (
        <Table aria-label="Messages">
          <TableHeader>
            <TableRow>
              <TableHead scope="col">When</TableHead>
              <TableHead scope="col">Channel</TableHead>
              <TableHead scope="col">To</TableHead>
              <TableHead scope="col">Message</TableHead>
              <TableHead scope="col">Account</TableHead>
              <TableHead scope="col">Status</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((m) => (
              <TableRow key={m.id} data-testid="outbox-message">
                <TableCell className="align-top">
                  <Instant value={m.sentAt ?? m.scheduledFor ?? m.createdAt} />
                </TableCell>
                <TableCell className="align-top">
                  {CHANNEL_LABELS[m.channel]}
                  {m.direction === "inbound" ? (
                    <span className="block text-xs text-muted-foreground">inbound</span>
                  ) : null}
                </TableCell>
                <TableCell className="align-top">{m.toAddress}</TableCell>
                <TableCell className="align-top whitespace-normal">
                  <Button
                    variant="link"
                    className="h-auto p-0 text-left whitespace-normal"
                    onClick={() => setOpen(m.id)}
                  >
                    {m.subject ?? m.excerpt}
                  </Button>
                  {m.templateName ? (
                    <span className="block text-xs text-muted-foreground">{m.templateName}</span>
                  ) : null}
                </TableCell>
                <TableCell className="align-top">
                  {m.accountId ? (
                    <Link href={`/accounts/${m.accountId}`} className="underline-offset-4 hover:underline">
                      {m.accountRef}
                    </Link>
                  ) : null}
                  <span className="block text-xs text-muted-foreground">{m.debtorName}</span>
                </TableCell>
                <TableCell className="align-top">
                  <Badge variant={STATUS_VARIANT[m.status]}>{m.status}</Badge>
                  <span className="block text-xs text-muted-foreground">{m.transport}</span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {list.hasNextPage ? (
        <Button
          variant="outline"
          className="w-fit"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          {list.isFetchingNextPage ? <Spinner label="Loading more" /> : null}
          Load more
        </Button>
      ) : null}
      <Dialog open={open !== null} onOpenChange={(next) => !next && setOpen(null)}>
        <DialogContent className="sm:max-w-3xl">
          <DialogHeader>
            <DialogTitle>Message</DialogTitle>
            <DialogDescription>Exactly as it was, or will be, received.</DialogDescription>
          </DialogHeader>
          {open ? <MessageView messageId={open} /> : null}
        </DialogContent>
      </Dialog>
    </div>
  );
}
