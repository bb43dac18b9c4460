import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { PreconditionError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { OPT_OUT_SOURCE_KIND, recordOptOutInput, type RecordOptOutInput } from "./contacts.schemas";
import {
  contactSnapshot,
  debtorAccountIds,
  describeContact,
  findContactForAccount,
  updateContactVersioned,
} from "./shared";

/**
 * Records that the debtor asked not to be contacted at a phone or email. An opt-out revokes any consent given
 * (TCPA: revocation by any reasonable means); only a new consent opts back in.
 */
export async function recordOptOut({ ctx, input }: { ctx: ServiceContext; input: RecordOptOutInput }) {
  assertCan(ctx, "contact.manage");
  const data = parseInput(recordOptOutInput, input);
  return withTransaction(ctx, async (tx) => {
    const { account, contact } = await findContactForAccount(tx, data, true);
    if (contact.kind === "address") {
      throw new PreconditionError(
        "Opt-outs apply to phone numbers and email addresses; to stop letters, place a cease communication hold",
      );
    }
    const onlyFor = OPT_OUT_SOURCE_KIND[data.source];
    if (onlyFor && onlyFor !== contact.kind) {
      const noun = { phone: "a phone number", email: "an email address", address: "an address" } as const;
      throw new PreconditionError(
        `"${data.source.replace(/_/g, " ")}" is an opt-out for ${noun[onlyFor]}, not for ${noun[contact.kind]}`,
      );
    }
    if (contact.optedOutAt) {
      throw new PreconditionError(`The ${describeContact(contact)} is already opted out`);
    }
    const after = await updateContactVersioned(tx, contact, data.expectedVersion, {
      optedOutAt: ctx.now(),
      optOutSource: data.source,
      consent: "none",
      consentSource: null,
      consentAt: null,
    });
    await recordAudit(tx, {
      action: "contact.opted_out",
      entityType: "contact_point",
      entityId: contact.id,
      before: contactSnapshot(contact),
      after: {
        ...contactSnapshot(after),
        note: data.note ?? null,
        accountIds: await debtorAccountIds(tx, account.debtorId),
      },
    });
    return after;
  });
}
