/**
 * Input checks shared by the pricing functions. Amounts are integer minor units held in JS numbers, so
 * each must be a non-negative safe integer; anything else is a caller's bug, refused with a RangeError
 * that names the value, never rounded or clamped into something plausible.
 */

/** One whole (100%) in parts per million: 1% is 10_000 ppm, 8.875% is 88_750 ppm. */
export const PPM_ONE = 1_000_000;
export const PPM_ONE_BIG = 1_000_000n;

export function assertCents(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative safe integer of minor units, got ${value}`);
  }
}

export function assertQuantity(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${what} must be a whole number of at least 1, got ${value}`);
  }
}

export function assertRatePpm(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > PPM_ONE) {
    throw new RangeError(`${what} must be an integer from 0 to ${PPM_ONE} ppm, got ${value}`);
  }
}

/** Back from exact BigInt arithmetic to a number, refusing a result a number could not hold exactly. */
export function toSafeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${what} (${value}) is beyond the safe integer range`);
  }
  return Number(value);
}
