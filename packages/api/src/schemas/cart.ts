import { z } from "zod";

export const MAX_CART_QUANTITY = 99;

const productId = z.uuid({ message: "Not a product id" });
const quantity = z.number().int().min(1).max(MAX_CART_QUANTITY, `At most ${MAX_CART_QUANTITY} of one item`);

export const CartAddInput = z.object({ productId, quantity: quantity.default(1) });
export const CartSetQuantityInput = z.object({
  productId,
  quantity: z.number().int().min(0).max(MAX_CART_QUANTITY),
});
export const CartRemoveInput = z.object({ productId });
/** A guest cart kept in the browser, merged into the account at sign-in. */
export const CartMergeInput = z.object({ items: z.array(z.object({ productId, quantity })).max(100) });
