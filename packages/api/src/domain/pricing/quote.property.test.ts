import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isLineEligible } from "./eligibility.ts";
import type { PricingLine } from "./line.ts";
import type { PricingPromotion } from "./promotion.ts";
import { type PricedOrder, type PriceOrderInput, priceOrder, shippingCartOf } from "./quote.ts";
import { roundHalfEven } from "./rounding.ts";
import { exclusiveTaxCents } from "./tax.ts";

const PRODUCTS = ["p0", "p1", "p2", "p3", "p4", "p5"];
const CATEGORIES = ["c0", "c1", "c2", "c3"];

// Recurring prices make lines with equal subtotals (allocation ties) and exact rounding ties common.
const cents = (max: number) =>
  fc.oneof(fc.constantFrom(0, 1, 1000, 3333), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max }));
const ratePpm = fc.oneof(
  fc.constantFrom(0, 70_000, 82_500, 88_750, 190_000, 200_000),
  fc.integer({ min: 0, max: 1_000_000 }),
);

const pricingLine: fc.Arbitrary<PricingLine> = fc.record({
  key: fc.string({ minLength: 1, maxLength: 4 }),
  productId: fc.constantFrom(...PRODUCTS),
  categoryIds: fc.subarray(CATEGORIES),
  unitPriceCents: cents(100_000_000),
  quantity: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 10_000 })),
  weightGrams: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: undefined }),
});

const appliesTo = fc.option(
  fc.record(
    { productIds: fc.subarray(PRODUCTS), categoryIds: fc.subarray(CATEGORIES) },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

const promotion: fc.Arbitrary<PricingPromotion | undefined> = fc.option(
  fc.oneof(
    fc.record({ type: fc.constant("percentage" as const), percentPpm: ratePpm, appliesTo }),
    fc.record({ type: fc.constant("fixed" as const), amountCents: cents(2_000_000_000), appliesTo }),
    fc.record({ type: fc.constant("free_shipping" as const), appliesTo }),
  ),
  { nil: undefined },
);

/** A random order, and the same order with its lines shuffled. */
const order = fc
  .record({
    lines: fc.uniqueArray(pricingLine, { minLength: 1, maxLength: 8, selector: (line) => line.key }),
    shippingCents: cents(100_000),
    rateByProduct: fc.array(ratePpm, { minLength: PRODUCTS.length, maxLength: PRODUCTS.length }),
    shippingRatePpm: ratePpm,
    taxInclusive: fc.boolean(),
    promotion,
  })
  .chain((drawn) =>
    fc.tuple(
      fc.constant(drawn),
      fc.shuffledSubarray(drawn.lines, { minLength: drawn.lines.length, maxLength: drawn.lines.length }),
    ),
  )
  .map(([drawn, shuffled]) => {
    const input: PriceOrderInput = {
      lines: drawn.lines,
      shippingCents: drawn.shippingCents,
      taxRates: {
        lineRatePpm: (line) => drawn.rateByProduct[PRODUCTS.indexOf(line.productId)] ?? 0,
        shippingRatePpm: drawn.shippingRatePpm,
      },
      taxInclusive: drawn.taxInclusive,
      promotion: drawn.promotion,
    };
    return { input, shuffled };
  });

const sum = (values: readonly number[]) => values.reduce((acc, value) => acc + value, 0);

function amountsOf(priced: PricedOrder): number[] {
  const { lines, taxIncluded: _taxIncluded, ...totals } = priced;
  return [...Object.values(totals), ...lines.flatMap(({ key: _key, ...line }) => Object.values(line))];
}

describe("priceOrder properties", () => {
  it("adds the lines up to the order's totals, by the formula of its tax mode", () => {
    fc.assert(
      fc.property(order, ({ input }) => {
        const priced = priceOrder(input);
        const { lines } = priced;
        expect(priced.subtotal).toBe(sum(lines.map((line) => line.subtotal)));
        expect(priced.lineDiscount).toBe(sum(lines.map((line) => line.discount)));
        expect(priced.discount).toBe(priced.lineDiscount + priced.shippingDiscount);
        expect(priced.tax).toBe(sum(lines.map((line) => line.tax)) + priced.shippingTax);
        expect(priced.total).toBe(sum(lines.map((line) => line.lineTotal)) + priced.shippingTotal);
        expect(priced.taxIncluded).toBe(input.taxInclusive);
        const addedTax = priced.taxIncluded ? 0 : priced.tax;
        expect(priced.total).toBe(priced.subtotal - priced.discount + priced.shipping + addedTax);
        lines.forEach((line, index) => {
          const source = input.lines[index]!;
          expect(line.key).toBe(source.key);
          expect(line.subtotal).toBe(source.unitPriceCents * source.quantity);
          const lineTax = priced.taxIncluded ? 0 : line.tax;
          expect(line.lineTotal).toBe(line.subtotal - line.discount + lineTax);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("never yields a negative or fractional amount", () => {
    fc.assert(
      fc.property(order, ({ input }) => {
        for (const amount of amountsOf(priceOrder(input))) {
          expect(Number.isSafeInteger(amount)).toBe(true);
          expect(amount).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("never discounts more than what the discount applies to", () => {
    fc.assert(
      fc.property(order, ({ input }) => {
        const priced = priceOrder(input);
        const scope = input.promotion?.appliesTo;
        let eligibleSubtotal = 0;
        priced.lines.forEach((line, index) => {
          expect(line.discount).toBeLessThanOrEqual(line.subtotal);
          const eligible = input.promotion !== undefined && isLineEligible(scope, input.lines[index]!);
          if (eligible) eligibleSubtotal += line.subtotal;
          else expect(line.discount).toBe(0);
        });
        expect(priced.lineDiscount).toBeLessThanOrEqual(eligibleSubtotal);
        expect(priced.shippingDiscount).toBeLessThanOrEqual(priced.shipping);
        expect(priced.shippingTax).toBeLessThanOrEqual(priced.shipping - priced.shippingDiscount);

        const promotion = input.promotion;
        if (promotion?.type === "percentage") {
          const expected = roundHalfEven(BigInt(eligibleSubtotal) * BigInt(promotion.percentPpm), 1_000_000n);
          expect(priced.lineDiscount).toBe(Number(expected));
        } else if (promotion?.type === "fixed") {
          expect(priced.lineDiscount).toBe(Math.min(promotion.amountCents, eligibleSubtotal));
        } else {
          expect(priced.lineDiscount).toBe(0);
        }
        const freeShipping =
          promotion?.type === "free_shipping" && input.lines.some((line) => isLineEligible(scope, line));
        expect(priced.shippingDiscount).toBe(freeShipping ? priced.shipping : 0);
      }),
      { numRuns: 500 },
    );
  });

  it("gives the same result whatever the order of the lines", () => {
    fc.assert(
      fc.property(order, ({ input, shuffled }) => {
        const original = priceOrder(input);
        const reordered = priceOrder({ ...input, lines: shuffled });
        const { lines: originalLines, ...originalTotals } = original;
        const { lines: reorderedLines, ...reorderedTotals } = reordered;
        expect(reorderedTotals).toEqual(originalTotals);
        const byKey = (lines: PricedOrder["lines"]) =>
          Object.fromEntries(lines.map((line) => [line.key, line]));
        expect(byKey(reorderedLines)).toEqual(byKey(originalLines));
      }),
      { numRuns: 300 },
    );
  });

  it("agrees between tax-inclusive and exclusive pricing at rate 0", () => {
    fc.assert(
      fc.property(order, ({ input }) => {
        const untaxed = { ...input, taxRates: { lineRatePpm: () => 0, shippingRatePpm: 0 } };
        const inclusive = priceOrder({ ...untaxed, taxInclusive: true });
        const exclusive = priceOrder({ ...untaxed, taxInclusive: false });
        expect({ ...inclusive, taxIncluded: false }).toEqual(exclusive);
        expect(exclusive.tax).toBe(0);
      }),
    );
  });

  it("splits each tax-inclusive amount into net + tax, the tax within a cent of the net's exclusive tax", () => {
    fc.assert(
      fc.property(order, ({ input }) => {
        const priced = priceOrder({ ...input, taxInclusive: true });
        const discountsOnly = priceOrder({ ...input, taxInclusive: false });
        priced.lines.forEach((line, index) => {
          const gross = line.subtotal - line.discount;
          const net = gross - line.tax;
          expect(net).toBeGreaterThanOrEqual(0);
          expect(net + line.tax).toBe(gross);
          expect(line.lineTotal).toBe(gross);
          expect(Math.abs(exclusiveTaxCents(net, line.taxRatePpm) - line.tax)).toBeLessThanOrEqual(1);
          // The discount is the same either way: tax mode changes only the tax.
          expect(line.discount).toBe(discountsOnly.lines[index]!.discount);
        });
        const shippingGross = priced.shipping - priced.shippingDiscount;
        const shippingNet = shippingGross - priced.shippingTax;
        expect(shippingNet).toBeGreaterThanOrEqual(0);
        expect(
          Math.abs(exclusiveTaxCents(shippingNet, input.taxRates.shippingRatePpm) - priced.shippingTax),
        ).toBeLessThanOrEqual(1);
        expect(priced.total).toBe(discountsOnly.total - discountsOnly.tax);
      }),
    );
  });

  it("reports to shipping the subtotal after the same discount priceOrder applies", () => {
    fc.assert(
      fc.property(order, ({ input }) => {
        const priced = priceOrder(input);
        const cart = shippingCartOf(input.lines, input.promotion);
        expect(cart.subtotalAfterDiscountCents).toBe(priced.subtotal - priced.lineDiscount);
        const weights = input.lines.map((line) => line.weightGrams);
        const expectedWeight = weights.every((grams) => grams !== undefined)
          ? sum(input.lines.map((line) => line.weightGrams! * line.quantity))
          : null;
        expect(cart.weightGrams).toBe(expectedWeight);
      }),
    );
  });
});
