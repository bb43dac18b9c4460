"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowRightIcon, InboxIcon, PlayIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { can } from "@/server/lib/permissions";
import { readSkipList, rememberSkipped } from "./skip-list";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The work queue being walked, carried in the account page's URL (`?from=queue&queue=<id>`). */
function queueFromUrl(): string | undefined {
  if (typeof window === "undefined") return undefined;
  const id = new URLSearchParams(window.location.search).get("queue");
  return id && UUID.test(id) ? id : undefined;
}

/**
 * Opens the next account of the signed-in agent's queue (queue.next). On an account page (`currentAccountId`)
 * the current account is remembered as passed over for this browser session, so it does not come straight back;
 * it stays out until the session ends or the agent resets the list on the queue page. Without a current account
 * it starts the walk ("Start"). With `queueId`, or `queue=<id>` in the page's URL, it walks that work queue.
 * Renders nothing for roles that do not work queues (the auditor).
 */
export function NextAccountButton({
  currentAccountId,
  queueId,
  label,
  variant = "default",
  size,
}: {
  currentAccountId?: string;
  queueId?: string;
  label?: string;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const me = useQuery(trpc.user.me.queryOptions());
  const [busy, setBusy] = useState(false);
  const [empty, setEmpty] = useState(false);

  if (!me.data || !can({ actor: { type: "staff", userId: me.data.userId, role: me.data.role } }, "queue.work"))
    return null;

  const text = label ?? (currentAccountId ? "Next account" : "Start");

  const next = async () => {
    const walking = queueId ?? queueFromUrl();
    const skip = currentAccountId ? rememberSkipped(currentAccountId, walking) : readSkipList(walking);
    setBusy(true);
    try {
      const found = await queryClient.fetchQuery({
        ...trpc.queue.next.queryOptions({ skip, currentAccountId, queueId: walking }),
        staleTime: 0,
      });
      if (!found) {
        setEmpty(true);
        toast.info("Queue empty", { description: "Nothing else is due right now." });
        return;
      }
      setEmpty(false);
      router.push(`/accounts/${found.accountId}?from=queue${walking ? `&queue=${walking}` : ""}`);
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "The next account could not be found");
    } finally {
      setBusy(false);
    }
  };

  if (empty) {
    return (
      <Button variant="outline" size={size} onClick={() => void next()} disabled={busy} title="Check the queue again">
        {busy ? <Spinner label="Checking the queue" /> : <InboxIcon aria-hidden="true" />}
        Queue empty
      </Button>
    );
  }
  return (
    <Button variant={variant} size={size} onClick={() => void next()} disabled={busy}>
      {busy ? (
        <Spinner label="Finding the next account" />
      ) : currentAccountId ? (
        <ArrowRightIcon aria-hidden="true" />
      ) : (
        <PlayIcon aria-hidden="true" />
      )}
      {text}
    </Button>
  );
}
