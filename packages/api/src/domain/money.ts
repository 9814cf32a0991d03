/**
 * Money is integer minor units everywhere inside (cents for USD, yen for JPY, fils for KWD); REST and
 * forms speak decimal major units. How many minor units make a major one is the currency's own number
 * of fraction digits (ISO 4217, as Intl reports it), so every conversion takes the currency. Pure: the
 * web app imports this through `@stockroom/api/schemas`.
 */

const DEFAULT_LOCALE = "en-US";

/** The shop's currency where an amount has none of its own: new products, sums over many orders. */
export const DEFAULT_CURRENCY = "USD";

// Building an Intl.NumberFormat costs far more than using one; currency codes are few (three letters).
const formats = new Map<string, Intl.NumberFormat>();
// resolvedOptions() builds a new object on each call, and every amount of a REST response asks for its
// currency's digits (about 2 % of the API's CPU per order in a profile of the spread-order bench).
const fractionDigits = new Map<string, number>();

function currencyFormat(currency: string, locale: string): Intl.NumberFormat {
  const code = currency.trim().toUpperCase();
  const cacheKey = `${locale}|${code}`;
  let format = formats.get(cacheKey);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency: code });
    formats.set(cacheKey, format);
  }
  return format;
}

/** A well-formed ISO 4217 code (three letters; a char(3) column's padding is ignored). */
export function isCurrencyCode(currency: string): boolean {
  return /^[A-Za-z]{3}$/.test(currency.trim());
}

/** Fraction digits of a currency: USD 2, JPY 0, KWD 3. Throws RangeError for a malformed code. */
export function minorUnitsOf(currency: string): number {
  let digits = fractionDigits.get(currency);
  if (digits === undefined) {
    digits = currencyFormat(currency, DEFAULT_LOCALE).resolvedOptions().maximumFractionDigits ?? 2;
    // Only well-formed codes get here (a malformed one threw), so the map stays small.
    if (isCurrencyCode(currency)) fractionDigits.set(currency, digits);
  }
  return digits;
}

function scaleOf(currency: string): number {
  return 10 ** minorUnitsOf(currency);
}

/** Rounds half away from zero (so -0.5 cents and 0.5 cents mirror each other) and never yields -0. */
function roundHalfAwayFromZero(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value)) + 0;
}

/** Minor units to a decimal amount in major units: 1999 USD -> 19.99, 1999 JPY -> 1999, 1999 KWD -> 1.999. */
export function toMajorUnits(minor: number, currency: string): number {
  return roundHalfAwayFromZero(minor) / scaleOf(currency);
}

// Binary floating point cannot hold most decimals exactly (19.99 * 100 is 1998.9999999999998), so an
// amount counts as exact when it lies this close to a whole number of minor units.
const EXACT_TOLERANCE = 1e-6;

/** Whether a decimal amount has no more decimals than its currency allows (2 for USD, 0 for JPY). */
export function fitsMinorUnits(amount: number, currency: string): boolean {
  if (!Number.isFinite(amount)) return false;
  const scaled = amount * scaleOf(currency);
  return Math.abs(scaled - Math.round(scaled)) <= EXACT_TOLERANCE;
}

/**
 * A decimal amount in major units to minor units: 19.99 USD -> 1999, 1234 JPY -> 1234. An amount finer
 * than the currency's minor unit (19.995 USD, 0.5 JPY) is refused with a RangeError, never rounded.
 */
export function toMinorUnits(amount: number, currency: string): number {
  if (!fitsMinorUnits(amount, currency)) {
    const digits = minorUnitsOf(currency);
    throw new RangeError(
      `${amount} ${currency.trim()} has more than ${digits} decimal${digits === 1 ? "" : "s"}`,
    );
  }
  return roundHalfAwayFromZero(amount * scaleOf(currency));
}

/** Like toMinorUnits, but rounds an amount finer than the minor unit (typed filters, not stored money). */
export function roundToMinorUnits(amount: number, currency: string): number {
  return roundHalfAwayFromZero(amount * scaleOf(currency));
}

/**
 * Formats minor units in their currency for people: 123456 USD -> "$1,234.56", 1234 JPY -> "¥1,234",
 * 1234 KWD -> "KWD 1.234", -500 USD -> "-$5.00". The one formatter of the web app and the e-mails.
 */
export function formatMoney(minor: number, currency: string, locale = DEFAULT_LOCALE): string {
  return currencyFormat(currency, locale).format(toMajorUnits(minor, currency));
}

/**
 * Minor units as plain decimal text with exactly the currency's digits, for files (CSV):
 * 1250 USD -> "12.50", 1234 JPY -> "1234", 1999 KWD -> "1.999".
 */
export function toDecimalText(minor: number, currency: string): string {
  const digits = minorUnitsOf(currency);
  const sign = minor < 0 ? "-" : "";
  const text = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, "0");
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * Decimal text ("12.5", "7", "1.999") to minor units by digits, never through binary floating point;
 * undefined when it is not a plain non-negative decimal or has more decimals than the currency allows.
 */
export function decimalTextToMinorUnits(text: string, currency: string): number | undefined {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return undefined;
  const digits = minorUnitsOf(currency);
  const [, whole = "0", fraction = ""] = match;
  if (fraction.length > digits) return undefined;
  return Number(whole + fraction.padEnd(digits, "0"));
}

export interface PricedLine {
  unitPriceCents: number;
  quantity: number;
}

export function lineTotalCents(line: PricedLine): number {
  return line.unitPriceCents * line.quantity;
}

export function orderTotalCents(lines: readonly PricedLine[]): number {
  return lines.reduce((sum, line) => sum + lineTotalCents(line), 0);
}

/**
 * Order money is stored as bigint cents (reads return a JS bigint); the API speaks numbers. Orders are
 * capped at MAX_ORDER_TOTAL_CENTS, and even a sum over every order stays far below 2^53, where a
 * number would stop being exact.
 */
export function centsFromDb(cents: bigint | number | { toString(): string }): number {
  return typeof cents === "number" ? cents : Number(cents.toString());
}
