import { allocate } from "./allocate.ts";
import { isLineEligible } from "./eligibility.ts";
import type { PricingLine } from "./line.ts";
import { assertPromotionDiscount, type PricingPromotion, type PromotionDiscount } from "./promotion.ts";
import { roundHalfEven } from "./rounding.ts";
import { assertCents, PPM_ONE_BIG, toSafeNumber } from "./validate.ts";

/**
 * The order-level amount a discount takes off eligible lines worth `eligibleSubtotalCents`, computed
 * once: a percentage is round-half-even of subtotal × rate; a fixed amount is capped at the subtotal;
 * free shipping takes nothing off the lines.
 */
export function orderDiscountCents(discount: PromotionDiscount, eligibleSubtotalCents: number): number {
  assertPromotionDiscount(discount);
  assertCents(eligibleSubtotalCents, "eligible subtotal");
  switch (discount.type) {
    case "percentage":
      return toSafeNumber(
        roundHalfEven(BigInt(eligibleSubtotalCents) * BigInt(discount.percentPpm), PPM_ONE_BIG),
        "discount",
      );
    case "fixed":
      return Math.min(discount.amountCents, eligibleSubtotalCents);
    case "free_shipping":
      return 0;
  }
}

export interface LineDiscounts {
  /** Each line's share of the order discount, in line order; they add up to `orderDiscountCents`. */
  perLine: number[];
  orderDiscountCents: number;
  /** Whether the shipping price is waived (a free-shipping code with at least one eligible line). */
  freeShipping: boolean;
}

/**
 * Spreads a promotion's order discount over its eligible lines in proportion to their subtotals, by
 * largest remainder keyed by line key, so no line's share exceeds its subtotal and the shares add up to
 * the order discount exactly. `subtotals` are the lines' subtotals (from lineSubtotals), in line order.
 */
export function discountLines(
  lines: readonly PricingLine[],
  subtotals: readonly number[],
  promotion: PricingPromotion | null | undefined,
): LineDiscounts {
  if (!promotion) return { perLine: lines.map(() => 0), orderDiscountCents: 0, freeShipping: false };
  const eligible = lines.map((line) => isLineEligible(promotion.appliesTo, line));
  const weights = lines.map((line, index) => ({
    key: line.key,
    weight: eligible[index] ? (subtotals[index] ?? 0) : 0,
  }));
  const eligibleSubtotal = toSafeNumber(
    weights.reduce((sum, { weight }) => sum + BigInt(weight), 0n),
    "eligible subtotal",
  );
  const total = orderDiscountCents(promotion, eligibleSubtotal);
  return {
    perLine: allocate(total, weights),
    orderDiscountCents: total,
    freeShipping: promotion.type === "free_shipping" && eligible.some(Boolean),
  };
}
