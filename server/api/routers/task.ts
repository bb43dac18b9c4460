import { createTRPCRouter } from "../trpc";

export const taskRouter = createTRPCRouter({});
