import { listTimeline } from "@/server/modules/timeline/list-timeline";
import { listTimelineInput } from "@/server/modules/timeline/timeline.schemas";
import { createTRPCRouter, staffProcedure } from "../trpc";

export const timelineRouter = createTRPCRouter({
  list: staffProcedure.input(listTimelineInput).query(({ ctx, input }) => listTimeline({ ctx: ctx.svc, input })),
});
