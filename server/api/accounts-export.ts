import { can } from "@/server/lib/permissions";
import { viewFromParams } from "@/server/modules/accounts/accounts.schemas";
import { exportCsvStream, ledgerCsvStream } from "@/server/modules/accounts/csv";
import { exportAccounts, ledgerRowsOf } from "@/server/modules/accounts/export-accounts";
import { csvDownloadHeaders, problem, problemOf, staffServiceContext } from "./http";
import type { TrpcContext } from "./trpc";

/**
 * GET /api/accounts/export?<the list's URL parameters>: the CSV of that view of the list, streamed. Signed in
 * the same way as tRPC (the session resolved against the database now), closed by default: 401 without a
 * session, 403 without account.export.
 */
export function exportAccountsResponse(request: Request, context: TrpcContext): Response {
  const ctx = staffServiceContext(context);
  if (!ctx) return problem(401, "Sign in first");
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
    return new Response(body, { headers: csvDownloadHeaders(filename) });
  } catch (error) {
    return problemOf(error, ctx.requestId, "accounts export");
  }
}
