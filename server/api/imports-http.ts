import type { ServiceContext } from "@/server/lib/context";
import { csvLine } from "@/server/modules/accounts/csv";
import { templateCsv, templateLegendCsv, type ImportKind } from "@/server/modules/imports/fields";
import { createImport, importErrorRows } from "@/server/modules/imports/jobs";
import { csvDownloadHeaders, problem, problemOf, staffServiceContext } from "./http";
import type { TrpcContext } from "./trpc";

/** Runs `run` for a signed-in staff member (401 otherwise), domain errors answered with their status. */
async function guarded(context: TrpcContext, run: (ctx: ServiceContext) => Promise<Response> | Response) {
  const ctx = staffServiceContext(context);
  if (!ctx) return problem(401, "Sign in first");
  try {
    return await run(ctx);
  } catch (error) {
    return problemOf(error, ctx.requestId, "import request");
  }
}

function kindOf(value: string | null): ImportKind | null {
  return value === "accounts" || value === "payments" ? value : null;
}

/**
 * POST /api/imports?creditorId=…&kind=accounts|payments&name=<file name>, the file as the raw body: streamed to
 * disk while hashed (a browser sends a File this way without reading it into memory; so does curl --data-binary).
 */
export function uploadImportResponse(request: Request, context: TrpcContext): Promise<Response> {
  return guarded(context, async (ctx) => {
    const params = new URL(request.url).searchParams;
    const kind = kindOf(params.get("kind"));
    const creditorId = params.get("creditorId") ?? "";
    const fileName = (params.get("name") ?? "").trim().slice(0, 255);
    if (!kind) return problem(400, "kind: choose accounts or payments");
    if (!/^[0-9a-f-]{36}$/i.test(creditorId)) return problem(400, "creditorId: choose the creditor the file is from");
    if (!fileName) return problem(400, "name: the file's name is missing");
    if (!request.body) return problem(400, "The file is empty");
    const { id } = await createImport({ ctx, body: request.body, fileName, creditorId, kind });
    return Response.json({ id }, { status: 201 });
  });
}

/** GET /api/imports/<id>/errors: the error report (row, column, value, message) as CSV, streamed. */
export function importErrorsResponse(id: string, context: TrpcContext): Promise<Response> {
  return guarded(context, async (ctx) => {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return problem(404, "Import not found");
    const rows = importErrorRows(ctx, id);
    // The first pull checks the import exists and is this organization's before any byte is sent.
    const first = await rows.next();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(["Row", "Column", "Value", "Problem"])}`));
        if (!first.done) {
          const e = first.value;
          controller.enqueue(encoder.encode(csvLine([e.line, e.column, e.value, e.message])));
        }
      },
      async pull(controller) {
        if (first.done) return controller.close();
        let text = "";
        for (let i = 0; i < 1000; i++) {
          const next = await rows.next();
          if (next.done) {
            if (text) controller.enqueue(encoder.encode(text));
            return controller.close();
          }
          text += csvLine([next.value.line, next.value.column, next.value.value, next.value.message]);
        }
        controller.enqueue(encoder.encode(text));
      },
      async cancel() {
        await rows.return(undefined);
      },
    });
    return new Response(body, { headers: csvDownloadHeaders(`import-${id.slice(0, 8)}-errors.csv`) });
  });
}

/** GET /api/imports/template?kind=accounts|payments[&guide=1]: Recoup's template, or the description of its columns. */
export function importTemplateResponse(request: Request, context: TrpcContext): Promise<Response> {
  return guarded(context, () => {
    const params = new URL(request.url).searchParams;
    const kind = kindOf(params.get("kind")) ?? "accounts";
    const guide = params.get("guide") === "1";
    const text = guide ? templateLegendCsv(kind) : templateCsv(kind);
    return new Response(`\uFEFF${text}`, {
      headers: csvDownloadHeaders(`recoup-${kind}-${guide ? "columns" : "template"}.csv`),
    });
  });
}
