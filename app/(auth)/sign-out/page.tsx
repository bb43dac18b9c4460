import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { signOutAction } from "../actions";

export const metadata: Metadata = { title: "Sign out · Recoup" };

export default function SignOutPage() {
  return (
    <main className="flex min-h-dvh items-center justify-center bg-muted/40 px-4 py-12">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle className="text-2xl">
            <h1>Sign out</h1>
          </CardTitle>
          <CardDescription>Sign out of Recoup on this device?</CardDescription>
        </CardHeader>
        <CardContent>
          <form action={signOutAction} className="flex justify-end gap-2">
            <Button variant="outline" asChild>
              <Link href="/dashboard">Cancel</Link>
            </Button>
            <Button type="submit">Sign out</Button>
          </form>
        </CardContent>
      </Card>
    </main>
  );
}
