import { accountRouter } from "./routers/account";
import { auditRouter } from "./routers/audit";
import { dashboardRouter } from "./routers/dashboard";
import { userRouter } from "./routers/user";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  audit: auditRouter,
  dashboard: dashboardRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
