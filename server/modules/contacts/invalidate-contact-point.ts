import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { PreconditionError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { invalidateContactPointInput, type InvalidateContactPointInput } from "./contacts.schemas";
import {
  contactSnapshot,
  debtorAccountIds,
  describeContact,
  findContactForAccount,
  updateContactVersioned,
} from "./shared";

/** Marks a contact point invalid (wrong number, bounced email, returned mail). It stops being primary. */
export async function invalidateContactPoint({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: InvalidateContactPointInput;
}) {
  assertCan(ctx, "contact.manage");
  const data = parseInput(invalidateContactPointInput, input);
  return withTransaction(ctx, async (tx) => {
    const { account, contact } = await findContactForAccount(tx, data, true);
    if (contact.validity === "invalid") {
      throw new PreconditionError(`The ${describeContact(contact)} is already marked invalid`);
    }
    const after = await updateContactVersioned(tx, contact, data.expectedVersion, {
      validity: "invalid",
      isPrimary: false,
    });
    await recordAudit(tx, {
      action: "contact.invalidated",
      entityType: "contact_point",
      entityId: contact.id,
      before: contactSnapshot(contact),
      after: {
        ...contactSnapshot(after),
        reason: data.reason,
        accountIds: await debtorAccountIds(tx, account.debtorId),
      },
    });
    return after;
  });
}
