/** At most this many of one product per order line (the API's own cap). */
export const MAX_LINE_QUANTITY = 99;

/** How many of a product one line may hold: what is on hand, up to the per-line cap. */
export function lineLimit(stock: number): number {
  return Math.max(0, Math.min(MAX_LINE_QUANTITY, stock));
}

/**
 * Whether `requested` more can be added next to the `inCart` already there. A request over what is left
 * is refused with the number that can still be added, never silently cut down.
 */
export function checkAddition(
  requested: number,
  stock: number,
  inCart: number,
): { ok: true } | { ok: false; canAdd: number; message: string } {
  const canAdd = Math.max(0, lineLimit(stock) - inCart);
  if (requested <= canAdd) return { ok: true };
  const message =
    canAdd === 0
      ? inCart > 0
        ? `All ${inCart} available are already in your cart`
        : "Sold out"
      : inCart > 0
        ? `Only ${canAdd} more available (${inCart} already in your cart)`
        : `Only ${canAdd} available`;
  return { ok: false, canAdd, message };
}

/** What to say beside a quantity at its limit: the stock, or the per-line cap when that is lower. */
export function limitNote(stock: number): string {
  return stock > MAX_LINE_QUANTITY
    ? `At most ${MAX_LINE_QUANTITY} per order`
    : `Only ${lineLimit(stock)} available`;
}
