import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Database } from "@/db";
import type { StaffSession } from "@/server/auth/session";
import type { ServiceContext } from "@/server/lib/context";
import { ComplianceBlockedError } from "@/server/lib/errors";
import type { Role } from "@/server/lib/permissions";
import { IssuesCause, toTrpcError } from "./errors";

export type TrpcContext = {
  db: Database;
  staff: StaffSession | null;
  requestId: string;
  now: () => Date;
};

const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const issues = error.cause instanceof IssuesCause ? error.cause.issues : undefined;
    // A compliance block says which rules and until when, so a form can offer to schedule.
    const compliance =
      error.cause instanceof ComplianceBlockedError
        ? { rules: error.cause.rules, nextAllowedAt: error.cause.nextAllowedAt?.toISOString() ?? null }
        : undefined;
    return { ...shape, data: { ...shape.data, stack: undefined, issues, compliance } };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Every procedure's errors go through the one mapping. */
const mapErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    // Input that fails its zod schema reads "field: problem; field: problem", with the issues kept as data.
    if (cause instanceof ZodError) {
      const issues = cause.issues.map((i) => ({ path: i.path.join(".") || "(input)", message: i.message }));
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: issues.map((i) => `${i.path}: ${i.message}`).join("; "),
        cause: new IssuesCause(issues),
      });
    }
    // tRPC wraps whatever a procedure threw; unwrap it so domain errors map to their own codes.
    if (result.error.code === "INTERNAL_SERVER_ERROR" && cause) throw toTrpcError(cause, ctx.requestId);
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapErrors);

/** Signed-in staff only; builds the ServiceContext every domain verb takes, scoped to the user's organization. */
export const staffProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.staff) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  const svc: ServiceContext = {
    orgId: ctx.staff.orgId,
    actor: { type: "staff", userId: ctx.staff.userId, role: ctx.staff.role },
    requestId: ctx.requestId,
    db: ctx.db,
    now: ctx.now,
  };
  return next({ ctx: { ...ctx, staff: ctx.staff, svc } });
});

/** Coarse role gate; verbs check the fine-grained permission again. */
export function roleProcedure(...roles: Role[]) {
  return staffProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.staff.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `This needs one of the roles: ${roles.join(", ")}` });
    }
    return next();
  });
}

/** Roles that may change data; the auditor is read-only everywhere. */
export const writerProcedure = roleProcedure("admin", "manager", "agent");
