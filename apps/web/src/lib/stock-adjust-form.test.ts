import { describe, expect, it } from "vitest";
import { type StockAdjustFormValues, stockAdjustFormSchema } from "./stock-adjust-form";

const variantId = "5b0d3f0e-8f7a-4c39-9d61-2f4b8c1e7a10";
const schema = stockAdjustFormSchema(variantId, 3);
const base: StockAdjustFormValues = { mode: "delta", amount: "", reason: "restock", note: "" };

function amountError(values: StockAdjustFormValues) {
  const result = schema.safeParse(values);
  return result.success
    ? undefined
    : result.error.issues.find((issue) => issue.path[0] === "amount")?.message;
}

describe("the stock form's schema (the API's AdjustStockInput over what was typed)", () => {
  it("sends a change or a level, with the version the page read and a trimmed note", () => {
    expect(schema.parse({ ...base, amount: "-3", note: " Damaged " })).toEqual({
      variantId,
      expectedVersion: 3,
      reason: "restock",
      note: "Damaged",
      delta: -3,
    });
    expect(schema.parse({ ...base, mode: "set", amount: "0", reason: "adjustment" })).toEqual({
      variantId,
      expectedVersion: 3,
      reason: "adjustment",
      set: 0,
    });
  });

  it("refuses what the API would refuse, on the amount box", () => {
    expect(amountError({ ...base, amount: "" })).toBe("Enter a whole number other than zero");
    expect(amountError({ ...base, amount: "1.5" })).toBe("Enter a whole number other than zero");
    expect(amountError({ ...base, amount: "0" })).toBe("A change of zero changes nothing");
    expect(amountError({ ...base, mode: "set", amount: "-1" })).toBe("Stock cannot be negative");
    expect(amountError({ ...base, mode: "set", amount: "2000000000" })).toBe("Use at most 1,000,000,000");
  });
});
