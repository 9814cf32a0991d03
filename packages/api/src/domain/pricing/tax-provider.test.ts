import { describe, expect, it } from "vitest";
import type { PricingLine } from "./line.ts";
import { type TaxTable, tableTaxProvider, tableTaxRates } from "./tax-provider.ts";

const table: TaxTable = {
  US: {
    ratePpm: 0,
    regions: {
      CA: { ratePpm: 72_500 },
      NY: { ratePpm: 88_750, shippingRatePpm: 88_750 },
    },
  },
  DE: { ratePpm: 190_000, shippingRatePpm: 190_000 },
  CA: { ratePpm: 50_000, shippingRatePpm: 50_000, regions: { QC: { ratePpm: 149_750 } } },
};

const line: PricingLine = { key: "v1", productId: "p1", categoryIds: [], unitPriceCents: 1000, quantity: 1 };

describe("tableTaxRates", () => {
  it("uses the region's override, else the country's default", () => {
    expect(tableTaxRates(table, { country: "US", region: "CA" })).toEqual({
      ratePpm: 72_500,
      shippingRatePpm: 0,
    });
    expect(tableTaxRates(table, { country: "US", region: "NY" })).toEqual({
      ratePpm: 88_750,
      shippingRatePpm: 88_750,
    });
    expect(tableTaxRates(table, { country: "US", region: "OR" })).toEqual({ ratePpm: 0, shippingRatePpm: 0 });
    expect(tableTaxRates(table, { country: "DE" })).toEqual({ ratePpm: 190_000, shippingRatePpm: 190_000 });
  });

  it("falls back to the country's shipping rate for a region without one", () => {
    expect(tableTaxRates(table, { country: "CA", region: "QC" })).toEqual({
      ratePpm: 149_750,
      shippingRatePpm: 50_000,
    });
  });

  it("ignores case and spaces in codes, and taxes nothing in a country missing from the table", () => {
    expect(tableTaxRates(table, { country: " us ", region: "ca" }).ratePpm).toBe(72_500);
    expect(tableTaxRates(table, { country: "JP" })).toEqual({ ratePpm: 0, shippingRatePpm: 0 });
    expect(tableTaxRates(table, { country: "constructor" })).toEqual({ ratePpm: 0, shippingRatePpm: 0 });
    expect(tableTaxRates(table, { country: "US", region: "toString" }).ratePpm).toBe(0);
  });

  it("refuses a table with an impossible rate", () => {
    expect(() => tableTaxRates({ XX: { ratePpm: 2_000_000 } }, { country: "XX" })).toThrow(RangeError);
  });
});

describe("tableTaxProvider", () => {
  it("gives every line of the cart the address's rate", () => {
    const rates = tableTaxProvider(table).ratesFor([line], { country: "DE" });
    expect(rates.lineRatePpm(line)).toBe(190_000);
    expect(rates.shippingRatePpm).toBe(190_000);
  });
});
