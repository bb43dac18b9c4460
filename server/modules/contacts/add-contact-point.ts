import { and, eq } from "drizzle-orm";
import { contactPoints, debtors } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { findAccountInOrg } from "@/server/modules/accounts/shared";
import { recordAudit } from "@/server/modules/audit/record";
import { addContactPointInput, type AddContactPointInput } from "./contacts.schemas";
import { assertNotDuplicate, contactColumns, contactSnapshot, debtorAccountIds } from "./shared";

/** Adds a phone, email or address to the debtor of an account. The first of its kind becomes the primary one. */
export async function addContactPoint({ ctx, input }: { ctx: ServiceContext; input: AddContactPointInput }) {
  assertCan(ctx, "contact.manage");
  const { accountId, source, ...fields } = parseInput(addContactPointInput, input);
  const columns = contactColumns(fields);
  return withTransaction(ctx, async (tx) => {
    const account = await findAccountInOrg(tx, accountId);
    // One writer per debtor at a time, so two people adding the same number cannot both pass the duplicate check.
    await tx.db
      .select({ id: debtors.id })
      .from(debtors)
      .where(and(eq(debtors.id, account.debtorId), eq(debtors.orgId, ctx.orgId)))
      .for("update");
    await assertNotDuplicate(tx, { debtorId: account.debtorId, kind: fields.kind, value: columns.value });
    const [primary] = await tx.db
      .select({ id: contactPoints.id })
      .from(contactPoints)
      .where(
        and(
          eq(contactPoints.orgId, ctx.orgId),
          eq(contactPoints.debtorId, account.debtorId),
          eq(contactPoints.kind, fields.kind),
          eq(contactPoints.isPrimary, true),
        ),
      )
      .limit(1);
    const [row] = await tx.db
      .insert(contactPoints)
      .values({
        orgId: ctx.orgId,
        debtorId: account.debtorId,
        kind: fields.kind,
        source,
        isPrimary: !primary,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
        ...columns,
      })
      .returning();
    await recordAudit(tx, {
      action: "contact.added",
      entityType: "contact_point",
      entityId: row!.id,
      after: { ...contactSnapshot(row!), accountIds: await debtorAccountIds(tx, account.debtorId) },
    });
    return row!;
  });
}
