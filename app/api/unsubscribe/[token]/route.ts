import { unsubscribePage, unsubscribePost } from "@/server/api/communications-http";

export const dynamic = "force-dynamic";

export async function GET(_: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  return unsubscribePage((await params).token);
}

export async function POST(_: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  return unsubscribePost((await params).token);
}
