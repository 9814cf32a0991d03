/** A requested line: what it buys (a variant, or a single-variant product) and how many. */
export interface RequestedLine {
  variantId?: string | undefined;
  productId?: string | undefined;
  quantity: number;
}

/** A line once its variant is known. */
export interface VariantLine {
  variantId: string;
  quantity: number;
}

/** Adds up quantities of the same variant, keeping the order in which variants first appear. */
export function aggregateLines(lines: readonly VariantLine[]): VariantLine[] {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.variantId, (totals.get(line.variantId) ?? 0) + line.quantity);
  return [...totals].map(([variantId, quantity]) => ({ variantId, quantity }));
}

/** A line's reference as one string, for hashing a request: the variant, or the product it names. */
export function lineKey(line: RequestedLine): string {
  return line.variantId !== undefined ? `v:${line.variantId}` : `p:${line.productId}`;
}
