import type { OrderStatus } from "@stockroom/db";
import { ConflictError } from "../errors.ts";

/** The forward path an order walks; cancellation is separate (it restocks). */
const nextStatus: Partial<Record<OrderStatus, OrderStatus>> = {
  pending: "paid",
  paid: "shipped",
  shipped: "delivered",
};

export const CANCELLABLE_STATUSES: readonly OrderStatus[] = ["pending", "paid"];

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  if (to === "cancelled") return CANCELLABLE_STATUSES.includes(from);
  return nextStatus[from] === to;
}

export function allowedTransitions(from: OrderStatus): OrderStatus[] {
  const forward = nextStatus[from];
  return [
    ...(forward ? [forward] : []),
    ...(CANCELLABLE_STATUSES.includes(from) ? (["cancelled"] as const) : []),
  ];
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (canTransition(from, to)) return;
  if (to === "cancelled") throw new ConflictError("Order cannot be cancelled", { status: from });
  throw new ConflictError(`Order cannot move from ${from} to ${to}`, {
    status: from,
    allowed: allowedTransitions(from),
  });
}
