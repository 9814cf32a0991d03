import { DEFAULT_CURRENCY } from "@stockroom/api/schemas";

// The one formatter, shared with the API's e-mails: it honours each currency's minor units (JPY has none).
export { DEFAULT_CURRENCY, formatMoney, roundToMinorUnits, toMajorUnits } from "@stockroom/api/schemas";

/** A cart's subtotal is in its products' currency (an order refuses mixed ones); an empty cart's in the shop's. */
export function cartCurrency(lines: readonly { product?: { currency: string } | null }[]): string {
  return lines.find((line) => line.product)?.product?.currency ?? DEFAULT_CURRENCY;
}
