import { CheckoutQuoteInput } from "../schemas/checkout.ts";
import { quoteCheckout } from "../services/checkout-quote.ts";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";

// Checkout for shoppers, guests included: what the cart costs to this address, with its shipping
// methods and a discount code. A mutation because its input is a whole cart.
export const checkoutRouter = createTRPCRouter({
  quote: publicProcedure
    .input(CheckoutQuoteInput)
    .mutation(({ ctx, input }) =>
      quoteCheckout(ctx.db, input, { userId: ctx.user?.id, email: ctx.user?.email, now: new Date() }),
    ),
});
