import type { PromotionScope } from "./eligibility.ts";
import { assertCents, assertRatePpm } from "./validate.ts";

/** What a code takes off: a share of the eligible lines, an amount off them, or the shipping price. */
export type PromotionDiscount =
  | { type: "percentage"; percentPpm: number }
  | { type: "fixed"; amountCents: number }
  | { type: "free_shipping" };

/** A promotion as the pricing engine applies it: its discount and the lines it applies to. */
export type PricingPromotion = PromotionDiscount & { appliesTo?: PromotionScope | null | undefined };

/** The conditions of a code, as stored. Null or absent means no such condition. */
export interface PromotionTerms {
  active: boolean;
  /** First moment the code works (inclusive). */
  startsAt?: Date | null | undefined;
  /** First moment the code no longer works (exclusive): a code ending at midnight fails at midnight. */
  endsAt?: Date | null | undefined;
  usageLimit?: number | null | undefined;
  perCustomerLimit?: number | null | undefined;
  /** Compared with the subtotal of the eligible lines, before any discount. */
  minimumSubtotalCents?: number | null | undefined;
}

export interface PromotionContext {
  now: Date;
  /** Orders that used the code so far. */
  timesUsed: number;
  /** Orders of this customer (or, for a guest, this e-mail) that used the code so far. */
  customerUses: number;
  /** From cartEligibility(appliesTo, lines). */
  eligibleSubtotalCents: number;
  anyLineEligible: boolean;
}

export const PROMOTION_REFUSALS = [
  "not_found",
  "expired",
  "not_started",
  "usage_limit",
  "per_customer_limit",
  "minimum_not_met",
  "not_eligible",
] as const;
export type PromotionRefusal = (typeof PROMOTION_REFUSALS)[number];

/**
 * Why a code cannot be used on this order, or null when it can. An unknown code and a deactivated one
 * both answer `not_found`: a shopper cannot tell a withdrawn code from a mistyped one, and staff see
 * the difference in the admin. Checks run in this order, so the answer names the first obstacle:
 * not_found, not_started, expired, usage_limit, per_customer_limit, not_eligible (no line it applies
 * to, which also leaves an eligible subtotal of 0), minimum_not_met.
 */
export function promotionRefusal(
  promotion: PromotionTerms | null | undefined,
  context: PromotionContext,
): PromotionRefusal | null {
  assertCents(context.timesUsed, "times used");
  assertCents(context.customerUses, "customer uses");
  assertCents(context.eligibleSubtotalCents, "eligible subtotal");
  if (!promotion?.active) return "not_found";
  const now = context.now.getTime();
  if (promotion.startsAt && now < promotion.startsAt.getTime()) return "not_started";
  if (promotion.endsAt && now >= promotion.endsAt.getTime()) return "expired";
  if (promotion.usageLimit != null && context.timesUsed >= promotion.usageLimit) return "usage_limit";
  if (promotion.perCustomerLimit != null && context.customerUses >= promotion.perCustomerLimit) {
    return "per_customer_limit";
  }
  if (!context.anyLineEligible) return "not_eligible";
  if (
    promotion.minimumSubtotalCents != null &&
    context.eligibleSubtotalCents < promotion.minimumSubtotalCents
  ) {
    return "minimum_not_met";
  }
  return null;
}

export function assertPromotionDiscount(discount: PromotionDiscount): void {
  switch (discount.type) {
    case "percentage":
      assertRatePpm(discount.percentPpm, "percentage discount");
      return;
    case "fixed":
      assertCents(discount.amountCents, "fixed discount");
      return;
    case "free_shipping":
      return;
    default:
      throw new RangeError(`unknown discount type ${(discount as { type: unknown }).type}`);
  }
}
