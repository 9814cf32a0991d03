export function stockLabel(stock: number, threshold: number): string {
  if (stock <= 0) return "Sold out";
  if (stock <= threshold) return `Only ${stock} left`;
  return "In stock";
}

export function StockBadge({ stock, threshold }: { stock: number; threshold: number }) {
  const label = stockLabel(stock, threshold);
  const tone = stock <= 0 ? "text-stone-600" : stock <= threshold ? "text-amber-800" : "text-emerald-800";
  return <span className={`text-xs font-medium ${tone}`}>{label}</span>;
}
