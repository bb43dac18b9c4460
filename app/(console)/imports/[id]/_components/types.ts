import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type ImportData = inferRouterOutputs<AppRouter>["imports"]["get"];
export type ImportJob = ImportData["job"];
