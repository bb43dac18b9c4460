import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { findAccountInOrg } from "@/server/modules/accounts/shared";
import { recordAudit } from "@/server/modules/audit/record";
import { createPromiseInput, type CreatePromiseInput } from "./promises.schemas";
import { recordPromise } from "./record-promise";

/** A promise to pay recorded on its own (e.g. one received by letter), outside a logged call. */
export async function createPromise({ ctx, input }: { ctx: ServiceContext; input: CreatePromiseInput }) {
  assertCan(ctx, "interaction.log");
  const data = parseInput(createPromiseInput, input);
  return withTransaction(ctx, async (tx) => {
    const account = await findAccountInOrg(tx, data.accountId, true);
    const result = await recordPromise(tx, account, data, { expectedVersion: data.expectedVersion });
    await recordAudit(tx, {
      action: "promise.created",
      entityType: "account",
      entityId: account.id,
      before: { status: account.status, version: account.version, promiseStatus: account.promiseStatus },
      after: {
        promiseId: result.promise.id,
        amountMinor: result.promise.amountMinor,
        currency: result.promise.currency,
        dueOn: result.promise.dueOn,
        supersededIds: result.supersededIds,
        status: result.statusChange?.to ?? account.status,
        version: result.version,
      },
    });
    return {
      ...result.promise,
      accountVersion: result.version,
      accountStatus: result.statusChange?.to ?? account.status,
    };
  });
}
