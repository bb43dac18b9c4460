"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { FileTextIcon, PlusIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Instant } from "@/components/domain/instant";
import { PageHeader } from "@/components/layout/page-header";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
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
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import {
  TEMPLATE_CHANNEL_LABELS,
  TEMPLATE_CHANNELS,
  TEMPLATE_KIND_LABELS,
  TEMPLATE_KINDS,
} from "@/server/modules/communications/communications.schemas";
import { SenderDialog } from "./sender-dialog";
import { starterFor } from "@/server/modules/communications/templates/starters";

function NewTemplateDialog() {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [channel, setChannel] = useState<(typeof TEMPLATE_CHANNELS)[number]>("email");
  const [language, setLanguage] = useState<"en" | "es">("en");
  const [kind, setKind] = useState<(typeof TEMPLATE_KINDS)[number]>("communication");
  const create = useMutation(
    trpc.template.create.mutationOptions({ onSuccess: ({ template }) => router.push(`/templates/${template.id}`) }),
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const starter = starterFor(channel, language);
    create.mutate({
      name,
      channel,
      language,
      kind: channel === "voicemail" ? "limited_content" : kind,
      subject: starter.subject,
      body: starter.body,
    });
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) create.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <PlusIcon aria-hidden="true" />
          New template
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New template</DialogTitle>
          <DialogDescription>It starts as a draft with a compliant example text for its channel.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          {create.error ? (
            <Alert variant="destructive">
              <AlertDescription>{create.error.message}</AlertDescription>
            </Alert>
          ) : null}
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${id}-name`}>Name</Label>
            <Input id={`${id}-name`} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} required />
          </div>
          <div className="grid gap-4 sm:grid-cols-3">
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${id}-channel`}>Channel</Label>
              <NativeSelect
                id={`${id}-channel`}
                value={channel}
                onChange={(e) => setChannel(e.target.value as typeof channel)}
              >
                {TEMPLATE_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {TEMPLATE_CHANNEL_LABELS[c]}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${id}-language`}>Language</Label>
              <NativeSelect
                id={`${id}-language`}
                value={language}
                onChange={(e) => setLanguage(e.target.value as "en" | "es")}
              >
                <option value="en">English</option>
                <option value="es">Spanish</option>
              </NativeSelect>
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${id}-kind`}>Purpose</Label>
              <NativeSelect
                id={`${id}-kind`}
                value={channel === "voicemail" ? "limited_content" : kind}
                disabled={channel === "voicemail"}
                onChange={(e) => setKind(e.target.value as typeof kind)}
              >
                {TEMPLATE_KINDS.filter((k) => k !== "limited_content" || channel === "voicemail").map((k) => (
                  <option key={k} value={k}>
                    {TEMPLATE_KIND_LABELS[k]}
                  </option>
                ))}
              </NativeSelect>
            </div>
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending || !name.trim()}>
              {create.isPending ? <Spinner label="Creating the template" /> : null}
              Create
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The organization's message templates, by channel. */
export function TemplatesView() {
  const trpc = useTRPC();
  const list = useQuery(trpc.template.list.queryOptions({ includeArchived: false }));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Templates"
        description="The emails, texts, letters and voicemail scripts Recoup sends. Each is checked for compliance before it is published."
        actions={
          list.data?.canManage ? (
            <div className="flex flex-wrap gap-2">
              <SenderDialog />
              <NewTemplateDialog />
            </div>
          ) : null
        }
      />
      {list.isError ? (
        <Alert variant="destructive">
          <AlertTitle>Templates could not be loaded</AlertTitle>
          <AlertDescription>{list.error.message}</AlertDescription>
        </Alert>
      ) : list.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : list.data.templates.length === 0 ? (
        <EmptyState
          icon={FileTextIcon}
          title="No templates yet"
          description={
            list.data.canManage ? "Create one to send emails, texts or letters." : "An admin has not written any yet."
          }
        />
      ) : (
        <Table aria-label="Templates">
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Name</TableHead>
              <TableHead scope="col">Channel</TableHead>
              <TableHead scope="col">Language</TableHead>
              <TableHead scope="col">Purpose</TableHead>
              <TableHead scope="col">Published</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.templates.map((t) => (
              <TableRow key={t.id}>
                <TableCell>
                  <Link href={`/templates/${t.id}`} className="font-medium underline-offset-4 hover:underline">
                    {t.name}
                  </Link>
                </TableCell>
                <TableCell>{TEMPLATE_CHANNEL_LABELS[t.channel]}</TableCell>
                <TableCell>{t.language === "es" ? "Spanish" : "English"}</TableCell>
                <TableCell>{TEMPLATE_KIND_LABELS[t.kind]}</TableCell>
                <TableCell>
                  {t.publishedNumber ? (
                    <span className="flex flex-col">
                      <Badge variant="success" className="w-fit">
                        Version {t.publishedNumber}
                      </Badge>
                      {t.publishedAt ? (
                        <span className="text-xs text-muted-foreground">
                          <Instant value={t.publishedAt} />
                        </span>
                      ) : null}
                    </span>
                  ) : (
                    <Badge variant="outline">Draft only</Badge>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
