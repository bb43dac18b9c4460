import "server-only";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { connection } from "next/server";
import { cache, createElement, type ReactNode } from "react";
import { makeQueryClient } from "@/components/providers/query-client";
import { createTrpcContext } from "./context";
import { appRouter } from "./root";

/** One QueryClient per server request, so prefetches and the hydration boundary share it. */
export const getQueryClient = cache(makeQueryClient);

/** Server components prefetch through this proxy; the data reaches client components via <HydrateClient>. */
export const trpc = createTRPCOptionsProxy({
  ctx: async () => {
    await connection();
    return createTrpcContext();
  },
  router: appRouter,
  queryClient: getQueryClient,
});

/** Server-side caller for server components that render data directly. */
export const serverCaller = cache(async () => {
  await connection();
  return appRouter.createCaller(await createTrpcContext());
});

export function HydrateClient({ children }: { children: ReactNode }) {
  const queryClient: QueryClient = getQueryClient();
  return createElement(HydrationBoundary, { state: dehydrate(queryClient) }, children);
}
