import { allCombinations } from "@stockroom/api/schemas";
import { describe, expect, it } from "vitest";
import { generatedRows, parseVariantRows, type VariantRow, variantChanges } from "./variant-grid-form";

const options = [
  { name: "Size", values: ["S", "M", "L"] },
  { name: "Colour", values: ["Black", "White"] },
];
const names = options.map((option) => option.name);

describe("the variants grid", () => {
  it("generates every combination in option order, keeping the rows already typed", () => {
    const first = generatedRows(allCombinations(options), names, [], { price: "20", stock: "" });
    expect(first.map((row) => row.title)).toEqual([
      "S / Black",
      "S / White",
      "M / Black",
      "M / White",
      "L / Black",
      "L / White",
    ]);
    expect(first[0]).toMatchObject({ price: "20", stock: "0", sku: "", active: true });
    const edited = first.map((row) => (row.title === "M / Black" ? { ...row, price: "25" } : row));
    const again = generatedRows(allCombinations([options[0]!]), ["Size"], edited, { price: "", stock: "" });
    expect(again).toHaveLength(3);
  });

  it("checks each row with the API's rules, on the row's own field", () => {
    const rows = generatedRows(allCombinations(options), names, [], { price: "20", stock: "1" });
    rows[1] = { ...rows[1]!, price: "abc" };
    rows[2] = { ...rows[2]!, stock: "-1" };
    rows[3] = { ...rows[3]!, compareAtPrice: "0" };
    const { problems } = parseVariantRows(rows, options, "USD");
    expect(problems).toEqual([
      { index: 1, field: "price", message: "Enter a number" },
      { index: 2, field: "stock", message: "Stock cannot be negative" },
      { index: 3, field: "compareAtPrice", message: "Must be more than zero" },
    ]);
    const saved = { ...rows[0]!, id: "v1", sku: "" };
    expect(parseVariantRows([saved], options, "USD").problems).toEqual([
      { index: 0, field: "sku", message: "Enter a SKU" },
    ]);
  });

  it("sends only what changed: the fields for updateVariant, the stock for an adjustment", () => {
    const before: VariantRow = {
      id: "v1",
      version: 4,
      options: { Size: "M" },
      sku: "TEE-M",
      priceCents: 2000,
      compareAtPriceCents: null,
      stock: 5,
      active: true,
    };
    expect(variantChanges(before, { ...before })).toEqual({ patch: null, stock: null });
    expect(variantChanges(before, { ...before, priceCents: 2500, stock: 8 })).toEqual({
      patch: { priceCents: 2500 },
      stock: 8,
    });
    expect(
      variantChanges(before, { ...before, sku: "TEE-MED", compareAtPriceCents: 3000, active: false }),
    ).toEqual({ patch: { sku: "TEE-MED", compareAtPriceCents: 3000, active: false }, stock: null });
  });
});
