import { discountLines } from "./discount.ts";
import { cartWeightGrams, lineSubtotals, type PricingLine } from "./line.ts";
import type { PricingPromotion } from "./promotion.ts";
import type { ShippingCart } from "./shipping-rate.ts";
import { exclusiveTaxCents, inclusiveTaxCents } from "./tax.ts";
import type { TaxRates } from "./tax-provider.ts";
import { assertCents, assertRatePpm, toSafeNumber } from "./validate.ts";

export interface PriceOrderInput {
  lines: readonly PricingLine[];
  /** The chosen shipping method's price for this cart (shippingPriceCents), before any shipping discount. */
  shippingCents: number;
  taxRates: TaxRates;
  /** Catalogue and shipping prices include tax (EU style) instead of excluding it (US style). */
  taxInclusive: boolean;
  /** A code already checked with promotionRefusal; one per order. */
  promotion?: PricingPromotion | null | undefined;
}

/** All amounts in minor units (cents). */
export interface PricedOrderLine {
  key: string;
  quantity: number;
  unitPrice: number;
  /** unitPrice × quantity. */
  subtotal: number;
  /** This line's share of the order discount (never more than its subtotal). */
  discount: number;
  taxRatePpm: number;
  /** Tax on subtotal − discount: added on top when exclusive, the part of it that is tax when inclusive. */
  tax: number;
  /**
   * What the line costs the shopper: subtotal − discount + tax when tax is exclusive, subtotal − discount
   * when it is inclusive (the tax is already inside). The lines' totals plus `shippingTotal` make `total`.
   */
  lineTotal: number;
}

/** All amounts in minor units (cents). */
export interface PricedOrder {
  /** Sum of the lines' subtotals. */
  subtotal: number;
  /** Everything taken off: the lines' discounts plus `shippingDiscount`. */
  discount: number;
  /** Sum of the lines' discounts. */
  lineDiscount: number;
  /** The shipping method's price, before any discount. */
  shipping: number;
  /**
   * The part of `shipping` waived by a free-shipping code (all of it, or 0). It is counted in `discount`
   * rather than netted out of `shipping`, so the order shows the shipping it would have cost and one
   * formula holds for every kind of code: total = subtotal − discount + shipping (+ tax).
   */
  shippingDiscount: number;
  /** Tax on shipping − shippingDiscount at the shipping rate (included in `tax`). */
  shippingTax: number;
  /** Tax of the lines plus `shippingTax`. Added to the total when exclusive, contained in it when inclusive. */
  tax: number;
  /** shipping − shippingDiscount, plus shippingTax when tax is exclusive. */
  shippingTotal: number;
  /**
   * `taxIncluded` false: total = subtotal − discount + shipping + tax.
   * `taxIncluded` true:  total = subtotal − discount + shipping, and `tax` is the tax inside it.
   * Either way total = Σ lineTotal + shippingTotal.
   */
  total: number;
  taxIncluded: boolean;
  lines: PricedOrderLine[];
}

/** The shipping-relevant view of a cart with a promotion, for pricing each shipping method before choosing. */
export function shippingCartOf(
  lines: readonly PricingLine[],
  promotion?: PricingPromotion | null | undefined,
): ShippingCart {
  const subtotals = lineSubtotals(lines);
  const { orderDiscountCents } = discountLines(lines, subtotals, promotion);
  const subtotal = subtotals.reduce((sum, cents) => sum + BigInt(cents), 0n);
  return {
    subtotalAfterDiscountCents: toSafeNumber(
      subtotal - BigInt(orderDiscountCents),
      "subtotal after discount",
    ),
    weightGrams: cartWeightGrams(lines),
  };
}

function taxOf(amountCents: number, ratePpm: number, taxInclusive: boolean): number {
  return taxInclusive ? inclusiveTaxCents(amountCents, ratePpm) : exclusiveTaxCents(amountCents, ratePpm);
}

/**
 * Prices an order: order = lines (unit price × quantity) − discounts + shipping + tax. Every amount is
 * computed per line from exact integers and rounded once, half-even; the order's amounts are the exact
 * sums of the lines' (and the shipping's), so nothing needs reconciling afterwards. Results depend on
 * line keys, not on the order of lines. Throws RangeError for an invalid input.
 */
export function priceOrder(input: PriceOrderInput): PricedOrder {
  const { lines, shippingCents, taxRates, taxInclusive, promotion } = input;
  assertCents(shippingCents, "shipping price");
  const subtotals = lineSubtotals(lines);
  const discounts = discountLines(lines, subtotals, promotion);

  const pricedLines = lines.map((line, index): PricedOrderLine => {
    const subtotal = subtotals[index] ?? 0;
    const discount = discounts.perLine[index] ?? 0;
    const taxRatePpm = taxRates.lineRatePpm(line);
    assertRatePpm(taxRatePpm, `tax rate of line "${line.key}"`);
    const tax = taxOf(subtotal - discount, taxRatePpm, taxInclusive);
    const lineTotal = toSafeNumber(
      BigInt(subtotal) - BigInt(discount) + (taxInclusive ? 0n : BigInt(tax)),
      `total of line "${line.key}"`,
    );
    return {
      key: line.key,
      quantity: line.quantity,
      unitPrice: line.unitPriceCents,
      subtotal,
      discount,
      taxRatePpm,
      tax,
      lineTotal,
    };
  });

  assertRatePpm(taxRates.shippingRatePpm, "shipping tax rate");
  const shippingDiscount = discounts.freeShipping ? shippingCents : 0;
  const shippingTax = taxOf(shippingCents - shippingDiscount, taxRates.shippingRatePpm, taxInclusive);
  const shippingTotal = toSafeNumber(
    BigInt(shippingCents - shippingDiscount) + (taxInclusive ? 0n : BigInt(shippingTax)),
    "shipping total",
  );

  const sum = (pick: (line: PricedOrderLine) => number): bigint =>
    pricedLines.reduce((acc, line) => acc + BigInt(pick(line)), 0n);
  const lineDiscount = sum((line) => line.discount);
  return {
    subtotal: toSafeNumber(
      sum((line) => line.subtotal),
      "subtotal",
    ),
    discount: toSafeNumber(lineDiscount + BigInt(shippingDiscount), "discount"),
    lineDiscount: toSafeNumber(lineDiscount, "line discount"),
    shipping: shippingCents,
    shippingDiscount,
    shippingTax,
    tax: toSafeNumber(sum((line) => line.tax) + BigInt(shippingTax), "tax"),
    shippingTotal,
    total: toSafeNumber(sum((line) => line.lineTotal) + BigInt(shippingTotal), "total"),
    taxIncluded: taxInclusive,
    lines: pricedLines,
  };
}
