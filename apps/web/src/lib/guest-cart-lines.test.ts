import { describe, expect, it } from "vitest";
import { addGuestLine, itemsOf, sameLine, setGuestLine, upgradeLegacyLines } from "./guest-cart-lines.ts";

describe("guest cart lines", () => {
  it("keeps one line per variant and caps it", () => {
    const one = addGuestLine([], { productId: "tee", variantId: "m-black" }, 2, 99);
    const two = addGuestLine(one, { productId: "tee", variantId: "l-white" }, 1, 99);
    const three = addGuestLine(two, { productId: "tee", variantId: "m-black" }, 98, 99);
    expect(three).toEqual([
      { productId: "tee", variantId: "m-black", quantity: 99 },
      { productId: "tee", variantId: "l-white", quantity: 1 },
    ]);
    expect(setGuestLine(three, { productId: "tee", variantId: "l-white" }, 0)[1]?.quantity).toBe(0);
  });

  it("sends an old line without a variant as its product", () => {
    expect(sameLine({ productId: "lamp" }, { productId: "lamp" })).toBe(true);
    expect(sameLine({ productId: "tee" }, { productId: "tee", variantId: "m-black" })).toBe(false);
    expect(
      itemsOf([
        { productId: "lamp", quantity: 1 },
        { productId: "tee", variantId: "m-black", quantity: 2 },
      ]),
    ).toEqual([
      { productId: "lamp", quantity: 1 },
      { variantId: "m-black", quantity: 2 },
    ]);
  });

  it("turns an old line into its product's only variant, joining a line of it already there", () => {
    const lines = [
      { productId: "lamp", variantId: "lamp-default", quantity: 2 },
      { productId: "lamp", quantity: 3 },
      { productId: "tee", quantity: 1 },
    ];
    const only = (productId: string) => (productId === "lamp" ? "lamp-default" : undefined);
    expect(upgradeLegacyLines(lines, only, 99)).toEqual([
      { productId: "lamp", variantId: "lamp-default", quantity: 5 },
      { productId: "tee", quantity: 1 },
    ]);
  });
});
