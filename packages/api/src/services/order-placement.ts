import { createHash } from "node:crypto";
import type { DbClient } from "../db-client.ts";
import { lineTotalCents, orderTotalCents } from "../domain/money.ts";
import { aggregateLines, type RequestedLine } from "../domain/order-lines.ts";
import { InsufficientInventoryError, InvalidInputError, NotFoundError } from "../errors.ts";
import { enqueueOrderEvent } from "../events/order-events.ts";
import type { ShippingAddress } from "../schemas/order.ts";
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
 * Writes one order inside the caller's transaction: the order, its items and history first, then the
 * stock, taken with one conditional UPDATE over all lines (rows locked in id order first, so
 * concurrent multi-item orders cannot deadlock). If any line is short, the error names it and the
 * caller's transaction rolls everything back, the order included.
 */
export async function placeOrder(
  tx: DbClient,
  request: PlaceOrderRequest,
  requestHash: string,
  actor: { id: string; name: string },
  customer: OrderView["customer"],
): Promise<OrderView> {
  const actorId = actor.id;
  const lines = aggregateLines(request.items);
  const ids = lines.map((line) => line.productId);
  const products = await tx.product.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, priceCents: true, currency: true, active: true },
  });
  const byId = new Map(products.map((product) => [product.id, product]));
  for (const line of lines) {
    if (!byId.get(line.productId)?.active)
      throw new NotFoundError("Product not found", { productId: line.productId });
  }
  const currencies = new Set(products.map((product) => product.currency.trim()));
  if (currencies.size > 1)
    throw new InvalidInputError("All items in one order must share a currency", {
      currencies: [...currencies],
    });

  const priced = lines.map((line) => {
    const product = byId.get(line.productId)!;
    return { ...line, productName: product.name, unitPriceCents: product.priceCents };
  });
  const subtotalCents = orderTotalCents(priced);
  const address = request.shippingAddress;
  const order = await tx.order.create({
    data: {
      userId: request.userId,
      status: "pending",
      subtotalCents,
      totalCents: subtotalCents,
      currency: [...currencies][0] ?? "USD",
      shipStreet: address.street,
      shipCity: address.city,
      shipState: address.state,
      shipZip: address.zip,
      shipCountry: address.country,
      idempotencyKey: request.idempotencyKey ?? null,
      requestHash,
      items: {
        createMany: {
          data: priced.map((line) => ({
            productId: line.productId,
            productName: line.productName,
            unitPriceCents: line.unitPriceCents,
            quantity: line.quantity,
            lineTotalCents: lineTotalCents(line),
          })),
        },
      },
      history: { create: { fromStatus: null, toStatus: "pending", actorId } },
    },
    select: { id: true, number: true, createdAt: true, updatedAt: true },
  });

  // Stock is taken last, so the hot inventory rows stay locked only for the stock update, the
  // ledger rows and the event, not for the order's own inserts.
  if (lines.length > 1) {
    await tx.$queryRaw`SELECT 1 FROM inventory_level WHERE "productId" = ANY(${ids}::uuid[]) ORDER BY "productId" FOR UPDATE`;
  }
  const taken = await tx.$queryRaw<{ productId: string; onHand: number }[]>`
    UPDATE inventory_level l
    SET "onHand" = l."onHand" - w.quantity, version = l.version + 1, "updatedAt" = now()
    FROM unnest(${ids}::uuid[], ${lines.map((line) => line.quantity)}::int[]) AS w("productId", quantity)
    WHERE l."productId" = w."productId" AND l."onHand" >= w.quantity
    RETURNING l."productId", l."onHand"`;
  const remaining = new Map(taken.map((row) => [row.productId, row.onHand]));
  const short = lines.find((line) => !remaining.has(line.productId));
  if (short) {
    const level = await tx.inventoryLevel.findUnique({
      where: { productId: short.productId },
      select: { onHand: true },
    });
    throw new InsufficientInventoryError({
      productId: short.productId,
      productName: byId.get(short.productId)!.name,
      available: level?.onHand ?? 0,
      requested: short.quantity,
    });
  }

  await tx.stockMovement.createMany({
    data: priced.map((line) => ({
      productId: line.productId,
      delta: -line.quantity,
      reason: "sale" as const,
      orderId: order.id,
      actorId,
      quantityAfter: remaining.get(line.productId)!,
    })),
  });
  await enqueueOrderEvent(tx, { name: "order.created", payload: { orderId: order.id } });
  // The view of what was just written, so the caller need not read it all back.
  return {
    id: order.id,
    number: order.number,
    userId: request.userId,
    status: "pending",
    subtotalCents,
    shippingCents: 0,
    totalCents: subtotalCents,
    currency: [...currencies][0] ?? "USD",
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
