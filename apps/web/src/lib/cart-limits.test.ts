import { describe, expect, it } from "vitest";
import { checkAddition, limitNote, lineLimit } from "./cart-limits.ts";

describe("cart limits", () => {
  it("caps a line at what is on hand and at 99", () => {
    expect(lineLimit(2)).toBe(2);
    expect(lineLimit(500)).toBe(99);
    expect(lineLimit(0)).toBe(0);
  });

  it("refuses 5 of 2 and says how many can be had, instead of adding 2", () => {
    expect(checkAddition(5, 2, 0)).toEqual({ ok: false, canAdd: 2, message: "Only 2 available" });
    expect(checkAddition(2, 2, 0)).toEqual({ ok: true });
  });

  it("counts what is already in the cart", () => {
    expect(checkAddition(2, 3, 2)).toEqual({
      ok: false,
      canAdd: 1,
      message: "Only 1 more available (2 already in your cart)",
    });
    expect(checkAddition(1, 3, 3)).toMatchObject({
      ok: false,
      message: "All 3 available are already in your cart",
    });
  });

  it("names the stock, or the per-line cap when that is what limits", () => {
    expect(limitNote(2)).toBe("Only 2 available");
    expect(limitNote(120)).toBe("At most 99 per order");
  });
});
