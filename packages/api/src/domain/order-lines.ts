export interface RequestedLine {
  productId: string;
  quantity: number;
}

/** Adds up quantities of the same product, keeping the order in which products first appear. */
export function aggregateLines(lines: readonly RequestedLine[]): RequestedLine[] {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.productId, (totals.get(line.productId) ?? 0) + line.quantity);
  return [...totals].map(([productId, quantity]) => ({ productId, quantity }));
}
