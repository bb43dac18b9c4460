"use server";

import { AuthError } from "next-auth";
import { safeCallbackPath } from "@/server/auth/callback-url";
import { signIn, signOut } from "@/server/auth/config";

export type SignInState = { error?: string; email?: string };

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const rawEmail = formData.get("email");
  const rawPassword = formData.get("password");
  const email = typeof rawEmail === "string" ? rawEmail : "";
  const password = typeof rawPassword === "string" ? rawPassword : "";
  const callbackUrl = safeCallbackPath(formData.get("callbackUrl")) ?? "/dashboard";
  try {
    // On success this throws Next's redirect error, which must propagate.
    await signIn("credentials", { email, password, redirectTo: callbackUrl });
  } catch (error) {
    if (error instanceof AuthError) {
      return { error: "Invalid email or password, or the account is deactivated.", email };
    }
    throw error;
  }
  return {};
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
