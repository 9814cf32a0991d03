import { describe, expect, it } from "vitest";
import { cartEligibility, isLineEligible } from "./eligibility.ts";
import type { PricingLine } from "./line.ts";
import { type PromotionContext, type PromotionTerms, promotionRefusal } from "./promotion.ts";

const now = new Date("2025-06-15T12:00:00Z");
const context = (overrides: Partial<PromotionContext> = {}): PromotionContext => ({
  now,
  timesUsed: 0,
  customerUses: 0,
  eligibleSubtotalCents: 5000,
  anyLineEligible: true,
  ...overrides,
});
const open: PromotionTerms = { active: true };

describe("promotionRefusal", () => {
  it("accepts a usable code", () => {
    expect(promotionRefusal(open, context())).toBeNull();
    expect(
      promotionRefusal(
        {
          active: true,
          startsAt: new Date("2025-06-01T00:00:00Z"),
          endsAt: new Date("2025-07-01T00:00:00Z"),
          usageLimit: 10,
          perCustomerLimit: 1,
          minimumSubtotalCents: 5000,
        },
        context({ timesUsed: 9 }),
      ),
    ).toBeNull();
  });

  it("treats a missing or deactivated code as not found", () => {
    expect(promotionRefusal(null, context())).toBe("not_found");
    expect(promotionRefusal(undefined, context())).toBe("not_found");
    expect(promotionRefusal({ active: false }, context())).toBe("not_found");
  });

  it("honours start (inclusive) and end (exclusive)", () => {
    expect(promotionRefusal({ active: true, startsAt: new Date(now.getTime() + 1) }, context())).toBe(
      "not_started",
    );
    expect(promotionRefusal({ active: true, startsAt: now }, context())).toBeNull();
    expect(promotionRefusal({ active: true, endsAt: now }, context())).toBe("expired");
    expect(promotionRefusal({ active: true, endsAt: new Date(now.getTime() + 1) }, context())).toBeNull();
  });

  it("counts total and per-customer uses", () => {
    expect(promotionRefusal({ active: true, usageLimit: 10 }, context({ timesUsed: 10 }))).toBe(
      "usage_limit",
    );
    expect(promotionRefusal({ active: true, usageLimit: 0 }, context())).toBe("usage_limit");
    expect(promotionRefusal({ active: true, perCustomerLimit: 1 }, context({ customerUses: 1 }))).toBe(
      "per_customer_limit",
    );
    expect(promotionRefusal({ active: true, perCustomerLimit: 2 }, context({ customerUses: 1 }))).toBeNull();
  });

  it("needs an eligible line and the minimum on the eligible lines", () => {
    expect(promotionRefusal(open, context({ anyLineEligible: false, eligibleSubtotalCents: 0 }))).toBe(
      "not_eligible",
    );
    expect(promotionRefusal({ active: true, minimumSubtotalCents: 5001 }, context())).toBe("minimum_not_met");
    expect(
      promotionRefusal(
        { active: true, minimumSubtotalCents: 100 },
        context({ anyLineEligible: false, eligibleSubtotalCents: 0 }),
      ),
    ).toBe("not_eligible");
  });

  it("names the first obstacle", () => {
    const everythingWrong: PromotionTerms = {
      active: true,
      startsAt: new Date("2030-01-01T00:00:00Z"),
      endsAt: new Date("2020-01-01T00:00:00Z"),
      usageLimit: 0,
    };
    expect(promotionRefusal(everythingWrong, context())).toBe("not_started");
    expect(promotionRefusal({ ...everythingWrong, startsAt: null }, context())).toBe("expired");
    expect(promotionRefusal({ ...everythingWrong, startsAt: null, endsAt: null }, context())).toBe(
      "usage_limit",
    );
  });
});

const line = (key: string, productId: string, categoryIds: string[], unitPriceCents = 1000): PricingLine => ({
  key,
  productId,
  categoryIds,
  unitPriceCents,
  quantity: 2,
});

describe("eligibility", () => {
  const lines = [line("a", "p1", ["shoes"]), line("b", "p2", ["hats"]), line("c", "p3", [], 250)];

  it("covers the whole order without appliesTo, or with empty lists", () => {
    expect(cartEligibility(undefined, lines)).toEqual({ anyLineEligible: true, eligibleSubtotalCents: 4500 });
    expect(cartEligibility({ productIds: [], categoryIds: [] }, lines).eligibleSubtotalCents).toBe(4500);
  });

  it("matches lines by product or by category", () => {
    expect(cartEligibility({ productIds: ["p3"] }, lines)).toEqual({
      anyLineEligible: true,
      eligibleSubtotalCents: 500,
    });
    expect(cartEligibility({ categoryIds: ["hats"] }, lines).eligibleSubtotalCents).toBe(2000);
    expect(cartEligibility({ productIds: ["p3"], categoryIds: ["shoes"] }, lines).eligibleSubtotalCents).toBe(
      2500,
    );
    expect(cartEligibility({ productIds: ["nope"] }, lines)).toEqual({
      anyLineEligible: false,
      eligibleSubtotalCents: 0,
    });
    expect(isLineEligible({ categoryIds: ["shoes"] }, lines[1]!)).toBe(false);
  });
});
