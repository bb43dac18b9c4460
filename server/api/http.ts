import type { ServiceContext } from "@/server/lib/context";
import { ServiceError } from "@/server/lib/errors";
import { logger } from "@/server/lib/logger";
import type { TrpcContext } from "./trpc";

/** HTTP statuses of domain errors, for route handlers (tRPC procedures map them in errors.ts). */
const STATUS = { not_found: 404, forbidden: 403, conflict: 409, validation: 400, precondition: 412 } as const;

/** A JSON error body `{ error }` that is never cached. */
export function problem(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "cache-control": "no-store" } });
}

/**
 * A domain error as its status and own message; anything else as a generic 500, its cause to the log only.
 */
export function problemOf(error: unknown, requestId: string, what: string): Response {
  if (error instanceof ServiceError) return problem(STATUS[error.kind], error.message);
  logger.error({ err: error, requestId }, `${what} failed`);
  return problem(500, `Something went wrong (request ${requestId})`);
}

/** The signed-in staff member as a service context, resolved like tRPC's; null without a session (fail closed). */
export function staffServiceContext(context: TrpcContext): ServiceContext | null {
  const staff = context.staff;
  if (!staff) return null;
  return {
    orgId: staff.orgId,
    actor: { type: "staff", userId: staff.userId, role: staff.role },
    requestId: context.requestId,
    db: context.db,
    now: context.now,
  };
}

/** Headers of a CSV download, never sniffed as anything else and never cached. */
export function csvDownloadHeaders(filename: string): HeadersInit {
  return {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${filename}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  };
}
