import { describe, expect, it } from "vitest";
import { aggregateLines } from "./order-lines.ts";

describe("aggregateLines", () => {
  it("adds up quantities of the same product and keeps first-seen order", () => {
    expect(
      aggregateLines([
        { productId: "b", quantity: 1 },
        { productId: "a", quantity: 2 },
        { productId: "b", quantity: 4 },
      ]),
    ).toEqual([
      { productId: "b", quantity: 5 },
      { productId: "a", quantity: 2 },
    ]);
  });

  it("leaves distinct lines alone", () => {
    expect(aggregateLines([{ productId: "x", quantity: 3 }])).toEqual([{ productId: "x", quantity: 3 }]);
    expect(aggregateLines([])).toEqual([]);
  });
});
