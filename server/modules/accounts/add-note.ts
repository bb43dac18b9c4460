import { notes } from "@/db/schema";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { recordAudit } from "@/server/modules/audit/record";
import { addNoteInput, type AddNoteInput } from "./accounts.schemas";
import { findAccountInOrg } from "./shared";

export async function addNote({ ctx, input }: { ctx: ServiceContext; input: AddNoteInput }) {
  assertCan(ctx, "account.note");
  const data = parseInput(addNoteInput, input);
  return withTransaction(ctx, async (tx) => {
    await findAccountInOrg(tx, data.accountId);
    const [note] = await tx.db
      .insert(notes)
      .values({
        orgId: ctx.orgId,
        accountId: data.accountId,
        authorId: ctx.actor.type === "staff" ? ctx.actor.userId : null,
        body: data.body,
        createdAt: ctx.now(),
      })
      .returning();
    await recordAudit(tx, {
      action: "account.note_added",
      entityType: "account",
      entityId: data.accountId,
      after: note,
    });
    return note!;
  });
}
