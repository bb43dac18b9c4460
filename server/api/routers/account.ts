import { z } from "zod";
import {
  accountId,
  addNoteInput,
  assignAccountsInput,
  bulkChangeStatusInput,
  changeStatusInput,
  countMatchingInput,
  listAccountsInput,
  tagAccountsInput,
} from "@/server/modules/accounts/accounts.schemas";
import { addNote } from "@/server/modules/accounts/add-note";
import { assignAccounts } from "@/server/modules/accounts/assign-accounts";
import { bulkChangeStatus } from "@/server/modules/accounts/bulk-change-status";
import { changeStatus } from "@/server/modules/accounts/change-status";
import { countMatchingAccounts } from "@/server/modules/accounts/count-matching";
import { getAccount } from "@/server/modules/accounts/get-account";
import { listAccounts } from "@/server/modules/accounts/list-accounts";
import { tagAccounts } from "@/server/modules/accounts/tag-accounts";
import { createTRPCRouter, roleProcedure, staffProcedure, writerProcedure } from "../trpc";

export const accountRouter = createTRPCRouter({
  list: staffProcedure.input(listAccountsInput).query(({ ctx, input }) => listAccounts({ ctx: ctx.svc, input })),
  countMatching: staffProcedure
    .input(countMatchingInput)
    .query(({ ctx, input }) => countMatchingAccounts({ ctx: ctx.svc, input })),
  byId: staffProcedure.input(z.object({ accountId })).query(({ ctx, input }) => getAccount({ ctx: ctx.svc, input })),
  addNote: writerProcedure.input(addNoteInput).mutation(({ ctx, input }) => addNote({ ctx: ctx.svc, input })),
  changeStatus: writerProcedure
    .input(changeStatusInput)
    .mutation(({ ctx, input }) => changeStatus({ ctx: ctx.svc, input })),
  bulkChangeStatus: writerProcedure
    .input(bulkChangeStatusInput)
    .mutation(({ ctx, input }) => bulkChangeStatus({ ctx: ctx.svc, input })),
  assign: roleProcedure("admin", "manager")
    .input(assignAccountsInput)
    .mutation(({ ctx, input }) => assignAccounts({ ctx: ctx.svc, input })),
  tag: roleProcedure("admin", "manager")
    .input(tagAccountsInput)
    .mutation(({ ctx, input }) => tagAccounts({ ctx: ctx.svc, input })),
});
