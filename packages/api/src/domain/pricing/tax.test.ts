import { describe, expect, it } from "vitest";
import { exclusiveTaxCents, inclusiveTaxCents } from "./tax.ts";

describe("exclusiveTaxCents", () => {
  it("rounds net × rate once, half-even", () => {
    expect(exclusiveTaxCents(1000, 82_500)).toBe(82); // 82.5 -> 82
    expect(exclusiveTaxCents(1020, 82_500)).toBe(84); // 84.15
    expect(exclusiveTaxCents(3000, 82_500)).toBe(248); // 247.5 -> 248
    expect(exclusiveTaxCents(10_000, 88_750)).toBe(888); // 887.5 -> 888
    expect(exclusiveTaxCents(999, 0)).toBe(0);
    expect(exclusiveTaxCents(999, 1_000_000)).toBe(999);
  });

  it("refuses bad amounts and rates", () => {
    expect(() => exclusiveTaxCents(-1, 10_000)).toThrow(RangeError);
    expect(() => exclusiveTaxCents(1.5, 10_000)).toThrow(RangeError);
    expect(() => exclusiveTaxCents(100, -1)).toThrow(RangeError);
    expect(() => exclusiveTaxCents(100, 1_000_001)).toThrow(/0 to 1000000 ppm/);
    expect(() => exclusiveTaxCents(100, 0.5)).toThrow(RangeError);
  });
});

describe("inclusiveTaxCents", () => {
  it("finds the tax inside a gross price", () => {
    expect(inclusiveTaxCents(11_900, 190_000)).toBe(1900); // 119.00 at 19% holds 19.00
    expect(inclusiveTaxCents(1000, 190_000)).toBe(160); // 159.66
    expect(inclusiveTaxCents(2250, 200_000)).toBe(375); // exactly a sixth
    expect(inclusiveTaxCents(500, 200_000)).toBe(83); // 83.33
    expect(inclusiveTaxCents(1, 1_000_000)).toBe(0); // 0.5 -> 0
    expect(inclusiveTaxCents(3, 1_000_000)).toBe(2); // 1.5 -> 2
    expect(inclusiveTaxCents(777, 0)).toBe(0);
  });
});
