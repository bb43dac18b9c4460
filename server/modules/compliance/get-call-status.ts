import { assertCan } from "@/server/lib/permissions";
import type { ServiceContext } from "@/server/lib/context";
import { parseInput } from "@/server/lib/validation";
import { findAccountInOrg } from "@/server/modules/accounts/shared";
import { decide, prepareCheck } from "./check-contact";
import { distinctReasons } from "./describe";
import { callStatusInput, type CallStatusInput } from "./compliance.schemas";

/**
 * For each phone number of the account's debtor: may an agent call it now, and if not, why and from when.
 * A preview (nothing is recorded); the call log asks the gate again when the call is logged.
 */
export async function getCallStatus({ ctx, input }: { ctx: ServiceContext; input: CallStatusInput }) {
  assertCan(ctx, "compliance.check");
  const { accountId } = parseInput(callStatusInput, input);
  await findAccountInOrg(ctx, accountId);
  const now = ctx.now();
  const prepared = await prepareCheck(ctx, accountId, now);
  const phones = prepared.snapshot.contactPoints.filter((c) => c.kind === "phone" && !c.invalid);
  return {
    checkedAt: now,
    numbers: phones.map((phone) => {
      const { decision } = decide(prepared, { accountId, channel: "call", contactPointId: phone.id }, now);
      return {
        contactPointId: phone.id,
        decision: decision.decision,
        rules: decision.rules,
        reasons: distinctReasons(decision),
        nextAllowedAt: decision.nextAllowedAt !== undefined ? new Date(decision.nextAllowedAt) : null,
        zones: decision.zones,
      };
    }),
  };
}
