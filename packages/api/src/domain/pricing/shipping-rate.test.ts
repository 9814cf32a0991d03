import { describe, expect, it } from "vitest";
import { type ShippingRate, shippingPriceCents } from "./shipping-rate.ts";

const cart = (subtotalAfterDiscountCents: number, weightGrams: number | null = 0) => ({
  subtotalAfterDiscountCents,
  weightGrams,
});

describe("shippingPriceCents", () => {
  it("prices a flat rate the same for every cart", () => {
    expect(shippingPriceCents({ type: "flat", priceCents: 499 }, cart(0))).toBe(499);
    expect(shippingPriceCents({ type: "flat", priceCents: 499 }, cart(1_000_000, null))).toBe(499);
  });

  it("waives free_over once the discounted subtotal reaches the threshold", () => {
    const rate: ShippingRate = { type: "free_over", priceCents: 599, thresholdCents: 5000 };
    expect(shippingPriceCents(rate, cart(4999))).toBe(599);
    expect(shippingPriceCents(rate, cart(5000))).toBe(0);
    expect(shippingPriceCents(rate, cart(12_000))).toBe(0);
  });

  it("prices by weight tier, upper bounds inclusive", () => {
    const rate: ShippingRate = {
      type: "weight",
      tiers: [
        { upToGrams: 500, priceCents: 300 },
        { upToGrams: 2000, priceCents: 700 },
      ],
    };
    expect(shippingPriceCents(rate, cart(0, 0))).toBe(300);
    expect(shippingPriceCents(rate, cart(0, 500))).toBe(300);
    expect(shippingPriceCents(rate, cart(0, 501))).toBe(700);
    expect(shippingPriceCents(rate, cart(0, 2000))).toBe(700);
    expect(shippingPriceCents(rate, cart(0, 2001))).toBeNull();
    expect(shippingPriceCents(rate, cart(0, null))).toBeNull();
  });

  it("lets an open last tier take any heavier cart", () => {
    const rate: ShippingRate = {
      type: "weight",
      tiers: [
        { upToGrams: 1000, priceCents: 500 },
        { upToGrams: null, priceCents: 1500 },
      ],
    };
    expect(shippingPriceCents(rate, cart(0, 1001))).toBe(1500);
    expect(shippingPriceCents(rate, cart(0, 90_000_000))).toBe(1500);
  });

  it("refuses malformed methods", () => {
    const weight = (tiers: { upToGrams: number | null; priceCents: number }[]): ShippingRate => ({
      type: "weight",
      tiers,
    });
    expect(() => shippingPriceCents(weight([]), cart(0))).toThrow(/at least one tier/);
    expect(() =>
      shippingPriceCents(
        weight([
          { upToGrams: 1000, priceCents: 1 },
          { upToGrams: 1000, priceCents: 2 },
        ]),
        cart(0),
      ),
    ).toThrow(/ascending/);
    expect(() =>
      shippingPriceCents(
        weight([
          { upToGrams: null, priceCents: 1 },
          { upToGrams: 1000, priceCents: 2 },
        ]),
        cart(0),
      ),
    ).toThrow(/last/);
    expect(() => shippingPriceCents({ type: "flat", priceCents: -1 }, cart(0))).toThrow(RangeError);
    expect(() => shippingPriceCents({ type: "flat", priceCents: 1 }, cart(-5))).toThrow(RangeError);
  });
});
