"use server";

import { AuthError } from "next-auth";
import { signIn, signOut } from "@/server/auth/config";

export type SignInState = { error?: string; email?: string };

/** Only same-origin relative paths: "/accounts" yes, "//evil.example" or "https://…" no. */
function safeCallbackUrl(value: FormDataEntryValue | null): string {
  if (typeof value !== "string") return "/dashboard";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/dashboard";
  return value;
}

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const rawEmail = formData.get("email");
  const rawPassword = formData.get("password");
  const email = typeof rawEmail === "string" ? rawEmail : "";
  const password = typeof rawPassword === "string" ? rawPassword : "";
  const callbackUrl = safeCallbackUrl(formData.get("callbackUrl"));
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
