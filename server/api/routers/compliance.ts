import {
  callStatusInput,
  compliancePolicyInput,
  listDecisionsInput,
  overviewInput,
  recordValidationNoticeInput,
  validationNoticeInput,
} from "@/server/modules/compliance/compliance.schemas";
import { getCallStatus } from "@/server/modules/compliance/get-call-status";
import { getComplianceOverview } from "@/server/modules/compliance/get-overview";
import { listDecisions } from "@/server/modules/compliance/list-decisions";
import { getCompliancePolicy, setCompliancePolicy } from "@/server/modules/compliance/policy-settings";
import { getValidationNotice, recordValidationNotice } from "@/server/modules/compliance/record-validation-notice";
import { createTRPCRouter, roleProcedure, staffProcedure, writerProcedure } from "../trpc";

export const complianceRouter = createTRPCRouter({
  callStatus: staffProcedure.input(callStatusInput).query(({ ctx, input }) => getCallStatus({ ctx: ctx.svc, input })),
  overview: roleProcedure("admin", "manager", "auditor")
    .input(overviewInput)
    .query(({ ctx, input }) => getComplianceOverview({ ctx: ctx.svc, input })),
  decisions: staffProcedure.input(listDecisionsInput).query(({ ctx, input }) => listDecisions({ ctx: ctx.svc, input })),
  validationNotice: staffProcedure
    .input(validationNoticeInput)
    .query(({ ctx, input }) => getValidationNotice({ ctx: ctx.svc, input })),
  policy: staffProcedure.query(({ ctx }) => getCompliancePolicy({ ctx: ctx.svc })),
  setPolicy: roleProcedure("admin")
    .input(compliancePolicyInput)
    .mutation(({ ctx, input }) => setCompliancePolicy({ ctx: ctx.svc, input })),
  recordValidationNotice: writerProcedure
    .input(recordValidationNoticeInput)
    .mutation(({ ctx, input }) => recordValidationNotice({ ctx: ctx.svc, input })),
});
