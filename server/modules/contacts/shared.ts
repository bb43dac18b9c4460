import { and, eq, ne, sql, type SQL } from "drizzle-orm";
import { accounts, contactPoints } from "@/db/schema";
import type { ServiceContext, TxContext } from "@/server/lib/context";
import { ConflictError, NotFoundError } from "@/server/lib/errors";
import { findAccountInOrg } from "@/server/modules/accounts/shared";
import type { ContactFields } from "./contacts.schemas";
import { formatPhone, parsePhone } from "./phone";
import { addressTimeZone, phoneTimeZone } from "./time-zone";

export type ContactPointRow = typeof contactPoints.$inferSelect;

const KIND_NOUN = { phone: "phone number", email: "email address", address: "address" } as const;

/** "phone number (602) 555-0143": how messages and the audit name a contact point. */
export function describeContact(row: Pick<ContactPointRow, "kind" | "value">): string {
  return `${KIND_NOUN[row.kind]} ${row.kind === "phone" ? formatPhone(row.value) : row.value}`;
}

/**
 * The account of the caller's organization and one contact point of its debtor. A contact point of another
 * debtor or organization is simply not found, whatever its id.
 */
export async function findContactForAccount(
  ctx: ServiceContext,
  ids: { accountId: string; contactPointId: string },
  lock = false,
) {
  const account = await findAccountInOrg(ctx, ids.accountId);
  const query = ctx.db
    .select()
    .from(contactPoints)
    .where(
      and(
        eq(contactPoints.id, ids.contactPointId),
        eq(contactPoints.orgId, ctx.orgId),
        eq(contactPoints.debtorId, account.debtorId),
      ),
    );
  const [contact] = await (lock ? query.for("update") : query);
  if (!contact) throw new NotFoundError("Contact point", ids.contactPointId);
  return { account, contact };
}

/** Every account of the debtor in this organization: the audit names them so each account's timeline shows it. */
export async function debtorAccountIds(ctx: ServiceContext, debtorId: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.orgId, ctx.orgId), eq(accounts.debtorId, debtorId)))
    .orderBy(accounts.id);
  return rows.map((r) => r.id);
}

/** Columns a phone, email or address becomes: the normalised value and the zone it implies. */
export function contactColumns(fields: ContactFields) {
  switch (fields.kind) {
    case "phone": {
      const phone = parsePhone(fields.value, "value");
      return {
        value: phone.e164,
        // The numbering plan knows mobile from landline in many countries (not in the US): it wins when it knows.
        phoneType: phone.type ?? fields.phoneType ?? null,
        country: phone.country ?? "US",
        ...phoneTimeZone(phone),
      };
    }
    case "email":
      return { value: fields.value, phoneType: null, timeZone: null, timeZoneSource: null };
    case "address": {
      const { line1, line2, city, state, postalCode } = fields;
      return {
        value: [line1, line2, city, `${state} ${postalCode}`].filter(Boolean).join(", "),
        phoneType: null,
        line1,
        line2: line2 ?? null,
        city,
        state,
        postalCode,
        country: "US",
        ...addressTimeZone({ state, postalCode }),
      };
    }
  }
}

/** Refuses a second copy of the same phone, email or address on one debtor, naming the one already there. */
export async function assertNotDuplicate(
  ctx: ServiceContext,
  row: { debtorId: string; kind: ContactPointRow["kind"]; value: string },
  exceptId?: string,
) {
  // Addresses are compared case-insensitively; phones (E.164) and emails (lower-cased) are already canonical.
  const sameValue: SQL =
    row.kind === "address"
      ? sql`lower(${contactPoints.value}) = lower(${row.value})`
      : eq(contactPoints.value, row.value);
  const [existing] = await ctx.db
    .select()
    .from(contactPoints)
    .where(
      and(
        eq(contactPoints.orgId, ctx.orgId),
        eq(contactPoints.debtorId, row.debtorId),
        eq(contactPoints.kind, row.kind),
        sameValue,
        exceptId ? ne(contactPoints.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (existing) {
    const state = existing.validity === "invalid" ? " (marked invalid: correct that one instead)" : "";
    throw new ConflictError(`This debtor already has the ${describeContact(existing)}${state}`);
  }
}

/** Updates one contact point only if nobody changed it since the user saw `expectedVersion`. */
export async function updateContactVersioned(
  tx: TxContext,
  current: ContactPointRow,
  expectedVersion: number,
  set: Partial<typeof contactPoints.$inferInsert>,
): Promise<ContactPointRow> {
  const stale = () =>
    new ConflictError(`The ${describeContact(current)} changed since you opened it; reload and try again`);
  if (current.version !== expectedVersion) throw stale();
  const [row] = await tx.db
    .update(contactPoints)
    .set({ ...set, version: sql`${contactPoints.version} + 1`, updatedAt: tx.now() })
    .where(
      and(
        eq(contactPoints.id, current.id),
        eq(contactPoints.orgId, tx.orgId),
        eq(contactPoints.version, expectedVersion),
      ),
    )
    .returning();
  if (!row) throw stale();
  return row;
}

/** What the audit keeps of a contact point (all of it but the bookkeeping timestamps). */
export function contactSnapshot(row: ContactPointRow) {
  const { createdAt: _created, updatedAt: _updated, orgId: _org, ...rest } = row;
  return rest;
}
