import { users } from "@/db/schema";
import { parseInput } from "@/server/lib/validation";
import { withTransaction, type ServiceContext } from "@/server/lib/context";
import { ConflictError, isUniqueViolation } from "@/server/lib/errors";
import { assertCan } from "@/server/lib/permissions";
import { recordAudit } from "@/server/modules/audit/record";
import { hashPassword } from "./password";
import { userColumns } from "./shared";
import { createUserInput, type CreateUserInput } from "./users.schemas";

export async function createUser({ ctx, input }: { ctx: ServiceContext; input: CreateUserInput }) {
  assertCan(ctx, "user.manage");
  const data = parseInput(createUserInput, input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await withTransaction(ctx, async (tx) => {
      const [user] = await tx.db
        .insert(users)
        .values({ orgId: ctx.orgId, email: data.email, name: data.name, role: data.role, passwordHash })
        .returning(userColumns);
      await recordAudit(tx, { action: "user.created", entityType: "user", entityId: user!.id, after: user });
      return user!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_unique")) {
      throw new ConflictError(`A user with the email ${data.email} already exists`, { cause: error });
    }
    throw error;
  }
}
