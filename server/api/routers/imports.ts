import { getDatabase } from "@/db";
import { logger } from "@/server/lib/logger";
import { cancelImport, getImport, listImportErrors, listImports, startImport } from "@/server/modules/imports/jobs";
import {
  importErrorsInput,
  importIdInput,
  listImportsInput,
  startImportInput,
} from "@/server/modules/imports/imports.schemas";
import { runImport } from "@/server/modules/imports/run-import";
import { createTRPCRouter, staffProcedure } from "../trpc";

export const importsRouter = createTRPCRouter({
  list: staffProcedure.input(listImportsInput).query(({ ctx, input }) => listImports({ ctx: ctx.svc, input })),
  get: staffProcedure.input(importIdInput).query(({ ctx, input }) => getImport({ ctx: ctx.svc, input })),
  errors: staffProcedure.input(importErrorsInput).query(({ ctx, input }) => listImportErrors({ ctx: ctx.svc, input })),
  /** Claims the import and runs it in the background of this server; the page follows it through `get`. */
  start: staffProcedure.input(startImportInput).mutation(async ({ ctx, input }) => {
    const claimed = await startImport({ ctx: ctx.svc, input });
    const handle = await getDatabase();
    const svc = { ...ctx.svc, db: handle.db };
    runImport(handle, svc, claimed.id).catch((error: unknown) =>
      logger.error({ err: error, importId: claimed.id }, "import run crashed"),
    );
    return claimed;
  }),
  cancel: staffProcedure.input(importIdInput).mutation(({ ctx, input }) => cancelImport({ ctx: ctx.svc, input })),
});
