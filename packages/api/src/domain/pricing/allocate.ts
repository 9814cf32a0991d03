import { assertCents, toSafeNumber } from "./validate.ts";

/** One share of an allocation: a stable identity (breaks ties) and its weight (e.g. a line's subtotal). */
export interface AllocationWeight {
  key: string;
  weight: number;
}

/**
 * Splits `total` over `weights` in proportion, in whole units, by largest remainder (Hamilton): each
 * share is its proportional share rounded down, and the units left over go one each to the largest
 * remainders. The shares add up to `total` exactly and each lies within 1 of its exact proportional
 * share; a zero weight gets nothing. Ties between equal remainders go to the smaller key (plain string
 * order), never to array position, so shuffling the input shuffles the output and changes no share.
 * Returns the shares in the order of `weights`. Keys must be unique.
 */
export function allocate(total: number, weights: readonly AllocationWeight[]): number[] {
  assertCents(total, "allocate: total");
  const keys = new Set<string>();
  let weightSum = 0n;
  for (const { key, weight } of weights) {
    if (keys.has(key)) throw new RangeError(`allocate: key "${key}" appears twice`);
    keys.add(key);
    assertCents(weight, `allocate: weight of "${key}"`);
    weightSum += BigInt(weight);
  }
  if (weightSum === 0n) {
    if (total === 0) return weights.map(() => 0);
    throw new RangeError(`allocate: cannot spread ${total} over weights that are all 0`);
  }

  const whole = BigInt(total);
  const shares = weights.map(({ key, weight }, index) => {
    const scaled = whole * BigInt(weight);
    return { index, key, share: scaled / weightSum, remainder: scaled % weightSum };
  });
  let left = whole - shares.reduce((sum, { share }) => sum + share, 0n);
  // Fewer units are left than there are non-zero remainders, so a zero remainder never gets one.
  const byRemainder = [...shares].sort((a, b) => {
    if (a.remainder !== b.remainder) return a.remainder > b.remainder ? -1 : 1;
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
  for (const entry of byRemainder) {
    if (left === 0n) break;
    entry.share += 1n;
    left -= 1n;
  }
  return shares.map(({ key, share }) => toSafeNumber(share, `allocate: share of "${key}"`));
}
