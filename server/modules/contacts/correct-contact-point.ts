import { and, eq } from "drizzle-orm";
import { debtors } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { PreconditionError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { correctContactPointInput, type CorrectContactPointInput } from "./contacts.schemas";
import {
  assertNotDuplicate,
  contactColumns,
  contactSnapshot,
  debtorAccountIds,
  describeContact,
  findContactForAccount,
  updateContactVersioned,
} from "./shared";

/**
 * Corrects a contact point's value, phone type or address lines, and derives its zone again. A new value is a
 * different number or mailbox: consent given for the old one does not carry over and validity starts over.
 * An opt-out stays (the safe direction); the debtor opts back in by giving consent again.
 */
export async function correctContactPoint({ ctx, input }: { ctx: ServiceContext; input: CorrectContactPointInput }) {
  assertCan(ctx, "contact.manage");
  const { accountId, contactPointId, expectedVersion, ...fields } = parseInput(correctContactPointInput, input);
  const columns = contactColumns(fields);
  return withTransaction(ctx, async (tx) => {
    const { account, contact } = await findContactForAccount(tx, { accountId, contactPointId }, true);
    if (contact.kind !== fields.kind) {
      throw new PreconditionError(
        `The ${describeContact(contact)} cannot become a ${fields.kind}: add the ${fields.kind} as a new contact point`,
      );
    }
    await tx.db
      .select({ id: debtors.id })
      .from(debtors)
      .where(and(eq(debtors.id, account.debtorId), eq(debtors.orgId, ctx.orgId)))
      .for("update");
    const valueChanged = columns.value.toLowerCase() !== contact.value.toLowerCase();
    if (valueChanged) {
      await assertNotDuplicate(
        tx,
        { debtorId: contact.debtorId, kind: contact.kind, value: columns.value },
        contact.id,
      );
    }
    const unchanged = Object.entries(columns).every(([key, value]) => contact[key as keyof typeof contact] === value);
    if (unchanged && contact.version === expectedVersion) {
      throw new PreconditionError(`Nothing to correct: the ${describeContact(contact)} is already recorded like this`);
    }
    const after = await updateContactVersioned(tx, contact, expectedVersion, {
      ...columns,
      ...(valueChanged
        ? { validity: "unverified" as const, consent: "none" as const, consentSource: null, consentAt: null }
        : {}),
    });
    await recordAudit(tx, {
      action: "contact.corrected",
      entityType: "contact_point",
      entityId: contact.id,
      before: contactSnapshot(contact),
      after: { ...contactSnapshot(after), accountIds: await debtorAccountIds(tx, account.debtorId) },
    });
    return after;
  });
}
