import { describe, expect, it } from "vitest";
import {
  fitsMinorUnits,
  formatMoney,
  isCurrencyCode,
  lineTotalCents,
  minorUnitsOf,
  orderTotalCents,
  roundToMinorUnits,
  toMajorUnits,
  toMinorUnits,
} from "./money.ts";

describe("money", () => {
  it("converts cents to major units and back without drift", () => {
    for (const cents of [0, 1, 5, 10, 99, 1999, 8999, 100_000_00, 123_456_789]) {
      expect(toMinorUnits(toMajorUnits(cents, "USD"), "USD")).toBe(cents);
    }
    expect(toMajorUnits(9999, "USD")).toBe(99.99);
    expect(toMinorUnits(0.1 + 0.2, "USD")).toBe(30);
    expect(toMinorUnits(19.99, "USD")).toBe(1999);
  });

  it("refuses amounts finer than a cent", () => {
    expect(() => toMinorUnits(1.005, "USD")).toThrow(RangeError);
    expect(fitsMinorUnits(1.005, "USD")).toBe(false);
    expect(fitsMinorUnits(12.5, "USD")).toBe(true);
    expect(fitsMinorUnits(Number.NaN, "USD")).toBe(false);
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

describe("minor units per currency", () => {
  it("knows each currency's fraction digits", () => {
    expect(minorUnitsOf("USD")).toBe(2);
    expect(minorUnitsOf("EUR")).toBe(2);
    expect(minorUnitsOf("JPY")).toBe(0);
    expect(minorUnitsOf("KWD")).toBe(3);
    // A char(3) column pads, and a code may arrive in lower case.
    expect(minorUnitsOf("JPY ")).toBe(0);
    expect(minorUnitsOf("kwd")).toBe(3);
  });

  it("refuses a malformed currency code", () => {
    expect(isCurrencyCode("USD")).toBe(true);
    expect(isCurrencyCode("US")).toBe(false);
    expect(isCurrencyCode("U1D")).toBe(false);
    expect(() => minorUnitsOf("U1D")).toThrow(RangeError);
  });

  it("converts minor units to major units by the currency's digits", () => {
    expect(toMajorUnits(1999, "USD")).toBe(19.99);
    expect(toMajorUnits(1999, "EUR")).toBe(19.99);
    expect(toMajorUnits(1999, "JPY")).toBe(1999);
    expect(toMajorUnits(1999, "KWD")).toBe(1.999);
    expect(toMajorUnits(-1999, "USD")).toBe(-19.99);
    expect(toMajorUnits(0, "KWD")).toBe(0);
  });

  it("converts major units to minor units and back without drift", () => {
    for (const currency of ["USD", "EUR", "JPY", "KWD"]) {
      for (const minor of [0, 1, 5, 99, 1999, 8999, 123_456_789, -1, -1999]) {
        expect(toMinorUnits(toMajorUnits(minor, currency), currency)).toBe(minor);
      }
    }
    expect(toMinorUnits(19.99, "USD")).toBe(1999);
    expect(toMinorUnits(0.1 + 0.2, "EUR")).toBe(30);
    expect(toMinorUnits(1234, "JPY")).toBe(1234);
    expect(toMinorUnits(1.005, "KWD")).toBe(1005);
    expect(toMinorUnits(-19.99, "USD")).toBe(-1999);
    expect(Object.is(toMinorUnits(-0, "USD"), 0)).toBe(true);
  });

  it("refuses amounts finer than the currency's minor unit instead of rounding them", () => {
    expect(() => toMinorUnits(1.005, "USD")).toThrow("1.005 USD has more than 2 decimals");
    expect(() => toMinorUnits(0.5, "JPY")).toThrow("0.5 JPY has more than 0 decimals");
    expect(() => toMinorUnits(1.0005, "KWD")).toThrow(RangeError);
    expect(() => toMinorUnits(Number.NaN, "USD")).toThrow(RangeError);
    expect(fitsMinorUnits(12.5, "USD")).toBe(true);
    expect(fitsMinorUnits(12.5, "JPY")).toBe(false);
    expect(fitsMinorUnits(12.345, "KWD")).toBe(true);
    expect(fitsMinorUnits(Number.POSITIVE_INFINITY, "USD")).toBe(false);
  });

  it("rounds half away from zero where rounding is asked for, symmetric for negative amounts", () => {
    expect(roundToMinorUnits(12.345, "USD")).toBe(1235);
    expect(roundToMinorUnits(-12.345, "USD")).toBe(-1235);
    expect(roundToMinorUnits(0.5, "JPY")).toBe(1);
    expect(roundToMinorUnits(-0.5, "JPY")).toBe(-1);
    expect(roundToMinorUnits(1.23449, "KWD")).toBe(1234);
    expect(Object.is(roundToMinorUnits(-0.001, "USD"), 0)).toBe(true);
  });
});

describe("formatMoney", () => {
  it("formats minor units in their currency", () => {
    expect(formatMoney(123456, "USD")).toBe("$1,234.56");
    expect(formatMoney(5, "USD")).toBe("$0.05");
    expect(formatMoney(0, "USD")).toBe("$0.00");
    expect(formatMoney(1999, "EUR")).toBe("€19.99");
  });

  it("does not divide yen by 100, and shows dinar to the fils", () => {
    expect(formatMoney(1234, "JPY")).toBe("¥1,234");
    expect(formatMoney(1234, "KWD")).toBe("KWD\u00a01.234");
    expect(formatMoney(5, "KWD")).toBe("KWD\u00a00.005");
  });

  it("formats negative amounts with a sign, and never shows minus zero", () => {
    expect(formatMoney(-500, "USD")).toBe("-$5.00");
    expect(formatMoney(-1234, "JPY")).toBe("-¥1,234");
    expect(formatMoney(-1, "KWD")).toBe("-KWD\u00a00.001");
    expect(formatMoney(-0, "USD")).toBe("$0.00");
    expect(formatMoney(-0.4, "USD")).toBe("$0.00");
  });

  it("rounds a fractional minor unit half away from zero", () => {
    expect(formatMoney(0.5, "USD")).toBe("$0.01");
    expect(formatMoney(-0.5, "USD")).toBe("-$0.01");
    expect(formatMoney(1234.5, "JPY")).toBe("¥1,235");
  });

  it("accepts a padded char(3) currency and another locale", () => {
    expect(formatMoney(123456, "EUR ", "de-DE")).toBe("1.234,56\u00a0€");
    expect(formatMoney(123456, "JPY", "ja-JP")).toBe("￥123,456");
  });
});
