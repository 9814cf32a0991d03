import { roundHalfEven } from "./rounding.ts";
import { assertCents, assertRatePpm, PPM_ONE_BIG, toSafeNumber } from "./validate.ts";

/**
 * Tax on a net amount (prices exclude tax, the US way): round-half-even of amount × rate.
 * 1000 cents at 82_500 ppm (8.25%) is exactly 82.5, which rounds to the even 82; 1020 cents -> 84.15 -> 84.
 */
export function exclusiveTaxCents(netCents: number, ratePpm: number): number {
  assertCents(netCents, "net amount");
  assertRatePpm(ratePpm, "tax rate");
  return toSafeNumber(roundHalfEven(BigInt(netCents) * BigInt(ratePpm), PPM_ONE_BIG), "tax");
}

/**
 * Tax inside a gross amount (prices include tax, the EU way): round-half-even of gross × rate / (1 + rate).
 * The net is gross − this tax, so net + tax = gross exactly; the tax is at most half the gross.
 */
export function inclusiveTaxCents(grossCents: number, ratePpm: number): number {
  assertCents(grossCents, "gross amount");
  assertRatePpm(ratePpm, "tax rate");
  const rate = BigInt(ratePpm);
  return toSafeNumber(roundHalfEven(BigInt(grossCents) * rate, PPM_ONE_BIG + rate), "tax");
}
