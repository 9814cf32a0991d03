import { describe, expect, it } from "vitest";
import { ProductFormSchema, type ProductFormValues, productFormDefaults } from "./product-form";

const filled: ProductFormValues = { ...productFormDefaults(), name: "Harbor Wool Blanket", price: "89.50" };

function fieldErrors(values: ProductFormValues) {
  const result = ProductFormSchema.safeParse(values);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
}

describe("the product form's schema (the API's CreateProductInput over what was typed)", () => {
  it("turns the typed price into minor units of the currency and fills the API's defaults", () => {
    expect(ProductFormSchema.parse(filled)).toMatchObject({
      name: "Harbor Wool Blanket",
      priceCents: 8950,
      currency: "USD",
      categoryId: null,
      imageUrl: null,
      lowStockThreshold: 5,
      stock: 0,
      description: "",
    });
    expect(ProductFormSchema.parse({ ...filled, price: "1200", currency: "JPY" }).priceCents).toBe(1200);
  });

  it("reports the API's messages on the form's own fields", () => {
    expect(fieldErrors({ ...filled, name: "  " })).toEqual({ name: "Enter a name" });
    expect(fieldErrors({ ...filled, price: "" })).toEqual({ price: "Enter a price" });
    expect(fieldErrors({ ...filled, name: "", price: "" })).toEqual({
      name: "Enter a name",
      price: "Enter a price",
    });
    expect(fieldErrors({ ...filled, price: "-1" })).toEqual({ price: "Must be zero or more" });
    expect(fieldErrors({ ...filled, price: "2000000" })).toEqual({ price: "That price is too high" });
    expect(fieldErrors({ ...filled, currency: "usd" })).toEqual({
      currency: "Use a three-letter currency code such as USD",
    });
    expect(fieldErrors({ ...filled, slug: "Not A Slug" })).toEqual({
      slug: "Use lowercase letters, digits and single hyphens",
    });
    expect(fieldErrors({ ...filled, imageUrl: "javascript:alert(1)" })).toEqual({
      imageUrl: "Use a path such as /images/x.svg or an http(s) URL",
    });
    expect(Object.keys(fieldErrors({ ...filled, stock: "-2" }))).toEqual(["stock"]);
  });
});
