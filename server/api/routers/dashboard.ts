import { listCreditors } from "@/server/modules/creditors/list-creditors";
import { getDashboard } from "@/server/modules/dashboard/get-dashboard";
import { createTRPCRouter, staffProcedure } from "../trpc";

export const dashboardRouter = createTRPCRouter({
  summary: staffProcedure.query(({ ctx }) => getDashboard({ ctx: ctx.svc })),
  creditors: staffProcedure.query(({ ctx }) => listCreditors({ ctx: ctx.svc })),
});
