import type { OrderStatusSchema } from "@stockroom/api/schemas";
import type { z } from "zod";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { stockStatus } from "~/lib/stock-status";

export type OrderStatus = z.infer<typeof OrderStatusSchema>;

const ORDER_TONES: Record<OrderStatus, BadgeTone> = {
  pending: "warning",
  paid: "info",
  shipped: "info",
  delivered: "success",
  cancelled: "neutral",
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return (
    <Badge tone={ORDER_TONES[status]}>
      <span className="capitalize">{status}</span>
    </Badge>
  );
}

export function StockStatusBadge({
  onHand,
  lowStockThreshold,
}: {
  onHand: number;
  lowStockThreshold: number;
}) {
  const { label, tone } = stockStatus(onHand, lowStockThreshold);
  return <Badge tone={tone}>{label}</Badge>;
}
