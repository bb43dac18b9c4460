import { and, asc, eq, gte, isNotNull, lt } from "drizzle-orm";
import { messages } from "@/db/schema";
import type { ServiceContext } from "@/server/lib/context";
import { assertCan } from "@/server/lib/permissions";
import { readStored } from "@/server/modules/imports/storage";
import { buildPrintBatch } from "./batch";
import { consumerAddress } from "./build";

/** The letters sent on the UTC days from..to, with their PDFs and addresses, zipped for the print vendor. */
export async function letterBatch(
  ctx: ServiceContext,
  from: string,
  to: string,
): Promise<{ zip: Buffer; letters: number }> {
  assertCan(ctx, "message.read");
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000);
  const rows = await ctx.db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.orgId, ctx.orgId),
        eq(messages.channel, "letter"),
        isNotNull(messages.documentKey),
        gte(messages.sentAt, start),
        lt(messages.sentAt, end),
      ),
    )
    .orderBy(asc(messages.sentAt), asc(messages.id));
  const items = [];
  for (const m of rows) {
    const { contactPointId: _cp, ...recipient } = await consumerAddress(ctx, m.debtorId, m.contactPointId ?? undefined);
    items.push({ id: m.id, pdf: await readStored(m.documentKey!), recipient });
  }
  return { zip: items.length ? await buildPrintBatch(items) : Buffer.alloc(0), letters: items.length };
}
