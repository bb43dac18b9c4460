import type { ServiceContext } from "@/server/lib/context";
import { ComplianceBlockedError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { findAccountInOrg } from "@/server/modules/accounts/shared";
import { describeBlock } from "@/server/modules/compliance/describe";
import { sendMessageInput, type SendMessageInput } from "./communications.schemas";
import { sendMessages } from "./send-messages";

/**
 * An agent sends one message from an account: through the one send path, so it is rendered, passed through the
 * compliance gate now, recorded and sent once. Blocked, it is refused with the reasons — or, when only time
 * stands in the way and the agent asked for it, scheduled for the first allowed moment.
 */
export async function sendMessage({ ctx, input }: { ctx: ServiceContext; input: SendMessageInput }) {
  assertCan(ctx, "message.send");
  const data = parseInput(sendMessageInput, input);
  await findAccountInOrg(ctx, data.accountId);
  const [outcome] = await sendMessages(ctx, [data]);
  if (outcome!.status === "blocked" && outcome!.decision) {
    const d = outcome!.decision;
    throw new ComplianceBlockedError(describeBlock(d), d.rules, outcome!.nextAllowedAt);
  }
  return outcome!;
}
