import { accountRouter } from "./routers/account";
import { auditRouter } from "./routers/audit";
import { messageRouter, templateRouter } from "./routers/communications";
import { complianceRouter } from "./routers/compliance";
import { contactRouter } from "./routers/contact";
import { dashboardRouter } from "./routers/dashboard";
import { holdRouter } from "./routers/hold";
import { importsRouter } from "./routers/imports";
import { interactionRouter } from "./routers/interaction";
import { queueRouter } from "./routers/queue";
import { taskRouter } from "./routers/task";
import { timelineRouter } from "./routers/timeline";
import { userRouter } from "./routers/user";
import { viewRouter } from "./routers/view";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  audit: auditRouter,
  compliance: complianceRouter,
  contact: contactRouter,
  dashboard: dashboardRouter,
  hold: holdRouter,
  imports: importsRouter,
  interaction: interactionRouter,
  message: messageRouter,
  queue: queueRouter,
  task: taskRouter,
  template: templateRouter,
  timeline: timelineRouter,
  user: userRouter,
  view: viewRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
