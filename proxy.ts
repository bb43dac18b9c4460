import { NextResponse, type NextRequest } from "next/server";
import { auth } from "@/server/auth/config";

/**
 * Guards the console: no session, no page. This is only the first gate; pages and procedures check the session
 * and the role again (a proxy alone is never trusted). tRPC answers UNAUTHORIZED itself rather than redirecting.
 */
export async function proxy(req: NextRequest) {
  const session = await auth();
  if (session?.user?.id) return NextResponse.next();
  const url = new URL("/sign-in", req.url);
  url.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!api/|sign-in|sign-out|_next/|favicon.ico|robots.txt|pay).*)"],
};
