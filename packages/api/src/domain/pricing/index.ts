/**
 * The pricing engine: pure functions over integer minor units (cents) and rates in parts per million,
 * with exact BigInt arithmetic inside and one round-half-even per amount. No database, no I/O.
 */
export { type AllocationWeight, allocate } from "./allocate.ts";
export { discountLines, type LineDiscounts, orderDiscountCents } from "./discount.ts";
export {
  type CartEligibility,
  cartEligibility,
  coversWholeOrder,
  isLineEligible,
  type PromotionScope,
} from "./eligibility.ts";
export { cartWeightGrams, lineSubtotals, type PricingLine } from "./line.ts";
export {
  PROMOTION_REFUSALS,
  type PricingPromotion,
  type PromotionContext,
  type PromotionDiscount,
  type PromotionRefusal,
  type PromotionTerms,
  promotionRefusal,
} from "./promotion.ts";
export {
  type PricedOrder,
  type PricedOrderLine,
  type PriceOrderInput,
  priceOrder,
  shippingCartOf,
} from "./quote.ts";
export { roundHalfEven } from "./rounding.ts";
export {
  assertWeightTiers,
  type ShippingCart,
  type ShippingRate,
  shippingPriceCents,
  type WeightTier,
} from "./shipping-rate.ts";
export { exclusiveTaxCents, inclusiveTaxCents } from "./tax.ts";
export {
  type CountryTaxRate,
  type RegionTaxRate,
  type SyncTaxProvider,
  type TaxAddress,
  type TaxProvider,
  type TaxRates,
  type TaxTable,
  tableTaxProvider,
  tableTaxRates,
} from "./tax-provider.ts";
export { PPM_ONE } from "./validate.ts";
