"use client";

import { PrinterIcon } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
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
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The letters sent on a range of days as the print vendor takes them: a ZIP of their PDFs and an address
 * manifest. Fetched first so that "no letters on these days" is said here rather than as a bare error page.
 */
export function PrintBatchDialog() {
  const id = useId();
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const invalid = !from || !to || to < from;
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setPending(true);
    try {
      const response = await fetch(`/api/letters/batch?${new URLSearchParams({ from, to }).toString()}`);
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: string } | null;
        setError(body?.error ?? `The batch could not be made (${response.status})`);
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = `letters-${from}-${to}.zip`;
      link.click();
      URL.revokeObjectURL(url);
    } catch {
      setError("The batch could not be downloaded: check your connection and try again.");
    } finally {
      setPending(false);
    }
  };
  return (
    <Dialog onOpenChange={() => setError(null)}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <PrinterIcon aria-hidden="true" />
          Print batch
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Letters for the print vendor</DialogTitle>
          <DialogDescription>
            A ZIP of the letters sent on these days (UTC), with a CSV manifest of names and mailing addresses.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={(e) => void onSubmit(e)} className="flex flex-col gap-4" noValidate>
          {error ? (
            <Alert variant="destructive">
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${id}-from`}>From</Label>
              <Input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${id}-to`}>To</Label>
              <Input
                id={`${id}-to`}
                type="date"
                value={to}
                min={from}
                onChange={(e) => setTo(e.target.value)}
                aria-invalid={to < from || undefined}
              />
            </div>
          </div>
          {to < from ? <p className="text-sm text-destructive">The last day comes before the first.</p> : null}
          <DialogFooter>
            <Button type="submit" disabled={invalid || pending}>
              {pending ? <Spinner label="Making the batch" /> : null}
              Download
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
