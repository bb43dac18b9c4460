import { createTRPCRouter } from "../trpc";

export const holdRouter = createTRPCRouter({});
