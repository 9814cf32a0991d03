import { describe, expect, it } from "vitest";
import type { ProductView } from "../services/product-view.ts";
import { toRestOrderSummary, toRestProduct } from "./serialize.ts";

const product: ProductView = {
  id: "00000000-0000-4000-8000-000000000001",
  slug: "tea-bowl",
  name: "Tea bowl",
  description: "",
  priceCents: 1234,
  maxPriceCents: 2468,
  currency: "JPY",
  imageUrl: null,
  active: true,
  lowStockThreshold: 5,
  stock: 3,
  inStock: true,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  category: null,
};

describe("REST amounts in the currency's major units", () => {
  // Regression: REST divided every amount by 100, so a 1234 yen bowl read as 12.34 JPY.
  it("REST shows a yen price in yen and a dinar price to the fils, not in hundredths", () => {
    expect(toRestProduct(product).price).toBe(1234);
    expect(toRestProduct(product).priceRange).toEqual({ min: 1234, max: 2468 });
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
});
