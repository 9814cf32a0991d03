import type { z } from "zod";
import { toMajorUnits } from "../domain/money.ts";
import { type CheckoutQuote, quoteCheckout } from "../services/checkout-quote.ts";
import { publicProcedure } from "../trpc.ts";
import { RestCheckoutQuote, RestCheckoutQuoteInput } from "./checkout-schemas.ts";
import { uncoerced } from "./uncoerced.ts";

// The shopper's checkout REST routes (issue 15), over the service checkout.quote calls; merged into
// the REST router. A quote creates nothing, so it answers 200.

export function toRestCheckoutQuote(quote: CheckoutQuote): z.infer<typeof RestCheckoutQuote> {
  const major = (cents: number) => toMajorUnits(cents, quote.currency);
  return {
    currency: quote.currency,
    subtotal: major(quote.subtotal),
    discount: major(quote.discount),
    shipping: major(quote.shipping),
    tax: major(quote.tax),
    total: major(quote.total),
    taxIncluded: quote.taxIncluded,
    lines: quote.lines.map((line) => ({
      variantId: line.variantId,
      productId: line.productId,
      quantity: line.quantity,
      unitPrice: major(line.unitPrice),
      discount: major(line.discount),
      tax: major(line.tax),
      lineTotal: major(line.lineTotal),
    })),
    shippingMethods: quote.shippingMethods.map((method) => ({ ...method, price: major(method.price) })),
    shippingMethodId: quote.shippingMethodId,
    promotion: quote.promotion,
  };
}

export const checkoutRestRoutes = {
  checkoutQuote: publicProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/checkout/quote",
        protect: false,
        tags: ["checkout"],
        summary:
          "What a cart costs to an address: subtotal, discount, shipping, tax and total, with the shipping methods that serve it and a discount code (guests too)",
      },
    })
    .input(uncoerced(RestCheckoutQuoteInput))
    .output(RestCheckoutQuote)
    .mutation(async ({ ctx, input }) =>
      toRestCheckoutQuote(
        await quoteCheckout(ctx.db, input, { userId: ctx.user?.id, email: ctx.user?.email, now: new Date() }),
      ),
    ),
};
