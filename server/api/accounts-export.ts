import { can } from "@/server/lib/permissions";
import type { ServiceContext } from "@/server/lib/context";
import { ServiceError } from "@/server/lib/errors";
import { logger } from "@/server/lib/logger";
import { viewFromParams } from "@/server/modules/accounts/accounts.schemas";
import { exportCsvStream, ledgerCsvStream } from "@/server/modules/accounts/csv";
import { exportAccounts, ledgerRowsOf } from "@/server/modules/accounts/export-accounts";
import type { TrpcContext } from "./trpc";

const STATUS = { not_found: 404, forbidden: 403, conflict: 409, validation: 400, precondition: 412 } as const;

function problem(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "cache-control": "no-store" } });
}

/**
 * GET /api/accounts/export?<the list's URL parameters>: the CSV of that view of the list, streamed. Signed in
 * the same way as tRPC (the session resolved against the database now), closed by default: 401 without a
 * session, 403 without account.export.
 */
export function exportAccountsResponse(request: Request, context: TrpcContext): Response {
  const staff = context.staff;
  if (!staff) return problem(401, "Sign in first");
  const ctx: ServiceContext = {
    orgId: staff.orgId,
    actor: { type: "staff", userId: staff.userId, role: staff.role },
    requestId: context.requestId,
    db: context.db,
    now: context.now,
  };
  if (!can(ctx, "account.export")) return problem(403, "Your role may not export accounts");
  // The same reading of the URL as the accounts page, so the file holds exactly the rows the page showed.
  const params = new URL(request.url).searchParams;
  // content=ledger: the same accounts, with every entry of their ledger instead of one line each.
  const content = params.get("content") === "ledger" ? "ledger" : "accounts";
  params.delete("content");
  const { page: _page, ...view } = viewFromParams(params);
  try {
    const { filename, batches } = exportAccounts({ ctx, input: view, content });
    const body =
      content === "ledger" ? ledgerCsvStream(batches, (rows) => ledgerRowsOf(ctx, rows)) : exportCsvStream(batches);
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof ServiceError) return problem(STATUS[error.kind], error.message);
    logger.error({ err: error, requestId: ctx.requestId }, "accounts export failed");
    return problem(500, `Something went wrong (request ${ctx.requestId})`);
  }
}
