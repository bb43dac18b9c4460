import { createTRPCRouter } from "../trpc";

export const timelineRouter = createTRPCRouter({});
