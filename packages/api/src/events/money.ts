/**
 * Formats an amount in minor units (cents for USD) in its currency, e.g. 123456 USD -> "$1,234.56".
 * The divisor comes from the currency's own number of fraction digits, so 1234 JPY is "¥1,234".
 */
export function formatMinorUnits(amount: number, currency: string, locale = "en-US"): string {
  const format = new Intl.NumberFormat(locale, { style: "currency", currency: currency.trim() });
  const fractionDigits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** fractionDigits);
}
