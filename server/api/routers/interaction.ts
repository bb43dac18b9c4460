import { createTRPCRouter } from "../trpc";

export const interactionRouter = createTRPCRouter({});
