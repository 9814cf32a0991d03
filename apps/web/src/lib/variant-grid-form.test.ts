import { allCombinations } from "@stockroom/api/schemas";
import { describe, expect, it } from "vitest";
import {
  batchRefusalProblems,
  generatedRows,
  parseVariantRows,
  takenSkuProblems,
  type VariantRow,
  variantChanges,
} from "./variant-grid-form";

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

  it("marks the rows of a new product whose SKUs a 409 names as taken (details.skus), not the blank ones", () => {
    const rows = [{ sku: "TEE-S" }, { sku: " HELD-M " }, { sku: "" }, { sku: "HELD-L" }];
    expect(takenSkuProblems({ skus: ["HELD-M", "HELD-L", "TEE-XL"] }, rows)).toEqual([
      { index: 1, field: "sku", message: "SKU HELD-M is already in use" },
      { index: 3, field: "sku", message: "SKU HELD-L is already in use" },
    ]);
    expect(takenSkuProblems(undefined, rows)).toEqual([]);
    expect(takenSkuProblems({ skus: "HELD-M" }, rows)).toEqual([]);
  });

  it("puts a refused updateVariants on the rows it names: by SKU, combination, sent position or variant id", () => {
    const rows = [
      { id: "v1", sku: "TEE-S", title: "S" },
      { id: "v2", sku: "HELD", title: "M" },
      { id: "v3", sku: "TEE-L", title: "L" },
    ];
    const refusal = (
      details: Record<string, unknown> | undefined,
      issues: { path: string; message: string }[] = [],
    ) => ({
      message: "Refused",
      issues,
      details,
    });
    expect(batchRefusalProblems(refusal({ skus: ["HELD"] }), rows, ["v1", "v2"])).toEqual([
      { index: 1, field: "sku", message: "SKU HELD is already in use" },
    ]);
    // Zod's issues and the domain's problems count the variants sent, not the grid's rows.
    expect(
      batchRefusalProblems(
        refusal(undefined, [{ path: "variants.1.patch.priceCents", message: "That price is too high" }]),
        rows,
        ["v2", "v3"],
      ),
    ).toEqual([{ index: 2, field: "price", message: "That price is too high" }]);
    expect(
      batchRefusalProblems(
        refusal({ problems: [{ path: ["variants", 0, "options", "Size"], message: "Choose a Size" }] }),
        rows,
        ["v3"],
      ),
    ).toEqual([{ index: 2, field: "title", message: "Choose a Size" }]);
    expect(batchRefusalProblems(refusal({ combinations: ["M"] }), rows, ["v1"])).toEqual([
      { index: 1, field: "title", message: "Refused" },
    ]);
    expect(batchRefusalProblems(refusal({ variantId: "v3" }), rows, ["v3"])).toEqual([
      { index: 2, field: "title", message: "Refused" },
    ]);
    expect(batchRefusalProblems(refusal(undefined), rows, ["v1"])).toEqual([]);
  });
});
