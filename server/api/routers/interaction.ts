import { logCallInput } from "@/server/modules/interactions/interactions.schemas";
import { logCall } from "@/server/modules/interactions/log-call";
import { cancelPromise } from "@/server/modules/promises/cancel-promise";
import { createPromise } from "@/server/modules/promises/create-promise";
import { cancelPromiseInput, createPromiseInput } from "@/server/modules/promises/promises.schemas";
import { createTRPCRouter, writerProcedure } from "../trpc";

export const interactionRouter = createTRPCRouter({
  logCall: writerProcedure.input(logCallInput).mutation(({ ctx, input }) => logCall({ ctx: ctx.svc, input })),
  createPromise: writerProcedure
    .input(createPromiseInput)
    .mutation(({ ctx, input }) => createPromise({ ctx: ctx.svc, input })),
  cancelPromise: writerProcedure
    .input(cancelPromiseInput)
    .mutation(({ ctx, input }) => cancelPromise({ ctx: ctx.svc, input })),
});
