import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { users } from "@/db/schema";
import { newRequestId, withTransaction } from "@/server/lib/context";
import type { Role } from "@/server/lib/permissions";
import { recordAudit } from "@/server/modules/audit/record";
import { DUMMY_HASH, verifyPassword } from "./password";
import { signInInput } from "./users.schemas";

export type AuthenticatedUser = { id: string; orgId: string; email: string; name: string; role: Role };

/**
 * Checks credentials. Unknown emails still pay for a hash comparison so response time does not reveal which
 * emails exist; deactivated users are refused. Returns null on any failure, never a reason (no enumeration).
 */
export async function authenticate(
  db: Database,
  credentials: unknown,
  now: () => Date = () => new Date(),
): Promise<AuthenticatedUser | null> {
  const parsed = signInInput.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) return null;
  const actor = { type: "staff" as const, userId: user.id, role: user.role };
  await withTransaction({ db, orgId: user.orgId, actor, requestId: newRequestId(), now }, async (tx) => {
    await tx.db.update(users).set({ lastSignInAt: now() }).where(eq(users.id, user.id));
    await recordAudit(tx, { action: "user.signed_in", entityType: "user", entityId: user.id });
  });
  return { id: user.id, orgId: user.orgId, email: user.email, name: user.name, role: user.role };
}
