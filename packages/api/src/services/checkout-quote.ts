import type { DbClient } from "../db-client.ts";
import { orderTotalCents } from "../domain/money.ts";
import { aggregateLines, type RequestedLine } from "../domain/order-lines.ts";
import {
  type PricingLine,
  type PricingPromotion,
  priceOrder,
  shippingCartOf,
  shippingPriceCents,
} from "../domain/pricing/index.ts";
import { InvalidInputError, NoShippingMethodError } from "../errors.ts";
import { MAX_ORDER_TOTAL_CENTS, type ShippingAddress } from "../schemas/order.ts";
import { type SqlStatement, sqlOn } from "../sql.ts";
import { ORDER_PLACEMENT_SQL, type PlacementVariant } from "./order-placement-sql.ts";
import { promotionForCheckout } from "./promotions.ts";
import { zoneForAddress } from "./shipping-zones.ts";
import { getShopSettings } from "./shop-settings.ts";
import { taxRatesForAddress } from "./tax-rates.ts";
import { idsToLoad, resolveVariantRef } from "./variant-refs.ts";

// The checkout quote (issue 15): what an order of these items to this address would cost now, with
// every shipping method that can serve it. Nothing is written; the order statement prices the same
// input the same way and takes the stock and the code's use.

/**
 * Order placement's own variant read, so a quote refuses exactly what placing the order would
 * (unknown, archived or inactive, Choose a variant), plus what pricing needs and placement does not:
 * the unit weight (null when unknown) and the product's category.
 */
const QUOTE_VARIANTS: SqlStatement = {
  name: "checkout-quote-variants",
  text: `WITH placement AS (${ORDER_PLACEMENT_SQL.variants.text})
         SELECT placement.*, v."weightGrams", p."categoryId"
         FROM placement JOIN product_variant v ON v.id = placement.id JOIN product p ON p.id = placement."productId"`,
};

interface QuoteVariant extends PlacementVariant {
  weightGrams: number | null;
  categoryId: string | null;
}

export interface CheckoutQuoteRequest {
  items: readonly RequestedLine[];
  shippingAddress: Pick<ShippingAddress, "country" | "state">;
  /** The method the shopper chose; the cheapest one that serves the cart when absent. */
  shippingMethodId?: string | undefined;
  /** The code the shopper typed; absent or blank for none. */
  promotionCode?: string | undefined;
}

export interface CheckoutQuoteViewer {
  userId?: string | undefined;
  email?: string | undefined;
  now: Date;
}

/** A shipping method the cart can be sent with, at its price for this cart (cents, before any code). */
export interface QuotedShippingMethod {
  id: string;
  name: string;
  price: number;
  estimate: string;
}

/** All amounts in minor units (cents) of `currency`. */
export interface CheckoutQuote {
  currency: string;
  subtotal: number;
  /** Everything a code takes off, a waived shipping price included. */
  discount: number;
  /** The chosen method's price before any discount. */
  shipping: number;
  tax: number;
  total: number;
  /** True when the prices include tax (then `tax` is the part of `total` that is tax). */
  taxIncluded: boolean;
  lines: {
    variantId: string;
    productId: string;
    quantity: number;
    unitPrice: number;
    discount: number;
    tax: number;
    lineTotal: number;
  }[];
  /** Every method that can serve this cart, cheapest first. */
  shippingMethods: QuotedShippingMethod[];
  shippingMethodId: string;
  promotion: { code: string; description: string } | null;
}

/** The cart's lines as order placement resolves them, with their currency; refuses what placement refuses. */
async function quoteLines(
  db: DbClient,
  items: readonly RequestedLine[],
): Promise<{ currency: string; lines: PricingLine[] }> {
  const { variantIds, productIds } = idsToLoad(items);
  const variants = await sqlOn(db).rows<QuoteVariant>(QUOTE_VARIANTS, [variantIds, productIds]);
  const lines = aggregateLines(
    items.map((item) => ({ variantId: resolveVariantRef(item, variants).id, quantity: item.quantity })),
  );
  const byId = new Map(variants.map((variant) => [variant.id, variant]));
  const currencies = new Set(lines.map((line) => byId.get(line.variantId)!.currency));
  if (currencies.size > 1)
    throw new InvalidInputError("All items in one order must share a currency", {
      currencies: [...currencies],
    });
  const currency = [...currencies][0] ?? "USD";
  const pricingLines = lines.map((line): PricingLine => {
    const variant = byId.get(line.variantId)!;
    return {
      key: line.variantId,
      variantId: line.variantId,
      productId: variant.productId,
      quantity: line.quantity,
      unitPriceCents: variant.priceCents,
      categoryIds: variant.categoryId ? [variant.categoryId] : [],
      weightGrams: variant.weightGrams ?? undefined,
    };
  });
  const subtotalCents = orderTotalCents(pricingLines);
  if (subtotalCents > MAX_ORDER_TOTAL_CENTS)
    throw new InvalidInputError("Order total is too large", {
      totalCents: subtotalCents,
      maxTotalCents: MAX_ORDER_TOTAL_CENTS,
    });
  return { currency, lines: pricingLines };
}

/**
 * Prices a cart for checkout: the lines as order placement reads them, the code (refused with
 * PromotionNotApplicableError), every active method of the address's zone in the cart's currency that
 * can serve the cart (a weight-based method cannot when some variant has no weight), the requested
 * method or else the cheapest, and the address's tax rates in the shop's tax mode. Throws
 * NoShippingMethodError when no method serves the cart, and a 400 naming `shippingMethodId` when the
 * requested method is not among those offered.
 */
export async function quoteCheckout(
  db: DbClient,
  request: CheckoutQuoteRequest,
  viewer: CheckoutQuoteViewer,
): Promise<CheckoutQuote> {
  const { currency, lines } = await quoteLines(db, request.items);
  const address = { country: request.shippingAddress.country, state: request.shippingAddress.state };
  const code = request.promotionCode?.trim();
  const [zone, taxRates, settings, checkoutPromotion] = await Promise.all([
    zoneForAddress(db, address),
    taxRatesForAddress(db, address),
    getShopSettings(db),
    code
      ? promotionForCheckout(db, code, {
          userId: viewer.userId,
          email: viewer.email,
          now: viewer.now,
          lines,
          currency,
        })
      : null,
  ]);
  const promotion: PricingPromotion | null = checkoutPromotion?.promotion ?? null;

  const cart = shippingCartOf(lines, promotion);
  const shippingMethods = (zone?.methods ?? [])
    .filter((method) => method.currency === currency)
    .flatMap((method): QuotedShippingMethod[] => {
      const price = shippingPriceCents(method.rate, cart);
      return price === null ? [] : [{ id: method.id, name: method.name, price, estimate: method.estimate }];
    })
    // Stable: among equal prices the staff's order stands.
    .sort((a, b) => a.price - b.price);
  const cheapest = shippingMethods[0];
  if (!cheapest) throw new NoShippingMethodError();
  const chosen =
    request.shippingMethodId === undefined
      ? cheapest
      : shippingMethods.find((method) => method.id === request.shippingMethodId);
  if (!chosen)
    throw new InvalidInputError("This shipping method is not offered for this address and cart", {
      shippingMethodId: request.shippingMethodId,
    });

  const priced = priceOrder({
    lines,
    shippingCents: chosen.price,
    taxRates: { lineRatePpm: () => taxRates.ratePpm, shippingRatePpm: taxRates.shippingRatePpm },
    taxInclusive: settings.taxInclusive,
    promotion,
  });
  return {
    currency,
    subtotal: priced.subtotal,
    discount: priced.discount,
    shipping: priced.shipping,
    tax: priced.tax,
    total: priced.total,
    taxIncluded: priced.taxIncluded,
    lines: priced.lines.map((line, index) => ({
      variantId: line.key,
      productId: lines[index]!.productId,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      discount: line.discount,
      tax: line.tax,
      lineTotal: line.lineTotal,
    })),
    shippingMethods,
    shippingMethodId: chosen.id,
    promotion: checkoutPromotion
      ? { code: checkoutPromotion.code, description: checkoutPromotion.description }
      : null,
  };
}
