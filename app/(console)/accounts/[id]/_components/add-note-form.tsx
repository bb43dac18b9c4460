"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";

export function AddNoteForm({ accountId }: { accountId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [body, setBody] = useState("");

  const addNote = useMutation(
    trpc.account.addNote.mutationOptions({
      onSuccess: async () => {
        setBody("");
        toast.success("Note added");
        await queryClient.invalidateQueries();
      },
      onError: (error) => {
        if (!error.data?.issues?.length) toast.error("The note could not be added");
      },
    }),
  );

  const issues = addNote.error?.data?.issues ?? [];
  const bodyError = issues
    .filter((i) => i.path === "body")
    .map((i) => i.message)
    .join(" ");
  const otherError = addNote.error && !bodyError ? addNote.error.message : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    addNote.mutate({ accountId, body });
  };

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3">
      {otherError ? (
        <Alert variant="destructive">
          <AlertDescription>{otherError}</AlertDescription>
        </Alert>
      ) : null}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-body`}>Note</Label>
        <Textarea
          id={`${id}-body`}
          name="body"
          rows={3}
          maxLength={5000}
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            if (addNote.isError) addNote.reset();
          }}
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={bodyError ? `${id}-body-error` : undefined}
          placeholder="What happened, what was agreed, what to do next…"
        />
        {bodyError ? (
          <p id={`${id}-body-error`} className="text-sm text-destructive">
            {bodyError}
          </p>
        ) : null}
      </div>
      <div>
        <Button type="submit" disabled={addNote.isPending}>
          {addNote.isPending ? <Spinner label="Saving note" /> : null}
          Add note
        </Button>
      </div>
    </form>
  );
}
