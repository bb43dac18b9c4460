import { SearchXIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function ImportNotFound() {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-4 rounded-lg border border-dashed px-6 py-16 text-center">
      <div className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <SearchXIcon className="size-6" aria-hidden="true" />
      </div>
      <h1 className="text-2xl font-semibold tracking-tight">Import not found</h1>
      <p className="text-sm text-muted-foreground">
        There is no import with this id in your organization. The link may be mistyped or out of date.
      </p>
      <Button asChild variant="outline">
        <Link href="/imports">Back to imports</Link>
      </Button>
    </div>
  );
}
