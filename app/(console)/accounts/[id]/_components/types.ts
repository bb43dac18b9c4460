import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type WorkspaceData = inferRouterOutputs<AppRouter>["account"]["byId"];
export type TimelinePage = inferRouterOutputs<AppRouter>["timeline"]["list"];

/** What the signed-in role may do on this page (the server checks again on every call). */
export type WorkspacePermissions = {
  note: boolean;
  logCall: boolean;
  status: boolean;
  assign: boolean;
  tasks: boolean;
  queueWork: boolean;
  /** Log a call the compliance gate blocks, with a reason (audited). */
  overrideCompliance: boolean;
  recordValidationNotice: boolean;
  sendMessage: boolean;
};
