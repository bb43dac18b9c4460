"use client";

import { useQuery } from "@tanstack/react-query";
import { VoicemailIcon } from "lucide-react";
import { formatInZone } from "@/components/domain/local-time";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";

const LANGUAGE = { en: "English", es: "Spanish" } as const;

/**
 * The scripts the agent may leave on this number's voicemail, rendered for the debtor. The server asks the gate
 * for each: a script outside the allowed slot comes without its text, with why and from when.
 */
export function VoicemailScript({
  accountId,
  contactPointId,
  open,
  viewerZone,
}: {
  accountId: string;
  contactPointId: string;
  open: boolean;
  viewerZone: string;
}) {
  const trpc = useTRPC();
  const scripts = useQuery(trpc.message.voicemailScripts.queryOptions({ accountId, contactPointId }));
  return (
    <details className="rounded-md border p-3" open={open} data-testid="voicemail-script">
      <summary className="flex cursor-pointer items-center gap-2 text-sm font-medium">
        <VoicemailIcon className="size-4" aria-hidden /> Voicemail script
      </summary>
      <div className="mt-3 flex flex-col gap-3 text-sm">
        {scripts.isPending ? (
          <span className="flex items-center gap-2 text-muted-foreground">
            <Spinner /> Checking the script for this number…
          </span>
        ) : scripts.error ? (
          <p className="text-destructive">{scripts.error.message}</p>
        ) : scripts.data.scripts.length === 0 ? (
          <p className="text-muted-foreground">
            No voicemail script is published. Leave no message about the debt: an admin publishes limited-content
            scripts under Templates.
          </p>
        ) : (
          scripts.data.scripts.map((s) => (
            <div key={s.templateId} className="flex flex-col gap-1.5">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{s.name}</span>
                <Badge variant="outline">{LANGUAGE[s.language]}</Badge>
                {s.kind === "limited_content" ? <Badge variant="secondary">Limited content</Badge> : null}
              </div>
              {s.text !== null ? (
                <blockquote className="rounded-md bg-muted p-3 whitespace-pre-wrap">{s.text}</blockquote>
              ) : (
                <div className="text-destructive" role="status">
                  Do not leave this message now
                  {s.nextAllowedAt ? (
                    <>
                      {" "}
                      (allowed from{" "}
                      <time dateTime={new Date(s.nextAllowedAt).toISOString()}>
                        {formatInZone(new Date(s.nextAllowedAt), viewerZone)}
                      </time>
                      )
                    </>
                  ) : null}
                  :
                  <ul className="mt-1 list-disc pl-5">
                    {s.reasons
                      .filter((r) => r.severity === "block")
                      .map((r) => (
                        <li key={`${r.rule}:${r.message}`}>
                          <span className="font-medium">{r.rule}</span> {r.message}
                        </li>
                      ))}
                  </ul>
                </div>
              )}
              {s.missing.length ? (
                <p className="text-amber-700 dark:text-amber-400">No value for: {s.missing.join(", ")}</p>
              ) : null}
            </div>
          ))
        )}
      </div>
    </details>
  );
}
