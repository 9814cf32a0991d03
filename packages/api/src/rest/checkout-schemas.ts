import { z } from "zod";
import { CheckoutQuoteInput } from "../schemas/checkout.ts";

// REST shapes of the checkout quote (issue 15): the input is the shared schema as it is (it has no
// amounts), the answer has every amount in decimal major units of `currency`, as every REST route.

const amount = z.number().meta({
  description: "Decimal amount in major units of `currency`, e.g. 99.99 USD, 1234 JPY",
  example: 24.99,
});

export const RestCheckoutQuoteInput = CheckoutQuoteInput;

export const RestCheckoutQuote = z.object({
  currency: z.string(),
  subtotal: amount,
  discount: amount.meta({ description: "Everything the code takes off, a waived shipping price included" }),
  shipping: amount.meta({ description: "The chosen method's price, before any discount" }),
  tax: amount.meta({ description: "Added to the total, or when `taxIncluded` the part of it that is tax" }),
  total: amount,
  taxIncluded: z.boolean(),
  lines: z.array(
    z.object({
      variantId: z.string(),
      productId: z.string(),
      quantity: z.number().int(),
      unitPrice: amount,
      discount: amount,
      tax: amount,
      lineTotal: amount,
    }),
  ),
  shippingMethods: z
    .array(z.object({ id: z.string(), name: z.string(), price: amount, estimate: z.string() }))
    .meta({ description: "Every method that can serve this cart to this address, cheapest first" }),
  shippingMethodId: z.string(),
  promotion: z.object({ code: z.string(), description: z.string() }).nullable(),
});
