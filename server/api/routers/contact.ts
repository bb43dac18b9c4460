import { addContactPoint } from "@/server/modules/contacts/add-contact-point";
import {
  addContactPointInput,
  correctContactPointInput,
  invalidateContactPointInput,
  listContactPointsInput,
  recordConsentInput,
  recordOptOutInput,
  setPrimaryContactPointInput,
} from "@/server/modules/contacts/contacts.schemas";
import { correctContactPoint } from "@/server/modules/contacts/correct-contact-point";
import { invalidateContactPoint } from "@/server/modules/contacts/invalidate-contact-point";
import { listContactPoints } from "@/server/modules/contacts/list-contact-points";
import { recordConsent } from "@/server/modules/contacts/record-consent";
import { recordOptOut } from "@/server/modules/contacts/record-opt-out";
import { setPrimaryContactPoint } from "@/server/modules/contacts/set-primary-contact-point";
import { createTRPCRouter, staffProcedure, writerProcedure } from "../trpc";

export const contactRouter = createTRPCRouter({
  list: staffProcedure
    .input(listContactPointsInput)
    .query(({ ctx, input }) => listContactPoints({ ctx: ctx.svc, input })),
  add: writerProcedure
    .input(addContactPointInput)
    .mutation(({ ctx, input }) => addContactPoint({ ctx: ctx.svc, input })),
  correct: writerProcedure
    .input(correctContactPointInput)
    .mutation(({ ctx, input }) => correctContactPoint({ ctx: ctx.svc, input })),
  invalidate: writerProcedure
    .input(invalidateContactPointInput)
    .mutation(({ ctx, input }) => invalidateContactPoint({ ctx: ctx.svc, input })),
  setPrimary: writerProcedure
    .input(setPrimaryContactPointInput)
    .mutation(({ ctx, input }) => setPrimaryContactPoint({ ctx: ctx.svc, input })),
  recordConsent: writerProcedure
    .input(recordConsentInput)
    .mutation(({ ctx, input }) => recordConsent({ ctx: ctx.svc, input })),
  recordOptOut: writerProcedure
    .input(recordOptOutInput)
    .mutation(({ ctx, input }) => recordOptOut({ ctx: ctx.svc, input })),
});
