import { CartAddInput, CartMergeInput, CartRemoveInput, CartSetQuantityInput } from "../schemas/cart.ts";
import {
  addToCart,
  clearCart,
  getCart,
  mergeCart,
  removeFromCart,
  setCartQuantity,
} from "../services/cart.ts";
import { createTRPCRouter, customerProcedure } from "../trpc.ts";

// The server-side cart of a signed-in shopper; guests keep theirs in the browser and merge it at sign-in.
export const cartRouter = createTRPCRouter({
  get: customerProcedure.query(({ ctx }) => getCart(ctx.db, ctx.user.id)),
  add: customerProcedure
    .input(CartAddInput)
    .mutation(({ ctx, input }) => addToCart(ctx.db, ctx.user.id, input, input.quantity)),
  setQuantity: customerProcedure
    .input(CartSetQuantityInput)
    .mutation(({ ctx, input }) => setCartQuantity(ctx.db, ctx.user.id, input, input.quantity)),
  remove: customerProcedure
    .input(CartRemoveInput)
    .mutation(({ ctx, input }) => removeFromCart(ctx.db, ctx.user.id, input)),
  clear: customerProcedure.mutation(({ ctx }) => clearCart(ctx.db, ctx.user.id)),
  merge: customerProcedure
    .input(CartMergeInput)
    .mutation(({ ctx, input }) => mergeCart(ctx.db, ctx.user.id, input.items)),
});
