import { TRPCError } from "@trpc/server";
import { ServiceError, ValidationError, type FieldIssue } from "@/server/lib/errors";
import { logger } from "@/server/lib/logger";

const codes = {
  not_found: "NOT_FOUND",
  forbidden: "FORBIDDEN",
  conflict: "CONFLICT",
  validation: "BAD_REQUEST",
  precondition: "PRECONDITION_FAILED",
} as const;

/**
 * The one mapping from domain errors to tRPC errors. Domain errors keep their message (it was written for the
 * user); anything else becomes a generic 500 and its cause goes to the log, never to the client.
 */
export function toTrpcError(error: unknown, requestId: string): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof ServiceError) {
    const cause = error instanceof ValidationError ? new IssuesCause(error.issues) : error;
    return new TRPCError({ code: codes[error.kind], message: error.message, cause });
  }
  logger.error({ err: error, requestId }, "unexpected error in procedure");
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: `Something went wrong (request ${requestId})` });
}

/** Carries field issues to the error formatter, which exposes them as `data.issues`. */
export class IssuesCause extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super("validation issues");
  }
}
