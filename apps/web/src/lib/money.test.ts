import { describe, expect, it } from "vitest";
import { cartCurrency, formatMoney } from "./money.ts";

describe("web money", () => {
  // Regression: the web app divided every amount by 100, so 1234 yen showed as ¥12 while the order
  // e-mail (packages/api/src/events/money.test.ts), using the currency's own digits, said ¥1,234.
  it("the web app formats yen and dinar by each currency's minor units, as the e-mails do", () => {
    expect(formatMoney(1234, "JPY")).toBe("¥1,234");
    expect(formatMoney(1234, "KWD")).toBe("KWD\u00a01.234");
    expect(formatMoney(1999, "EUR")).toBe("€19.99");
    expect(formatMoney(-500, "USD")).toBe("-$5.00");
  });

  it("a cart's subtotal is in its products' currency", () => {
    expect(cartCurrency([{ product: undefined }, { product: { currency: "JPY" } }])).toBe("JPY");
    expect(cartCurrency([])).toBe("USD");
  });
});
