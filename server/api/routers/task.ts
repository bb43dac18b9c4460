import { cancelTask } from "@/server/modules/tasks/cancel-task";
import { completeTask } from "@/server/modules/tasks/complete-task";
import { createTask } from "@/server/modules/tasks/create-task";
import { listAccountTasks } from "@/server/modules/tasks/list-account-tasks";
import { listMyTasks } from "@/server/modules/tasks/list-my-tasks";
import { reassignTask } from "@/server/modules/tasks/reassign-task";
import {
  cancelTaskInput,
  completeTaskInput,
  createTaskInput,
  listAccountTasksInput,
  listMyTasksInput,
  reassignTaskInput,
} from "@/server/modules/tasks/tasks.schemas";
import { createTRPCRouter, staffProcedure, writerProcedure } from "../trpc";

export const taskRouter = createTRPCRouter({
  mine: writerProcedure.input(listMyTasksInput).query(({ ctx, input }) => listMyTasks({ ctx: ctx.svc, input })),
  byAccount: staffProcedure
    .input(listAccountTasksInput)
    .query(({ ctx, input }) => listAccountTasks({ ctx: ctx.svc, input })),
  create: writerProcedure.input(createTaskInput).mutation(({ ctx, input }) => createTask({ ctx: ctx.svc, input })),
  complete: writerProcedure
    .input(completeTaskInput)
    .mutation(({ ctx, input }) => completeTask({ ctx: ctx.svc, input })),
  cancel: writerProcedure.input(cancelTaskInput).mutation(({ ctx, input }) => cancelTask({ ctx: ctx.svc, input })),
  reassign: writerProcedure
    .input(reassignTaskInput)
    .mutation(({ ctx, input }) => reassignTask({ ctx: ctx.svc, input })),
});
