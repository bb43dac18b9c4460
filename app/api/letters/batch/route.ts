import { createTrpcContext } from "@/server/api/context";
import { letterBatchResponse } from "@/server/api/communications-http";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return letterBatchResponse(await createTrpcContext(), request);
}
