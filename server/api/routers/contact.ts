import { createTRPCRouter } from "../trpc";

export const contactRouter = createTRPCRouter({});
