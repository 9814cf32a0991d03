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

describe("a new product with options (its variants generated into the grid)", () => {
  const row = (options: Record<string, string>, price: string, stock = "0") => ({
    id: "",
    version: -1,
    options,
    title: Object.values(options).join(" / "),
    sku: "",
    price,
    compareAtPrice: "",
    stock,
    active: true,
  });
  const withOptions: ProductFormValues = {
    ...filled,
    price: "",
    options: [{ name: "Size", values: "S, M" }],
    variants: [row({ Size: "S" }, "20", "3"), row({ Size: "M" }, "22.50")],
  };

  it("sends the options and each variant's price in minor units and stock, not the product's price", () => {
    const parsed = ProductFormSchema.parse(withOptions);
    expect(parsed.options).toEqual([{ name: "Size", values: ["S", "M"] }]);
    expect(parsed.variants).toEqual([
      { options: { Size: "S" }, priceCents: 2000, compareAtPriceCents: null, stock: 3, active: true },
      { options: { Size: "M" }, priceCents: 2250, compareAtPriceCents: null, stock: 0, active: true },
    ]);
  });

  it("reports problems on the option or the variant's row, and asks for the variants to be generated", () => {
    const errors = (values: ProductFormValues) => {
      const result = ProductFormSchema.safeParse(values);
      return result.success
        ? {}
        : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
    };
    expect(errors({ ...withOptions, variants: [] })).toEqual({
      variants: "Generate the variants of these options",
    });
    expect(errors({ ...withOptions, options: [{ name: "Size", values: "S, S" }] })).toMatchObject({
      "options.0.values": 'Value "S" is listed twice',
    });
    expect(
      errors({
        ...withOptions,
        variants: [
          { ...row({ Size: "S" }, ""), sku: "TEE-S" },
          { ...row({ Size: "M" }, "1"), sku: "TEE-S" },
        ],
      }),
    ).toEqual({ "variants.0.price": "Enter a price" });
    expect(
      errors({
        ...withOptions,
        variants: [
          { ...row({ Size: "S" }, "1"), sku: "TEE-S" },
          { ...row({ Size: "M" }, "1"), sku: "TEE-S" },
        ],
      }),
    ).toEqual({ "variants.1.sku": "SKU TEE-S is also variant 1's" });
  });
});
