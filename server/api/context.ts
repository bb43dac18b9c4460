import { getDb } from "@/db";
import { auth } from "@/server/auth/config";
import { loadStaff } from "@/server/auth/session";
import { newRequestId } from "@/server/lib/context";
import type { TrpcContext } from "./trpc";

/** The tRPC context of an HTTP request or a server-component render. */
export async function createTrpcContext(): Promise<TrpcContext> {
  const db = await getDb();
  const session = await auth();
  return {
    db,
    staff: await loadStaff(db, session?.user?.id),
    // Generated here, never taken from the client: it ties audit events to this request.
    requestId: newRequestId(),
    now: () => new Date(),
  };
}
