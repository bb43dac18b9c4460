import { createTrpcContext } from "@/server/api/context";
import { uploadImportResponse } from "@/server/api/imports-http";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return uploadImportResponse(request, await createTrpcContext());
}
