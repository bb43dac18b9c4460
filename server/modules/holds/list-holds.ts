import { and, asc, desc, eq, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { holds, users } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { assertCan, can } from "@/server/lib/permissions";
import { parseInput } from "@/server/lib/validation";
import { findAccountInOrg } from "@/server/modules/accounts/shared";
import { listHoldsInput, type ListHoldsInput } from "./holds.schemas";

const placer = alias(users, "placer");
const releaser = alias(users, "releaser");

/** The holds on an account, its own and its debtor's: active ones first, then history, newest first. */
export async function listHolds({ ctx, input }: { ctx: ServiceContext; input: ListHoldsInput }) {
  assertCan(ctx, "account.read");
  const { accountId } = parseInput(listHoldsInput, input);
  const account = await findAccountInOrg(ctx, accountId);
  const rows = await ctx.db
    .select({
      id: holds.id,
      accountId: holds.accountId,
      kind: holds.kind,
      reason: holds.reason,
      evidence: holds.evidence,
      details: holds.details,
      placedAt: holds.placedAt,
      placedByName: placer.name,
      releasedAt: holds.releasedAt,
      releasedByName: releaser.name,
      releaseReason: holds.releaseReason,
      version: holds.version,
    })
    .from(holds)
    .leftJoin(placer, and(eq(placer.id, holds.placedById), eq(placer.orgId, holds.orgId)))
    .leftJoin(releaser, and(eq(releaser.id, holds.releasedById), eq(releaser.orgId, holds.orgId)))
    .where(
      and(
        eq(holds.orgId, ctx.orgId),
        or(eq(holds.accountId, account.id), and(isNull(holds.accountId), eq(holds.debtorId, account.debtorId))),
      ),
    )
    .orderBy(asc(sql`${holds.releasedAt} is not null`), desc(holds.releasedAt), desc(holds.placedAt), asc(holds.id));
  const all = rows.map((r) => ({ ...r, scope: r.accountId ? ("account" as const) : ("debtor" as const) }));
  return {
    accountStatus: account.status,
    active: all.filter((h) => !h.releasedAt),
    history: all.filter((h) => h.releasedAt),
    permissions: { place: can(ctx, "hold.place"), release: can(ctx, "hold.release") },
  };
}
