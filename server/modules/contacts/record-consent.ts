import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { PreconditionError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { recordConsentInput, type RecordConsentInput } from "./contacts.schemas";
import {
  contactSnapshot,
  debtorAccountIds,
  describeContact,
  findContactForAccount,
  updateContactVersioned,
} from "./shared";

/**
 * Records the debtor's consent to be contacted at a phone or email, with where it came from (TCPA: the caller
 * must be able to prove prior express consent). New consent is also the only way back in after an opt-out.
 */
export async function recordConsent({ ctx, input }: { ctx: ServiceContext; input: RecordConsentInput }) {
  assertCan(ctx, "contact.manage");
  const data = parseInput(recordConsentInput, input);
  return withTransaction(ctx, async (tx) => {
    const { account, contact } = await findContactForAccount(tx, data, true);
    if (contact.kind === "address") {
      throw new PreconditionError("Consent applies to phone numbers and email addresses, not postal addresses");
    }
    if (contact.validity === "invalid") {
      throw new PreconditionError(`The ${describeContact(contact)} is invalid; correct it before recording consent`);
    }
    const after = await updateContactVersioned(tx, contact, data.expectedVersion, {
      consent: data.level,
      consentSource: data.source,
      consentAt: ctx.now(),
      optedOutAt: null,
      optOutSource: null,
    });
    await recordAudit(tx, {
      action: "contact.consent_recorded",
      entityType: "contact_point",
      entityId: contact.id,
      before: contactSnapshot(contact),
      after: { ...contactSnapshot(after), accountIds: await debtorAccountIds(tx, account.debtorId) },
    });
    return after;
  });
}
