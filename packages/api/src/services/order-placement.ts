import { createHash } from "node:crypto";
import { lineTotalCents, orderTotalCents } from "../domain/money.ts";
import { aggregateLines, type RequestedLine } from "../domain/order-lines.ts";
import { InsufficientInventoryError, InvalidInputError, NotFoundError } from "../errors.ts";
import type { ShippingAddress } from "../schemas/order.ts";
import type { Sql } from "../sql-transaction.ts";
import { ORDER_PLACEMENT_SQL } from "./order-placement-sql.ts";
import type { OrderView } from "./order-view.ts";

export interface PlaceOrderRequest {
  userId: string;
  items: RequestedLine[];
  shippingAddress: ShippingAddress;
  idempotencyKey?: string;
}

/** What makes two requests "the same" for an idempotency key: who, what (after aggregation) and where. */
export function hashOrderRequest(request: PlaceOrderRequest): string {
  const lines = aggregateLines(request.items).sort((a, b) => a.productId.localeCompare(b.productId));
  const address = request.shippingAddress;
  const canonical = JSON.stringify([
    request.userId,
    lines.map((l) => [l.productId, l.quantity]),
    [address.street, address.city, address.state, address.zip, address.country],
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

/**
 * Writes one order in the caller's transaction, in plain SQL (ORDER_PLACEMENT_SQL): the order, its
 * items, history and order.created job first, then the stock, taken with one conditional UPDATE over
 * all lines, so the hot inventory rows stay locked for one statement and the commit. If any line is
 * short, the error names it and the caller's transaction rolls everything back, the order included.
 */
export async function placeOrder(
  sql: Sql,
  request: PlaceOrderRequest,
  requestHash: string,
  actor: { id: string; name: string },
  customer: OrderView["customer"],
): Promise<OrderView> {
  const actorId = actor.id;
  const lines = aggregateLines(request.items);
  const ids = lines.map((line) => line.productId);
  const products = await sql.rows<{
    id: string;
    name: string;
    priceCents: number;
    currency: string;
    active: boolean;
  }>(ORDER_PLACEMENT_SQL.products, [ids]);
  const byId = new Map(products.map((product) => [product.id, product]));
  for (const line of lines) {
    if (!byId.get(line.productId)?.active)
      throw new NotFoundError("Product not found", { productId: line.productId });
  }
  const currencies = new Set(products.map((product) => product.currency));
  if (currencies.size > 1)
    throw new InvalidInputError("All items in one order must share a currency", {
      currencies: [...currencies],
    });
  const currency = [...currencies][0] ?? "USD";

  const priced = lines.map((line) => {
    const product = byId.get(line.productId)!;
    return { ...line, productName: product.name, unitPriceCents: product.priceCents };
  });
  const subtotalCents = orderTotalCents(priced);
  const address = request.shippingAddress;
  const [order] = await sql.rows<{ id: string; number: number; createdAt: Date; updatedAt: Date }>(
    ORDER_PLACEMENT_SQL.order,
    [
      request.userId,
      subtotalCents,
      currency,
      address.street,
      address.city,
      address.state,
      address.zip,
      address.country,
      request.idempotencyKey ?? null,
      requestHash,
      ids,
      priced.map((line) => line.productName),
      priced.map((line) => line.unitPriceCents),
      priced.map((line) => line.quantity),
      priced.map((line) => lineTotalCents(line)),
      actorId,
    ],
  );
  if (!order) throw new Error("The order insert returned no row");

  const taken = await sql.rows<{ productId: string; onHand: number }>(ORDER_PLACEMENT_SQL.takeStock, [
    ids,
    lines.map((line) => line.quantity),
    order.id,
    actorId,
  ]);
  const remaining = new Map(taken.map((row) => [row.productId, row.onHand]));
  const short = lines.find((line) => !remaining.has(line.productId));
  if (short) {
    const [level] = await sql.rows<{ onHand: number }>(ORDER_PLACEMENT_SQL.available, [short.productId]);
    throw new InsufficientInventoryError({
      productId: short.productId,
      productName: byId.get(short.productId)!.name,
      available: level?.onHand ?? 0,
      requested: short.quantity,
    });
  }

  // The view of what was just written, so the caller need not read it all back.
  return {
    id: order.id,
    number: order.number,
    userId: request.userId,
    status: "pending",
    subtotalCents,
    shippingCents: 0,
    totalCents: subtotalCents,
    currency,
    shippingAddress: {
      street: address.street,
      city: address.city,
      state: address.state,
      zip: address.zip,
      country: address.country,
    },
    trackingNumber: null,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    items: priced
      .map((line) => ({
        productId: line.productId,
        productName: line.productName,
        unitPriceCents: line.unitPriceCents,
        quantity: line.quantity,
        lineTotalCents: lineTotalCents(line),
      }))
      .sort((a, b) => a.productName.localeCompare(b.productName)),
    customer,
    // The history row's createdAt defaults to now(), the transaction's start, like the order's.
    history: [
      {
        fromStatus: null,
        toStatus: "pending",
        note: null,
        createdAt: order.createdAt,
        actor: { id: actor.id, name: actor.name },
      },
    ],
  };
}
