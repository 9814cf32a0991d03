import { z } from "zod";
import { CreateOrderInput, ShippingAddressSchema } from "./order.ts";
import { singleLineText } from "./text.ts";

/** Longest discount code a shopper may type (codes are 3-40 characters). */
export const MAX_PROMOTION_CODE_LENGTH = 40;

/**
 * A checkout quote's input: the order's items and address, the chosen shipping method (the cheapest
 * when absent) and the discount code the shopper typed (absent or blank for none).
 */
export const CheckoutQuoteInput = z.object({
  items: CreateOrderInput.shape.items,
  shippingAddress: ShippingAddressSchema,
  shippingMethodId: singleLineText().trim().min(1, "Choose a shipping method").max(100).optional(),
  promotionCode: singleLineText()
    .trim()
    .max(MAX_PROMOTION_CODE_LENGTH, `Use at most ${MAX_PROMOTION_CODE_LENGTH} characters`)
    .optional(),
});
