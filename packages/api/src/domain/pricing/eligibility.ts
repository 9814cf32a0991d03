import { lineSubtotals, type PricingLine } from "./line.ts";
import { toSafeNumber } from "./validate.ts";

/**
 * What a promotion applies to: lines of these products and/or of these categories (a line matching
 * either list is eligible). Absent, null, or both lists empty means the whole order.
 */
export interface PromotionScope {
  productIds?: readonly string[] | undefined;
  categoryIds?: readonly string[] | undefined;
}

export function coversWholeOrder(scope: PromotionScope | null | undefined): boolean {
  return !scope || ((scope.productIds?.length ?? 0) === 0 && (scope.categoryIds?.length ?? 0) === 0);
}

export function isLineEligible(scope: PromotionScope | null | undefined, line: PricingLine): boolean {
  if (!scope || coversWholeOrder(scope)) return true;
  if (scope.productIds?.includes(line.productId)) return true;
  return line.categoryIds.some((categoryId) => scope.categoryIds?.includes(categoryId) ?? false);
}

/** What promotionRefusal needs to know about the cart: whether any line is eligible, and their subtotal. */
export interface CartEligibility {
  anyLineEligible: boolean;
  eligibleSubtotalCents: number;
}

export function cartEligibility(
  scope: PromotionScope | null | undefined,
  lines: readonly PricingLine[],
): CartEligibility {
  const subtotals = lineSubtotals(lines);
  let anyLineEligible = false;
  let subtotal = 0n;
  lines.forEach((line, index) => {
    if (!isLineEligible(scope, line)) return;
    anyLineEligible = true;
    subtotal += BigInt(subtotals[index] ?? 0);
  });
  return { anyLineEligible, eligibleSubtotalCents: toSafeNumber(subtotal, "eligible subtotal") };
}
