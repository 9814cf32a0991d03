/** Money is integer minor units (cents) everywhere inside; REST speaks decimal major units. */

export function centsToMajor(cents: number): number {
  return Math.round(cents) / 100;
}

/** Converts a decimal amount with at most two decimals to cents; anything finer is refused. */
export function majorToCents(major: number): number {
  const cents = Math.round(major * 100);
  if (!Number.isFinite(major) || Math.abs(major * 100 - cents) > 1e-6) {
    throw new RangeError(`${major} has more than two decimals`);
  }
  return cents;
}

export function hasAtMostTwoDecimals(major: number): boolean {
  return Number.isFinite(major) && Math.abs(major * 100 - Math.round(major * 100)) <= 1e-6;
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
