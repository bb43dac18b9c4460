import { listAuditInput } from "@/server/modules/audit/audit.schemas";
import { listAuditEvents } from "@/server/modules/audit/list-audit-events";
import { createTRPCRouter, roleProcedure } from "../trpc";

export const auditRouter = createTRPCRouter({
  list: roleProcedure("admin", "manager", "auditor")
    .input(listAuditInput)
    .query(({ ctx, input }) => listAuditEvents({ ctx: ctx.svc, input })),
});
