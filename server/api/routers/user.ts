import { createUser } from "@/server/modules/users/create-user";
import { listUsers } from "@/server/modules/users/list-users";
import { setUserActive } from "@/server/modules/users/set-user-active";
import { setUserRole } from "@/server/modules/users/set-user-role";
import { createUserInput, setUserActiveInput, setUserRoleInput } from "@/server/modules/users/users.schemas";
import { createTRPCRouter, roleProcedure, staffProcedure } from "../trpc";

const adminProcedure = roleProcedure("admin");

export const userRouter = createTRPCRouter({
  me: staffProcedure.query(({ ctx }) => ctx.staff),
  list: roleProcedure("admin", "manager", "auditor").query(({ ctx }) => listUsers({ ctx: ctx.svc })),
  create: adminProcedure.input(createUserInput).mutation(({ ctx, input }) => createUser({ ctx: ctx.svc, input })),
  setRole: adminProcedure.input(setUserRoleInput).mutation(({ ctx, input }) => setUserRole({ ctx: ctx.svc, input })),
  setActive: adminProcedure
    .input(setUserActiveInput)
    .mutation(({ ctx, input }) => setUserActive({ ctx: ctx.svc, input })),
});
