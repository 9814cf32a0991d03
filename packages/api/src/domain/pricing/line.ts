import { lineTotalCents, type PricedLine } from "../money.ts";
import { assertCents, assertQuantity } from "./validate.ts";

/**
 * One cart line as the pricing engine sees it. `key` identifies the line (the variant id, or the product
 * id for a single-variant product) and must be unique in a cart: it breaks allocation ties, so results
 * depend on keys and never on the order of lines.
 */
export interface PricingLine extends PricedLine {
  key: string;
  productId: string;
  variantId?: string | undefined;
  categoryIds: readonly string[];
  /** Weight of one unit in grams, for weight-based shipping; unknown when absent. */
  weightGrams?: number | undefined;
}

/** Checks a cart's lines and returns each line's subtotal (unit price × quantity), in line order. */
export function lineSubtotals(lines: readonly PricingLine[]): number[] {
  const keys = new Set<string>();
  return lines.map((line) => {
    if (typeof line.key !== "string" || line.key === "") throw new RangeError("a line needs a non-empty key");
    if (keys.has(line.key)) throw new RangeError(`line key "${line.key}" appears twice`);
    keys.add(line.key);
    assertCents(line.unitPriceCents, `unit price of line "${line.key}"`);
    assertQuantity(line.quantity, `quantity of line "${line.key}"`);
    if (line.weightGrams !== undefined) assertCents(line.weightGrams, `weight of line "${line.key}"`);
    // Both factors are safe integers, so the float product is exact whenever it is itself safe.
    const subtotal = lineTotalCents(line);
    if (!Number.isSafeInteger(subtotal)) {
      throw new RangeError(`subtotal of line "${line.key}" is beyond the safe integer range`);
    }
    return subtotal;
  });
}

/**
 * Total weight of the cart in grams, or null when some line's weight is unknown (a weight-based method
 * cannot price such a cart; give such lines a weight, even 0, to let it).
 */
export function cartWeightGrams(lines: readonly PricingLine[]): number | null {
  let grams = 0n;
  for (const line of lines) {
    if (line.weightGrams === undefined) return null;
    assertCents(line.weightGrams, `weight of line "${line.key}"`);
    assertQuantity(line.quantity, `quantity of line "${line.key}"`);
    grams += BigInt(line.weightGrams) * BigInt(line.quantity);
  }
  if (grams > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError("cart weight is beyond the safe range");
  return Number(grams);
}
