import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { safeCallbackPath } from "@/server/auth/callback-url";
import { currentStaff } from "@/server/auth/staff";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in · Recoup" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  // Already signed in (and still active): go straight on.
  if (await currentStaff()) redirect(callbackUrl ?? "/dashboard");

  return (
    <main className="flex min-h-dvh items-center justify-center bg-muted/40 px-4 py-12">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle className="text-2xl">
            <h1>Recoup</h1>
          </CardTitle>
          <CardDescription>Sign in to the collections console.</CardDescription>
        </CardHeader>
        <CardContent>
          <SignInForm callbackUrl={callbackUrl} />
        </CardContent>
      </Card>
    </main>
  );
}
