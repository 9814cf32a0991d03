import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ShippingRate, shippingPriceCents, type WeightTier } from "./shipping-rate.ts";

const cents = fc.integer({ min: 0, max: 1_000_000 });
const grams = fc.integer({ min: 0, max: 100_000 });

const tiers: fc.Arbitrary<WeightTier[]> = fc
  .tuple(
    fc.uniqueArray(grams, { minLength: 1, maxLength: 6 }),
    fc.array(cents, { minLength: 7, maxLength: 7 }),
    fc.boolean(),
  )
  .map(([bounds, prices, openEnded]) => {
    const ascending = [...bounds].sort((a, b) => a - b);
    const list: WeightTier[] = ascending.map((upToGrams, index) => ({
      upToGrams,
      priceCents: prices[index]!,
    }));
    if (openEnded) list.push({ upToGrams: null, priceCents: prices[6]! });
    return list;
  });

const rate: fc.Arbitrary<ShippingRate> = fc.oneof(
  fc.record({ type: fc.constant("flat" as const), priceCents: cents }),
  fc.record({ type: fc.constant("free_over" as const), priceCents: cents, thresholdCents: cents }),
  fc.record({ type: fc.constant("weight" as const), tiers }),
);

const cart = fc.record({ subtotalAfterDiscountCents: cents, weightGrams: fc.option(grams, { nil: null }) });

describe("shippingPriceCents properties", () => {
  it("answers a non-negative price or null, null only for a weight method", () => {
    fc.assert(
      fc.property(rate, cart, (method, shoppingCart) => {
        const price = shippingPriceCents(method, shoppingCart);
        if (price === null) expect(method.type).toBe("weight");
        else expect(Number.isSafeInteger(price) && price >= 0).toBe(true);
      }),
    );
  });

  it("waives free_over exactly from the threshold on", () => {
    fc.assert(
      fc.property(cents, cents, cart, (priceCents, thresholdCents, shoppingCart) => {
        const price = shippingPriceCents({ type: "free_over", priceCents, thresholdCents }, shoppingCart);
        expect(price).toBe(shoppingCart.subtotalAfterDiscountCents >= thresholdCents ? 0 : priceCents);
      }),
    );
  });

  it("prices a weight by the lightest tier that holds it, and serves nothing heavier than a closed last tier", () => {
    fc.assert(
      fc.property(tiers, grams, (list, weightGrams) => {
        const price = shippingPriceCents(
          { type: "weight", tiers: list },
          { subtotalAfterDiscountCents: 0, weightGrams },
        );
        const holding = list.filter(({ upToGrams }) => upToGrams === null || weightGrams <= upToGrams);
        expect(price).toBe(holding[0]?.priceCents ?? null);
        const last = list[list.length - 1]!;
        if (last.upToGrams !== null && weightGrams > last.upToGrams) expect(price).toBeNull();
        if (last.upToGrams === null) expect(price).not.toBeNull();
      }),
    );
  });
});
