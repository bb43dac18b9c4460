import { and, eq, ne, sql } from "drizzle-orm";
import { contactPoints } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { PreconditionError } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { setPrimaryContactPointInput, type SetPrimaryContactPointInput } from "./contacts.schemas";
import {
  contactSnapshot,
  debtorAccountIds,
  describeContact,
  findContactForAccount,
  updateContactVersioned,
} from "./shared";

/** Makes a contact point the debtor's primary one of its kind; the previous primary of that kind steps down. */
export async function setPrimaryContactPoint({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SetPrimaryContactPointInput;
}) {
  assertCan(ctx, "contact.manage");
  const data = parseInput(setPrimaryContactPointInput, input);
  return withTransaction(ctx, async (tx) => {
    const { account, contact } = await findContactForAccount(tx, data, true);
    if (contact.validity === "invalid") {
      throw new PreconditionError(`The ${describeContact(contact)} is invalid and cannot be primary; correct it first`);
    }
    if (contact.isPrimary && contact.version === data.expectedVersion) {
      throw new PreconditionError(`The ${describeContact(contact)} is already the primary ${contact.kind}`);
    }
    const after = await updateContactVersioned(tx, contact, data.expectedVersion, { isPrimary: true });
    const previous = await tx.db
      .update(contactPoints)
      .set({ isPrimary: false, version: sql`${contactPoints.version} + 1`, updatedAt: ctx.now() })
      .where(
        and(
          eq(contactPoints.orgId, ctx.orgId),
          eq(contactPoints.debtorId, contact.debtorId),
          eq(contactPoints.kind, contact.kind),
          eq(contactPoints.isPrimary, true),
          ne(contactPoints.id, contact.id),
        ),
      )
      .returning({ id: contactPoints.id });
    await recordAudit(tx, {
      action: "contact.primary_set",
      entityType: "contact_point",
      entityId: contact.id,
      before: { ...contactSnapshot(contact), previousPrimaryIds: previous.map((p) => p.id) },
      after: { ...contactSnapshot(after), accountIds: await debtorAccountIds(tx, account.debtorId) },
    });
    return after;
  });
}
