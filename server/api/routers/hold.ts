import { listHoldsInput, placeHoldInput, releaseHoldInput } from "@/server/modules/holds/holds.schemas";
import { listHolds } from "@/server/modules/holds/list-holds";
import { placeHold } from "@/server/modules/holds/place-hold";
import { releaseHold } from "@/server/modules/holds/release-hold";
import { createTRPCRouter, roleProcedure, staffProcedure, writerProcedure } from "../trpc";

export const holdRouter = createTRPCRouter({
  list: staffProcedure.input(listHoldsInput).query(({ ctx, input }) => listHolds({ ctx: ctx.svc, input })),
  place: writerProcedure.input(placeHoldInput).mutation(({ ctx, input }) => placeHold({ ctx: ctx.svc, input })),
  release: roleProcedure("admin", "manager")
    .input(releaseHoldInput)
    .mutation(({ ctx, input }) => releaseHold({ ctx: ctx.svc, input })),
});
