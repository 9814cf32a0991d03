import { describe, expect, it } from "vitest";
import { allCombinations, optionColumns, optionsByName, variantProblems, variantTitle } from "./variants.ts";

describe("variant titles and option columns", () => {
  it("joins the values in option order, and calls a product without options Default", () => {
    expect(variantTitle(["M", "Black", ""])).toBe("M / Black");
    expect(variantTitle(["", "", ""])).toBe("Default");
  });

  it("maps { Size, Colour } to the option columns and back", () => {
    const columns = optionColumns(["Size", "Colour"], { Colour: "Black", Size: "M" });
    expect(columns).toEqual(["M", "Black", ""]);
    expect(optionsByName(["Size", "Colour"], columns)).toEqual({ Size: "M", Colour: "Black" });
  });
});

describe("variantProblems", () => {
  const options = [
    { name: "Size", values: ["S", "M"] },
    { name: "Colour", values: ["Black", "White"] },
  ];

  it("accepts every combination once", () => {
    const variants = allCombinations(options).map((combination) => ({ options: combination }));
    expect(variants).toHaveLength(4);
    expect(variantProblems(options, variants)).toEqual([]);
  });

  it("names a missing value, an unknown value or option, a twin combination and a shared SKU", () => {
    const problems = variantProblems(options, [
      { sku: "A", options: { Size: "S", Colour: "Black" } },
      { sku: "A", options: { Size: "S", Colour: "Black" } },
      { options: { Size: "L", Colour: "White" } },
      { options: { Size: "M" } },
      { options: { Size: "M", Colour: "White", Fit: "Slim" } },
    ]);
    expect(problems).toEqual([
      { path: ["variants", 1, "options"], message: "Variant 2 is the same combination as variant 1" },
      { path: ["variants", 1, "sku"], message: "SKU A is also variant 1's" },
      { path: ["variants", 2, "options", "Size"], message: '"L" is not a value of Size' },
      { path: ["variants", 3, "options", "Colour"], message: "Choose a Colour" },
      { path: ["variants", 4, "options", "Fit"], message: 'The product has no option "Fit"' },
    ]);
  });

  it("names an option or a value listed twice", () => {
    expect(
      variantProblems(
        [
          { name: "Size", values: ["S", "S"] },
          { name: "Size", values: ["M"] },
        ],
        [],
      ),
    ).toEqual([
      { path: ["options", 0, "values", 1], message: 'Value "S" is listed twice' },
      { path: ["options", 1, "name"], message: 'Option "Size" is listed twice' },
    ]);
  });
});
