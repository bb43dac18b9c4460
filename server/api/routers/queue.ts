import { createQueue } from "@/server/modules/queues/create-queue";
import { getQueue } from "@/server/modules/queues/get-queue";
import { listMyQueue } from "@/server/modules/queues/my-queue";
import { listQueueAccounts } from "@/server/modules/queues/list-queue-accounts";
import { listQueues } from "@/server/modules/queues/list-queues";
import { nextAccount } from "@/server/modules/queues/next-account";
import { previewRebalance } from "@/server/modules/queues/preview-rebalance";
import {
  createQueueInput,
  listQueuesInput,
  myQueueInput,
  nextAccountInput,
  queueAccountsInput,
  queueIdInput,
  rebalanceInput,
  updateQueueInput,
} from "@/server/modules/queues/queues.schemas";
import { rebalanceAccounts } from "@/server/modules/queues/rebalance-accounts";
import { getTeamOverview } from "@/server/modules/queues/team-overview";
import { updateQueue } from "@/server/modules/queues/update-queue";
import { getQueueWeights } from "@/server/modules/settings/get-queue-weights";
import { setQueueWeights } from "@/server/modules/settings/set-queue-weights";
import { queueWeights } from "@/server/modules/settings/settings.schemas";
import { createTRPCRouter, roleProcedure, staffProcedure, writerProcedure } from "../trpc";

const adminProcedure = roleProcedure("admin");
const supervisorProcedure = roleProcedure("admin", "manager");

export const queueRouter = createTRPCRouter({
  // My queue and walking it (queue.work)
  mine: writerProcedure.input(myQueueInput).query(({ ctx, input }) => listMyQueue({ ctx: ctx.svc, input })),
  next: writerProcedure.input(nextAccountInput).query(({ ctx, input }) => nextAccount({ ctx: ctx.svc, input })),

  // Admin-defined queues (queue.read to see, queue.manage to change)
  list: staffProcedure.input(listQueuesInput).query(({ ctx, input }) => listQueues({ ctx: ctx.svc, input })),
  byId: staffProcedure.input(queueIdInput).query(({ ctx, input }) => getQueue({ ctx: ctx.svc, input })),
  accounts: staffProcedure
    .input(queueAccountsInput)
    .query(({ ctx, input }) => listQueueAccounts({ ctx: ctx.svc, input })),
  create: adminProcedure.input(createQueueInput).mutation(({ ctx, input }) => createQueue({ ctx: ctx.svc, input })),
  update: adminProcedure.input(updateQueueInput).mutation(({ ctx, input }) => updateQueue({ ctx: ctx.svc, input })),

  // Priority weights (read by anyone who sees queues; settings.manage to change)
  weights: staffProcedure.query(({ ctx }) => getQueueWeights({ ctx: ctx.svc })),
  setWeights: adminProcedure.input(queueWeights).mutation(({ ctx, input }) => setQueueWeights({ ctx: ctx.svc, input })),

  // The manager's view (team.read) and rebalancing (team.rebalance)
  team: roleProcedure("admin", "manager", "auditor").query(({ ctx }) => getTeamOverview({ ctx: ctx.svc })),
  previewRebalance: supervisorProcedure
    .input(rebalanceInput)
    .query(({ ctx, input }) => previewRebalance({ ctx: ctx.svc, input })),
  rebalance: supervisorProcedure
    .input(rebalanceInput)
    .mutation(({ ctx, input }) => rebalanceAccounts({ ctx: ctx.svc, input })),
});
