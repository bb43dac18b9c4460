"use client";

import { useQuery } from "@tanstack/react-query";
import { Instant } from "@/components/domain/instant";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";

/** One message exactly as it was (or would be) received: headers, the email as rendered, or the text. */
export function MessageView({ messageId }: { messageId: string }) {
  const trpc = useTRPC();
  const message = useQuery(trpc.message.byId.queryOptions({ messageId }));
  if (message.isError)
    return (
      <Alert variant="destructive">
        <AlertDescription>{message.error.message}</AlertDescription>
      </Alert>
    );
  const m = message.data;
  if (!m) return <Spinner label="Loading the message" />;
  return (
    <div className="flex flex-col gap-3" data-testid="message-view">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        {m.fromAddress ? (
          <>
            <dt className="text-muted-foreground">From</dt>
            <dd>{m.fromAddress}</dd>
          </>
        ) : null}
        <dt className="text-muted-foreground">To</dt>
        <dd>{m.toAddress}</dd>
        {m.subject ? (
          <>
            <dt className="text-muted-foreground">Subject</dt>
            <dd className="font-medium">{m.subject}</dd>
          </>
        ) : null}
        <dt className="text-muted-foreground">{m.sentAt ? "Sent" : m.scheduledFor ? "Scheduled for" : "Recorded"}</dt>
        <dd>
          <Instant value={m.sentAt ?? m.scheduledFor ?? m.createdAt} />
        </dd>
        {Object.entries(m.headers ?? {}).map(([name, value]) => (
          <span key={name} className="contents">
            <dt className="text-muted-foreground">{name}</dt>
            <dd className="break-all">{value}</dd>
          </span>
        ))}
        <dt className="text-muted-foreground">Content hash</dt>
        <dd className="font-mono text-xs break-all">{m.contentHash}</dd>
        {m.error ? (
          <>
            <dt className="text-muted-foreground">Error</dt>
            <dd className="text-destructive">{m.error}</dd>
          </>
        ) : null}
      </dl>
      {m.bodyHtml ? (
        <iframe
          title={`Email: ${m.subject ?? ""}`}
          sandbox=""
          srcDoc={m.bodyHtml}
          className="h-[32rem] w-full rounded-md border bg-white"
        />
      ) : (
        <pre className="rounded-md border bg-muted/40 p-3 text-sm whitespace-pre-wrap">{m.bodyText}</pre>
      )}
      {m.documentKey ? (
        <a className="text-sm underline" href={`/api/messages/${m.id}/document`}>
          Download the letter (PDF)
        </a>
      ) : null}
    </div>
  );
}
