import { describe, expect, it } from "vitest";
import { roundHalfEven } from "./rounding.ts";

describe("roundHalfEven", () => {
  it("rounds exact ties to the even neighbour", () => {
    expect(roundHalfEven(5n, 2n)).toBe(2n);
    expect(roundHalfEven(7n, 2n)).toBe(4n);
    expect(roundHalfEven(1n, 2n)).toBe(0n);
    expect(roundHalfEven(825n, 10n)).toBe(82n);
    expect(roundHalfEven(835n, 10n)).toBe(84n);
  });

  it("rounds everything else to the nearest integer", () => {
    expect(roundHalfEven(1n, 3n)).toBe(0n);
    expect(roundHalfEven(2n, 3n)).toBe(1n);
    expect(roundHalfEven(9_999_000_000n, 1_000_000n)).toBe(9999n);
    expect(roundHalfEven(999_900n, 1000n)).toBe(1000n);
    expect(roundHalfEven(0n, 7n)).toBe(0n);
  });

  it("mirrors negative amounts and accepts a negative denominator", () => {
    expect(roundHalfEven(-5n, 2n)).toBe(-2n);
    expect(roundHalfEven(-7n, 2n)).toBe(-4n);
    expect(roundHalfEven(-2n, 3n)).toBe(-1n);
    expect(roundHalfEven(5n, -2n)).toBe(-2n);
    expect(roundHalfEven(-7n, -2n)).toBe(4n);
  });

  it("refuses a zero denominator", () => {
    expect(() => roundHalfEven(1n, 0n)).toThrow(RangeError);
  });
});
