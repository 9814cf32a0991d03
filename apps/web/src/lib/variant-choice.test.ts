import { describe, expect, it } from "vitest";
import {
  hasChoice,
  initialVariant,
  lineName,
  optionValueStates,
  productPageHref,
  variantForPick,
} from "./variant-choice.ts";

const options = [
  { name: "Size", values: ["S", "M", "L"] },
  { name: "Colour", values: ["White", "Black"] },
];
const variant = (size: string, colour: string, stock: number, active = true) => ({
  id: `${size}-${colour}`,
  title: `${size} / ${colour}`,
  options: { Size: size, Colour: colour },
  active,
  stock,
});
// S/White sold out, M/Black retired, L/White never made.
const variants = [
  variant("S", "White", 0),
  variant("S", "Black", 4),
  variant("M", "White", 9),
  variant("M", "Black", 3, false),
  variant("L", "Black", 0),
];

describe("variant choice", () => {
  it("opens on the variant the URL names, else the first that can be bought", () => {
    expect(initialVariant(variants, "S-White")?.id).toBe("S-White");
    expect(initialVariant(variants, "nope")?.id).toBe("S-Black");
    expect(initialVariant(variants, "M-Black")?.id).toBe("S-Black");
    expect(initialVariant(variants, undefined)?.id).toBe("S-Black");
  });

  it("disables combinations that do not exist or are retired and marks sold-out ones", () => {
    expect(optionValueStates(options, variants, { Size: "M", Colour: "White" }, 1)).toEqual([
      { value: "White", disabled: false, soldOut: false },
      { value: "Black", disabled: true, soldOut: false },
    ]);
    expect(optionValueStates(options, variants, { Size: "S", Colour: "Black" }, 1)).toEqual([
      { value: "White", disabled: false, soldOut: true },
      { value: "Black", disabled: false, soldOut: false },
    ]);
    // A first option's value is reachable even where the current colour is not made in it.
    expect(optionValueStates(options, variants, { Size: "M", Colour: "White" }, 0)).toEqual([
      { value: "S", disabled: false, soldOut: true },
      { value: "M", disabled: false, soldOut: false },
      { value: "L", disabled: false, soldOut: true },
    ]);
  });

  it("keeps the other choices where it can when a value is picked, and moves them where it cannot", () => {
    expect(variantForPick(options, variants, { Size: "S", Colour: "Black" }, 1, "White")?.id).toBe("S-White");
    expect(variantForPick(options, variants, { Size: "S", Colour: "Black" }, 0, "M")?.id).toBe("M-White");
    expect(variantForPick(options, variants, { Size: "M", Colour: "White" }, 0, "L")?.id).toBe("L-Black");
    expect(variantForPick(options, variants, { Size: "M", Colour: "White" }, 1, "Black")).toBeUndefined();
  });

  it("has nothing to choose for a product sold as one default variant", () => {
    expect(hasChoice({ options: [], variants: [{ ...variant("", "", 3), title: "Default" }] })).toBe(false);
    expect(hasChoice({ options, variants })).toBe(true);
    expect(lineName("Tee", "M / Black")).toBe("Tee (M / Black)");
    expect(lineName("Lamp", "Default")).toBe("Lamp");
    expect(productPageHref("tee", { id: "m", title: "M / Black" })).toBe("/p/tee?variant=m");
    expect(productPageHref("lamp", { id: "d", title: "Default" })).toBe("/p/lamp");
  });
});
