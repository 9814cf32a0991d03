/**
 * Round half to even ("banker's rounding") of an exact fraction: ties go to the even neighbour, so
 * rounding many amounts has no upward bias, unlike half-up. Exact integer arithmetic, never a float.
 */
export function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("roundHalfEven: the denominator must not be 0");
  if (denominator < 0n) return roundHalfEven(-numerator, -denominator);
  // BigInt division truncates toward zero; work on the magnitude and restore the sign.
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = magnitude / denominator;
  const twiceRemainder = (magnitude % denominator) * 2n;
  let rounded = quotient;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) {
    rounded = quotient + 1n;
  }
  return negative ? -rounded : rounded;
}
