import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundHalfEven } from "./rounding.ts";

/** Reference by floor division (a different route from the implementation's truncation). */
function referenceHalfEven(numerator: bigint, denominator: bigint): bigint {
  const n = denominator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let floor = n / d;
  if (n % d !== 0n && n < 0n) floor -= 1n;
  const twiceRest = (n - floor * d) * 2n;
  if (twiceRest < d) return floor;
  if (twiceRest > d) return floor + 1n;
  return floor % 2n === 0n ? floor : floor + 1n;
}

const amount = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
const nonZero = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).filter((d) => d !== 0n);

describe("roundHalfEven properties", () => {
  it("sends every exact tie m + 1/2 to the even one of m and m + 1", () => {
    fc.assert(
      fc.property(amount, fc.bigInt({ min: 1n, max: 10n ** 15n }), (m, half) => {
        const denominator = half * 2n;
        const expected = m % 2n === 0n ? m : m + 1n;
        expect(roundHalfEven(m * denominator + half, denominator)).toBe(expected);
      }),
    );
  });

  it("matches the floor-division reference, ties included", () => {
    fc.assert(
      fc.property(amount, nonZero, (numerator, denominator) => {
        expect(roundHalfEven(numerator, denominator)).toBe(referenceHalfEven(numerator, denominator));
      }),
    );
    // Small denominators make ties common.
    fc.assert(
      fc.property(fc.bigInt({ min: -1000n, max: 1000n }), fc.bigInt({ min: 1n, max: 8n }), (n, d) => {
        expect(roundHalfEven(n, d)).toBe(referenceHalfEven(n, d));
      }),
    );
  });

  it("lies within half of the exact quotient and is odd-symmetric", () => {
    fc.assert(
      fc.property(amount, nonZero, (numerator, denominator) => {
        const rounded = roundHalfEven(numerator, denominator);
        const d = denominator < 0n ? -denominator : denominator;
        const error = (rounded * denominator - numerator) * 2n;
        expect(error <= d && error >= -d).toBe(true);
        expect(roundHalfEven(-numerator, denominator)).toBe(-rounded);
      }),
    );
  });
});
