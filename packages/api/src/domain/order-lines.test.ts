import { describe, expect, it } from "vitest";
import { aggregateLines, lineKey } from "./order-lines.ts";

describe("aggregateLines", () => {
  it("adds up quantities of the same variant and keeps first-seen order", () => {
    expect(
      aggregateLines([
        { variantId: "b", quantity: 1 },
        { variantId: "a", quantity: 2 },
        { variantId: "b", quantity: 4 },
      ]),
    ).toEqual([
      { variantId: "b", quantity: 5 },
      { variantId: "a", quantity: 2 },
    ]);
  });

  it("leaves distinct lines alone", () => {
    expect(aggregateLines([{ variantId: "x", quantity: 3 }])).toEqual([{ variantId: "x", quantity: 3 }]);
    expect(aggregateLines([])).toEqual([]);
  });
});

describe("lineKey", () => {
  it("tells a variant from a product of the same id", () => {
    expect(lineKey({ variantId: "x", quantity: 1 })).not.toBe(lineKey({ productId: "x", quantity: 1 }));
    expect(lineKey({ variantId: "x", productId: "y", quantity: 1 })).toBe("v:x");
  });
});
