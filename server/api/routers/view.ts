import { createTRPCRouter } from "../trpc";

export const viewRouter = createTRPCRouter({});
