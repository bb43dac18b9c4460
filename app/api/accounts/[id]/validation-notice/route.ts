import { createTrpcContext } from "@/server/api/context";
import { validationNoticeResponse } from "@/server/api/communications-http";

export const dynamic = "force-dynamic";

export async function GET(_: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return validationNoticeResponse(await createTrpcContext(), (await params).id);
}
