import { createView } from "@/server/modules/views/create-view";
import { deleteView } from "@/server/modules/views/delete-view";
import { listViews } from "@/server/modules/views/list-views";
import { shareView } from "@/server/modules/views/share-view";
import { updateView } from "@/server/modules/views/update-view";
import {
  createViewInput,
  deleteViewInput,
  shareViewInput,
  updateViewInput,
} from "@/server/modules/views/views.schemas";
import { createTRPCRouter, roleProcedure, staffProcedure, writerProcedure } from "../trpc";

export const viewRouter = createTRPCRouter({
  list: staffProcedure.query(({ ctx }) => listViews({ ctx: ctx.svc })),
  create: writerProcedure.input(createViewInput).mutation(({ ctx, input }) => createView({ ctx: ctx.svc, input })),
  update: writerProcedure.input(updateViewInput).mutation(({ ctx, input }) => updateView({ ctx: ctx.svc, input })),
  delete: writerProcedure.input(deleteViewInput).mutation(({ ctx, input }) => deleteView({ ctx: ctx.svc, input })),
  share: roleProcedure("admin", "manager")
    .input(shareViewInput)
    .mutation(({ ctx, input }) => shareView({ ctx: ctx.svc, input })),
});
