import { assertCents } from "./validate.ts";

/** A weight tier: carts up to and including `upToGrams` pay `priceCents`; null is "any weight above". */
export interface WeightTier {
  upToGrams: number | null;
  priceCents: number;
}

/**
 * How a shipping method prices a cart:
 * - `flat`: always `priceCents`;
 * - `free_over`: `priceCents`, or 0 once the cart's subtotal after discount reaches `thresholdCents`;
 * - `weight`: the first tier (ascending `upToGrams`) the cart's total weight fits in; a last tier with
 *   `upToGrams: null` takes any heavier cart, and without one a heavier cart is not served.
 */
export type ShippingRate =
  | { type: "flat"; priceCents: number }
  | { type: "free_over"; priceCents: number; thresholdCents: number }
  | { type: "weight"; tiers: readonly WeightTier[] };

export interface ShippingCart {
  /**
   * Sum of line subtotals minus the order discount spread over them (not counting any shipping
   * discount), before shipping and tax; in a tax-inclusive shop that is the tax-inclusive amount the
   * shopper sees. This is what `free_over` compares with its threshold, so a code cannot push a cart
   * under the threshold unnoticed: the quote shows the shipping that results.
   */
  subtotalAfterDiscountCents: number;
  /** Total weight in grams, or null when some line's weight is unknown. */
  weightGrams: number | null;
}

/** The method's price for this cart in minor units, or null when the method cannot serve it. */
export function shippingPriceCents(rate: ShippingRate, cart: ShippingCart): number | null {
  assertCents(cart.subtotalAfterDiscountCents, "subtotal after discount");
  switch (rate.type) {
    case "flat":
      assertCents(rate.priceCents, "flat shipping price");
      return rate.priceCents;
    case "free_over":
      assertCents(rate.priceCents, "shipping price");
      assertCents(rate.thresholdCents, "free shipping threshold");
      return cart.subtotalAfterDiscountCents >= rate.thresholdCents ? 0 : rate.priceCents;
    case "weight":
      return weightTierPrice(rate.tiers, cart.weightGrams);
  }
}

function weightTierPrice(tiers: readonly WeightTier[], weightGrams: number | null): number | null {
  assertWeightTiers(tiers);
  if (weightGrams === null) return null;
  assertCents(weightGrams, "cart weight in grams");
  const tier = tiers.find(({ upToGrams }) => upToGrams === null || weightGrams <= upToGrams);
  return tier ? tier.priceCents : null;
}

/** Tiers must rise strictly, and only the last may be open-ended. */
export function assertWeightTiers(tiers: readonly WeightTier[]): void {
  if (tiers.length === 0) throw new RangeError("a weight-based method needs at least one tier");
  let previous = -1;
  tiers.forEach(({ upToGrams, priceCents }, index) => {
    assertCents(priceCents, `price of weight tier ${index + 1}`);
    if (upToGrams === null) {
      if (index !== tiers.length - 1)
        throw new RangeError("only the last weight tier may have no upper bound");
      return;
    }
    assertCents(upToGrams, `upper bound of weight tier ${index + 1}`);
    if (upToGrams <= previous) throw new RangeError("weight tiers must have strictly ascending upper bounds");
    previous = upToGrams;
  });
}
