import { UpdateProfileInput } from "../schemas/account.ts";
import { AddressIdInput, AddressInput, UpdateAddressInput } from "../schemas/address.ts";
import {
  createAddress,
  deleteAddress,
  listAddresses,
  setDefaultAddress,
  updateAddress,
} from "../services/addresses.ts";
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
  /** The signed-in user's own address book (checkout prefills the default). */
  addresses: createTRPCRouter({
    list: customerProcedure.query(({ ctx }) => listAddresses(ctx.db, ctx.user.id)),
    create: customerProcedure
      .input(AddressInput)
      .mutation(({ ctx, input }) => createAddress(ctx.db, ctx.user.id, input)),
    update: customerProcedure
      .input(UpdateAddressInput)
      .mutation(({ ctx, input }) => updateAddress(ctx.db, ctx.user.id, input)),
    setDefault: customerProcedure
      .input(AddressIdInput)
      .mutation(({ ctx, input }) => setDefaultAddress(ctx.db, ctx.user.id, input.id)),
    remove: customerProcedure
      .input(AddressIdInput)
      .mutation(({ ctx, input }) => deleteAddress(ctx.db, ctx.user.id, input.id)),
  }),
});
