import { and, count, eq, ne } from "drizzle-orm";
import { users } from "@/db/schema";
import type { TxContext } from "@/server/lib/context";
import { PreconditionError } from "@/server/lib/errors";

/** An organization always keeps one active admin, or nobody could manage users again. */
export async function assertNotLastAdmin(tx: TxContext, leavingUserId: string): Promise<void> {
  const [row] = await tx.db
    .select({ n: count() })
    .from(users)
    .where(
      and(eq(users.orgId, tx.orgId), eq(users.role, "admin"), eq(users.active, true), ne(users.id, leavingUserId)),
    );
  if ((row?.n ?? 0) === 0) throw new PreconditionError("This is the organization's last active admin");
}
