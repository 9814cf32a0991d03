import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors.ts";
import type { ProductView } from "../services/product-view.ts";
import { restPriceToCents, toRestOrderSummary, toRestProduct } from "./serialize.ts";

const product: ProductView = {
  id: "00000000-0000-4000-8000-000000000001",
  slug: "tea-bowl",
  name: "Tea bowl",
  description: "",
  priceCents: 1234,
  currency: "JPY",
  imageUrl: null,
  active: true,
  lowStockThreshold: 5,
  stock: 3,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  category: null,
};

describe("REST amounts in the currency's major units", () => {
  // Regression: REST divided every amount by 100, so a 1234 yen bowl read as 12.34 JPY.
  it("REST shows a yen price in yen and a dinar price to the fils, not in hundredths", () => {
    expect(toRestProduct(product).price).toBe(1234);
    expect(toRestProduct({ ...product, currency: "KWD" }).price).toBe(1.234);
    expect(toRestProduct({ ...product, currency: "USD" }).price).toBe(12.34);
    const summary = {
      id: product.id,
      number: 100001,
      userId: "user-1",
      status: "pending" as const,
      currency: "JPY",
      itemCount: 1,
      createdAt: new Date(0),
    };
    expect(toRestOrderSummary({ ...summary, totalCents: 5000 }).total).toBe(5000);
  });

  it("REST reads a price in the currency's major units, the inverse of what it shows", () => {
    expect(restPriceToCents(1234, "JPY")).toBe(1234);
    expect(restPriceToCents(1.234, "KWD")).toBe(1234);
    expect(restPriceToCents(19.99, "USD")).toBe(1999);
    for (const currency of ["JPY", "KWD", "USD"]) {
      expect(restPriceToCents(toRestProduct({ ...product, currency }).price, currency)).toBe(1234);
    }
  });

  it("a price finer than the currency's minor unit, or above the shared limit, is a 400, not a 500", () => {
    expect(() => restPriceToCents(12.5, "JPY")).toThrow(InvalidInputError);
    expect(() => restPriceToCents(12.5, "JPY")).toThrow("Use at most 0 decimals for JPY");
    expect(() => restPriceToCents(1.0005, "KWD")).toThrow("Use at most 3 decimals for KWD");
    expect(() => restPriceToCents(1.005, "USD")).toThrow("Use at most 2 decimals for USD");
    // 1,000,000 in a four-digit currency is 10^10 minor units, past what a price column holds.
    expect(() => restPriceToCents(1_000_000, "CLF")).toThrow(InvalidInputError);
    expect(() => restPriceToCents(1_000_000, "CLF")).toThrow("That price is too high");
  });
});
