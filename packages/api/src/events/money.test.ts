import { describe, expect, it } from "vitest";
import { formatMinorUnits } from "./money.ts";

describe("formatMinorUnits", () => {
  it("formats cents in the order currency", () => {
    expect(formatMinorUnits(123456, "USD")).toBe("$1,234.56");
    expect(formatMinorUnits(5, "USD")).toBe("$0.05");
    expect(formatMinorUnits(0, "USD")).toBe("$0.00");
    expect(formatMinorUnits(1999, "EUR")).toBe("€19.99");
  });

  it("uses the currency's own minor unit, so yen are not divided by 100", () => {
    expect(formatMinorUnits(1234, "JPY")).toBe("¥1,234");
  });

  it("accepts a padded char(3) currency and another locale", () => {
    expect(formatMinorUnits(123456, "EUR ", "de-DE")).toBe("1.234,56\u00a0€");
  });
});
