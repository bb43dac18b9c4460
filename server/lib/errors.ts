/** Errors the domain throws on purpose. Transports map them in one place (server/api/errors.ts). */
export type FieldIssue = { path: string; message: string };

export class ServiceError extends Error {
  constructor(
    message: string,
    readonly kind: "not_found" | "forbidden" | "conflict" | "validation" | "precondition",
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class NotFoundError extends ServiceError {
  constructor(entity: string, id?: string) {
    super(id ? `${entity} ${id} was not found` : `${entity} was not found`, "not_found");
  }
}

export class ForbiddenError extends ServiceError {
  constructor(message = "You are not allowed to do this") {
    super(message, "forbidden");
  }
}

export class ConflictError extends ServiceError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, "conflict", options);
  }
}

export class PreconditionError extends ServiceError {
  constructor(message: string) {
    super(message, "precondition");
  }
}

/** The compliance gate refused an action; the message says which rules and until when. */
export class ComplianceBlockedError extends ServiceError {
  constructor(
    message: string,
    readonly rules: string[],
    readonly nextAllowedAt: Date | null,
  ) {
    super(message, "precondition");
  }
}

export class ValidationError extends ServiceError {
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message, "validation");
  }
}

/** PostgreSQL unique_violation, whichever driver raised it (drizzle wraps driver errors in `cause`). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (
    let e = error as { code?: string; constraint?: string; constraint_name?: string; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    if (e.code === "23505") {
      const name = e.constraint ?? e.constraint_name;
      return constraint === undefined || name === constraint;
    }
  }
  return false;
}
