import { UpdateProfileInput } from "../schemas/account.ts";
import { accountSelect } from "../services/staff.ts";
import { createTRPCRouter, customerProcedure } from "../trpc.ts";

// Sign-up, sign-in and sign-out are better-auth's routes under /api/auth/*; these read and edit the profile.
export const authRouter = createTRPCRouter({
  me: customerProcedure.query(({ ctx }) =>
    ctx.db.user.findUniqueOrThrow({ where: { id: ctx.user.id }, select: accountSelect }),
  ),
  updateProfile: customerProcedure
    .input(UpdateProfileInput)
    .mutation(({ ctx, input }) =>
      ctx.db.user.update({ where: { id: ctx.user.id }, data: { name: input.name }, select: accountSelect }),
    ),
});
