import { z } from "zod";
import { hasVariantRef, VARIANT_REF_REQUIRED, VariantRefFields } from "./variant.ts";

export const MAX_CART_QUANTITY = 99;

const quantity = z.number().int().min(1).max(MAX_CART_QUANTITY, `At most ${MAX_CART_QUANTITY} of one item`);

/** A cart line is a variant (`variantId`), or a product with one active variant (`productId`). */
export const CartAddInput = z
  .object({ ...VariantRefFields, quantity: quantity.default(1) })
  .refine(hasVariantRef, VARIANT_REF_REQUIRED);
export const CartSetQuantityInput = z
  .object({ ...VariantRefFields, quantity: z.number().int().min(0).max(MAX_CART_QUANTITY) })
  .refine(hasVariantRef, VARIANT_REF_REQUIRED);
/** Removes the variant's line, or every line of the product. */
export const CartRemoveInput = z.object(VariantRefFields).refine(hasVariantRef, VARIANT_REF_REQUIRED);
/** A guest cart kept in the browser, merged into the account at sign-in. */
export const CartMergeInput = z.object({
  items: z
    .array(z.object({ ...VariantRefFields, quantity }).refine(hasVariantRef, VARIANT_REF_REQUIRED))
    .max(100),
});
