import Link from "next/link";
import { SearchXIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function AccountNotFound() {
  return (
    <EmptyState
      icon={SearchXIcon}
      titleAs="h1"
      title="Account not found"
      description="There is no account with this id in your organization. It may have been mistyped."
      action={
        <Button asChild variant="outline">
          <Link href="/accounts">Back to accounts</Link>
        </Button>
      }
    />
  );
}
