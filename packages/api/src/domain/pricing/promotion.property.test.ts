import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  PROMOTION_REFUSALS,
  type PromotionContext,
  type PromotionTerms,
  promotionRefusal,
} from "./promotion.ts";

const instant = fc.integer({ min: 0, max: 2_000_000_000_000 }).map((ms) => new Date(ms));
const count = fc.integer({ min: 0, max: 20 });
const cents = fc.integer({ min: 0, max: 100_000 });

const terms: fc.Arbitrary<PromotionTerms | null> = fc.option(
  fc.record({
    active: fc.boolean(),
    startsAt: fc.option(instant, { nil: null }),
    endsAt: fc.option(instant, { nil: null }),
    usageLimit: fc.option(count, { nil: null }),
    perCustomerLimit: fc.option(count, { nil: null }),
    minimumSubtotalCents: fc.option(cents, { nil: null }),
  }),
  { nil: null },
);

const context: fc.Arbitrary<PromotionContext> = fc
  .record({
    now: instant,
    timesUsed: count,
    customerUses: count,
    eligibleSubtotalCents: cents,
    anyLineEligible: fc.boolean(),
  })
  .map((drawn) => (drawn.anyLineEligible ? drawn : { ...drawn, eligibleSubtotalCents: 0 }));

/** Each condition of a code, named by the refusal it causes, in the order promotionRefusal checks them. */
function failedConditions(promotion: PromotionTerms | null, ctx: PromotionContext): string[] {
  const now = ctx.now.getTime();
  const failed: string[] = [];
  if (!promotion?.active) return ["not_found"];
  if (promotion.startsAt && now < promotion.startsAt.getTime()) failed.push("not_started");
  if (promotion.endsAt && now >= promotion.endsAt.getTime()) failed.push("expired");
  if (promotion.usageLimit != null && ctx.timesUsed >= promotion.usageLimit) failed.push("usage_limit");
  if (promotion.perCustomerLimit != null && ctx.customerUses >= promotion.perCustomerLimit) {
    failed.push("per_customer_limit");
  }
  if (!ctx.anyLineEligible) failed.push("not_eligible");
  if (promotion.minimumSubtotalCents != null && ctx.eligibleSubtotalCents < promotion.minimumSubtotalCents) {
    failed.push("minimum_not_met");
  }
  return failed;
}

describe("promotionRefusal properties", () => {
  it("accepts a code exactly when every condition holds, and otherwise names the first that fails", () => {
    fc.assert(
      fc.property(terms, context, (promotion, ctx) => {
        const refusal = promotionRefusal(promotion, ctx);
        const failed = failedConditions(promotion, ctx);
        expect(refusal).toBe(failed[0] ?? null);
        if (refusal !== null) expect(PROMOTION_REFUSALS).toContain(refusal);
      }),
      { numRuns: 500 },
    );
  });

  it("never lets a used-up code through, however the other conditions fall", () => {
    fc.assert(
      fc.property(terms, context, (promotion, ctx) => {
        if (!promotion || promotion.usageLimit == null || ctx.timesUsed < promotion.usageLimit) return;
        expect(promotionRefusal(promotion, ctx)).not.toBeNull();
      }),
    );
  });
});
