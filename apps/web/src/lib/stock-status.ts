import type { BadgeTone } from "~/components/ui/badge";

/** Nothing on hand is "Out of stock"; at or below the product's threshold "Low"; otherwise "In stock". */
export function stockStatus(onHand: number, lowStockThreshold: number): { label: string; tone: BadgeTone } {
  if (onHand <= 0) return { label: "Out of stock", tone: "danger" };
  if (onHand <= lowStockThreshold) return { label: "Low", tone: "warning" };
  return { label: "In stock", tone: "success" };
}
