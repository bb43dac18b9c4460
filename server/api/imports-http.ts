import type { ServiceContext } from "@/server/lib/context";
import { ServiceError } from "@/server/lib/errors";
import { logger } from "@/server/lib/logger";
import { csvLine } from "@/server/modules/accounts/csv";
import { templateCsv, templateLegendCsv, type ImportKind } from "@/server/modules/imports/fields";
import { createImport, importErrorRows } from "@/server/modules/imports/jobs";
import type { TrpcContext } from "./trpc";

const STATUS = { not_found: 404, forbidden: 403, conflict: 409, validation: 400, precondition: 412 } as const;

function problem(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "cache-control": "no-store" } });
}

/** The signed-in staff member as a service context; null (→ 401) without a session. Fails closed. */
function staffContext(context: TrpcContext): ServiceContext | null {
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

async function guarded(ctx: ServiceContext | null, run: (ctx: ServiceContext) => Promise<Response> | Response) {
  if (!ctx) return problem(401, "Sign in first");
  try {
    return await run(ctx);
  } catch (error) {
    if (error instanceof ServiceError) return problem(STATUS[error.kind], error.message);
    logger.error({ err: error, requestId: ctx.requestId }, "import request failed");
    return problem(500, `Something went wrong (request ${ctx.requestId})`);
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
  return guarded(staffContext(context), async (ctx) => {
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
  return guarded(staffContext(context), async (ctx) => {
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
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="import-${id.slice(0, 8)}-errors.csv"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  });
}

/** GET /api/imports/template?kind=accounts|payments[&guide=1]: Recoup's template, or the description of its columns. */
export function importTemplateResponse(request: Request, context: TrpcContext): Promise<Response> {
  return guarded(staffContext(context), () => {
    const params = new URL(request.url).searchParams;
    const kind = kindOf(params.get("kind")) ?? "accounts";
    const guide = params.get("guide") === "1";
    const text = guide ? templateLegendCsv(kind) : templateCsv(kind);
    return new Response(`\uFEFF${text}`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="recoup-${kind}-${guide ? "columns" : "template"}.csv"`,
        "cache-control": "no-store",
      },
    });
  });
}
