import { describe, expect, it } from "vitest";
import {
  centsToMajor,
  hasAtMostTwoDecimals,
  lineTotalCents,
  majorToCents,
  orderTotalCents,
} from "./money.ts";

describe("money", () => {
  it("converts cents to major units and back without drift", () => {
    for (const cents of [0, 1, 5, 10, 99, 1999, 8999, 100_000_00, 123_456_789]) {
      expect(majorToCents(centsToMajor(cents))).toBe(cents);
    }
    expect(centsToMajor(9999)).toBe(99.99);
    expect(majorToCents(0.1 + 0.2)).toBe(30);
    expect(majorToCents(19.99)).toBe(1999);
  });

  it("refuses amounts finer than a cent", () => {
    expect(() => majorToCents(1.005)).toThrow(RangeError);
    expect(hasAtMostTwoDecimals(1.005)).toBe(false);
    expect(hasAtMostTwoDecimals(12.5)).toBe(true);
    expect(hasAtMostTwoDecimals(Number.NaN)).toBe(false);
  });

  it("computes line and order totals in cents", () => {
    expect(lineTotalCents({ unitPriceCents: 1999, quantity: 3 })).toBe(5997);
    expect(orderTotalCents([])).toBe(0);
    expect(
      orderTotalCents([
        { unitPriceCents: 1999, quantity: 3 },
        { unitPriceCents: 1, quantity: 1 },
        { unitPriceCents: 45_000, quantity: 2 },
      ]),
    ).toBe(5997 + 1 + 90_000);
  });
});
