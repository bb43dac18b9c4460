import { createTrpcContext } from "@/server/api/context";
import { importErrorsResponse } from "@/server/api/imports-http";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return importErrorsResponse(id, await createTrpcContext());
}
