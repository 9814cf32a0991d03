import { describe, expect, it } from "vitest";
import type { PricingLine } from "./line.ts";
import { priceOrder, shippingCartOf } from "./quote.ts";
import type { TaxRates } from "./tax-provider.ts";

const line = (
  key: string,
  unitPriceCents: number,
  quantity = 1,
  extra: Partial<PricingLine> = {},
): PricingLine => ({
  key,
  productId: `product-${key}`,
  categoryIds: [],
  unitPriceCents,
  quantity,
  ...extra,
});
const flatTax = (ratePpm: number, shippingRatePpm = 0): TaxRates => ({
  lineRatePpm: () => ratePpm,
  shippingRatePpm,
});

describe("priceOrder, tax exclusive", () => {
  it("prices 3 × 33.33 with 10% off and 8.25% tax as one line (Vendure #2662)", () => {
    const order = priceOrder({
      lines: [line("a", 3333, 3)],
      shippingCents: 0,
      taxRates: flatTax(82_500),
      taxInclusive: false,
      promotion: { type: "percentage", percentPpm: 100_000 },
    });
    // 99.99 × 10% = 9.999 -> 10.00 off; (99.99 − 10.00) × 8.25% = 7.424175 -> 7.42.
    expect(order).toMatchObject({
      subtotal: 9999,
      discount: 1000,
      tax: 742,
      total: 9741,
      taxIncluded: false,
    });
    expect(order.lines).toEqual([
      {
        key: "a",
        quantity: 3,
        unitPrice: 3333,
        subtotal: 9999,
        discount: 1000,
        taxRatePpm: 82_500,
        tax: 742,
        lineTotal: 9741,
      },
    ]);
  });

  it("prices 3 × 33.33 as three lines, each rounded once, and the lines add up", () => {
    const order = priceOrder({
      lines: [line("c", 3333), line("a", 3333), line("b", 3333)],
      shippingCents: 0,
      taxRates: flatTax(82_500),
      taxInclusive: false,
      promotion: { type: "percentage", percentPpm: 100_000 },
    });
    // The 10.00 off is 3.333... a line: 3.33 each and the left-over cent to the smallest key, a.
    // Tax: a 29.99 × 8.25% = 2.474175 -> 2.47; b and c 30.00 × 8.25% = 2.475 -> 2.48 (half to even).
    expect(
      order.lines.map(({ key, discount, tax, lineTotal }) => ({ key, discount, tax, lineTotal })),
    ).toEqual([
      { key: "c", discount: 333, tax: 248, lineTotal: 3248 },
      { key: "a", discount: 334, tax: 247, lineTotal: 3246 },
      { key: "b", discount: 333, tax: 248, lineTotal: 3248 },
    ]);
    expect(order).toMatchObject({ subtotal: 9999, discount: 1000, tax: 743, total: 9742 });
  });

  it("spreads a fixed discount over three equal lines that cannot share it evenly", () => {
    const order = priceOrder({
      lines: [line("c", 1000), line("b", 1000), line("a", 1000)],
      shippingCents: 500,
      taxRates: flatTax(0),
      taxInclusive: false,
      promotion: { type: "fixed", amountCents: 1000 },
    });
    expect(order.lines.map(({ key, discount }) => [key, discount])).toEqual([
      ["c", 333],
      ["b", 333],
      ["a", 334],
    ]);
    expect(order).toMatchObject({ subtotal: 3000, discount: 1000, shipping: 500, tax: 0, total: 2500 });
  });

  it("caps a fixed discount at the eligible subtotal", () => {
    const order = priceOrder({
      lines: [line("a", 1000), line("b", 2000)],
      shippingCents: 700,
      taxRates: flatTax(100_000),
      taxInclusive: false,
      promotion: { type: "fixed", amountCents: 5000, appliesTo: { productIds: ["product-b"] } },
    });
    expect(order.lines.map(({ discount, tax }) => [discount, tax])).toEqual([
      [0, 100],
      [2000, 0],
    ]);
    expect(order).toMatchObject({ subtotal: 3000, discount: 2000, shipping: 700, tax: 100, total: 1800 });
  });

  it("discounts only the lines a scoped percentage applies to", () => {
    const order = priceOrder({
      lines: [line("a", 1000), line("b", 3000, 1, { categoryIds: ["sale"] })],
      shippingCents: 0,
      taxRates: flatTax(0),
      taxInclusive: false,
      promotion: { type: "percentage", percentPpm: 500_000, appliesTo: { categoryIds: ["sale"] } },
    });
    expect(order.lines.map(({ discount }) => discount)).toEqual([0, 1500]);
    expect(order.total).toBe(2500);
  });

  it("taxes each line at its own rate and the shipping at the shipping rate", () => {
    const order = priceOrder({
      lines: [line("food", 1000), line("book", 2000)],
      shippingCents: 499,
      taxRates: { lineRatePpm: (l) => (l.key === "food" ? 70_000 : 190_000), shippingRatePpm: 190_000 },
      taxInclusive: false,
    });
    // 70 + 380 on the lines; 4.99 × 19% = 0.9481 -> 0.95 on shipping.
    expect(order).toMatchObject({ tax: 545, shippingTax: 95, shippingTotal: 594, total: 3000 + 499 + 545 });
  });

  it("waives the shipping for a free-shipping code and reports it as a discount", () => {
    const order = priceOrder({
      lines: [line("a", 1000, 2)],
      shippingCents: 599,
      taxRates: flatTax(100_000, 100_000),
      taxInclusive: false,
      promotion: { type: "free_shipping" },
    });
    expect(order).toMatchObject({
      subtotal: 2000,
      discount: 599,
      lineDiscount: 0,
      shipping: 599,
      shippingDiscount: 599,
      shippingTax: 0,
      tax: 200,
      shippingTotal: 0,
      total: 2200,
    });
  });

  it("keeps the shipping when a scoped free-shipping code matches no line", () => {
    const order = priceOrder({
      lines: [line("a", 1000, 2)],
      shippingCents: 599,
      taxRates: flatTax(100_000, 100_000),
      taxInclusive: false,
      promotion: { type: "free_shipping", appliesTo: { productIds: ["other"] } },
    });
    expect(order).toMatchObject({ discount: 0, shippingDiscount: 0, shippingTax: 60, tax: 260, total: 2859 });
  });
});

describe("priceOrder, tax inclusive", () => {
  it("shows the tax inside discounted prices and shipping without adding it again", () => {
    const order = priceOrder({
      lines: [line("x", 1250, 2)],
      shippingCents: 500,
      taxRates: flatTax(200_000, 200_000),
      taxInclusive: true,
      promotion: { type: "percentage", percentPpm: 100_000 },
    });
    // 25.00 − 10% = 22.50, of which 20% VAT is 22.50 / 6 = 3.75; shipping 5.00 holds 0.8333 -> 0.83.
    expect(order).toMatchObject({
      subtotal: 2500,
      discount: 250,
      shipping: 500,
      shippingTax: 83,
      tax: 458,
      shippingTotal: 500,
      total: 2750,
      taxIncluded: true,
    });
    expect(order.lines[0]).toMatchObject({ discount: 250, tax: 375, lineTotal: 2250 });
  });

  it("agrees with exclusive pricing when the rate is 0", () => {
    const input = {
      lines: [line("a", 1999, 3), line("b", 5)],
      shippingCents: 450,
      taxRates: flatTax(0),
      promotion: { type: "fixed", amountCents: 777 } as const,
    };
    const inclusive = priceOrder({ ...input, taxInclusive: true });
    const exclusive = priceOrder({ ...input, taxInclusive: false });
    expect({ ...inclusive, taxIncluded: false }).toEqual(exclusive);
  });
});

describe("priceOrder input checks", () => {
  const base = { shippingCents: 0, taxRates: flatTax(0), taxInclusive: false };

  it("refuses malformed lines", () => {
    expect(() => priceOrder({ ...base, lines: [line("a", 100), line("a", 200)] })).toThrow(/twice/);
    expect(() => priceOrder({ ...base, lines: [line("", 100)] })).toThrow(/key/);
    expect(() => priceOrder({ ...base, lines: [line("a", 100, 0)] })).toThrow(/quantity/);
    expect(() => priceOrder({ ...base, lines: [line("a", 100, 1.5)] })).toThrow(RangeError);
    expect(() => priceOrder({ ...base, lines: [line("a", -1)] })).toThrow(/unit price/);
    expect(() => priceOrder({ ...base, lines: [line("a", 10.5)] })).toThrow(RangeError);
    expect(() => priceOrder({ ...base, lines: [line("a", Number.MAX_SAFE_INTEGER, 2)] })).toThrow(/safe/);
  });

  it("refuses bad rates, shipping and discounts", () => {
    const lines = [line("a", 100)];
    expect(() => priceOrder({ ...base, lines, taxRates: flatTax(1_000_001) })).toThrow(
      /tax rate of line "a"/,
    );
    expect(() => priceOrder({ ...base, lines, taxRates: flatTax(0, -1) })).toThrow(/shipping tax rate/);
    expect(() => priceOrder({ ...base, lines, shippingCents: -1 })).toThrow(/shipping price/);
    expect(() =>
      priceOrder({ ...base, lines, promotion: { type: "percentage", percentPpm: 1_000_001 } }),
    ).toThrow(/percentage discount/);
    expect(() => priceOrder({ ...base, lines, promotion: { type: "fixed", amountCents: -5 } })).toThrow(
      /fixed discount/,
    );
  });

  it("prices an empty cart as nothing", () => {
    expect(priceOrder({ ...base, lines: [], shippingCents: 300 })).toMatchObject({ subtotal: 0, total: 300 });
  });
});

describe("shippingCartOf", () => {
  it("gives the subtotal after the order discount and the total weight", () => {
    const lines = [line("a", 3000, 2, { weightGrams: 250 }), line("b", 1000, 1, { weightGrams: 1200 })];
    expect(shippingCartOf(lines, { type: "fixed", amountCents: 1500 })).toEqual({
      subtotalAfterDiscountCents: 5500,
      weightGrams: 1700,
    });
    expect(shippingCartOf(lines, { type: "free_shipping" }).subtotalAfterDiscountCents).toBe(7000);
    expect(shippingCartOf([...lines, line("c", 100)]).weightGrams).toBeNull();
  });
});
