import { resendWebhook } from "@/server/api/communications-http";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return resendWebhook(request);
}
