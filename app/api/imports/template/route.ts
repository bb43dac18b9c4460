import { createTrpcContext } from "@/server/api/context";
import { importTemplateResponse } from "@/server/api/imports-http";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return importTemplateResponse(request, await createTrpcContext());
}
