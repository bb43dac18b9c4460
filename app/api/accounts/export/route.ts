import { exportAccountsResponse } from "@/server/api/accounts-export";
import { createTrpcContext } from "@/server/api/context";

export const dynamic = "force-dynamic";

/** The accounts list as CSV; the session is resolved exactly as for tRPC calls. */
export async function GET(request: Request): Promise<Response> {
  return exportAccountsResponse(request, await createTrpcContext());
}
