import { createHash } from "node:crypto";
import { retryingTransaction } from "../db-client.ts";
import { lineTotalCents, orderTotalCents } from "../domain/money.ts";
import { aggregateLines, type RequestedLine } from "../domain/order-lines.ts";
import { InsufficientInventoryError, InvalidInputError, NotFoundError } from "../errors.ts";
import { MAX_ORDER_TOTAL_CENTS, type ShippingAddress } from "../schemas/order.ts";
import type { Sql } from "../sql.ts";
import type { StockChange } from "./catalog-cache.ts";
import { ORDER_PLACEMENT_SQL, type PlacementProduct, placeValues } from "./order-placement-sql.ts";
import type { OrderView } from "./order-view.ts";
import { RetryableConflictError } from "./transaction-retry.ts";

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

type PlacedRow = {
  unchanged: boolean;
  enough: boolean;
  id: string | null;
  number: number | null;
  createdAt: Date | null;
  updatedAt: Date | null;
  levels: { productId: string; onHand: number }[] | string | null;
};

/**
 * Writes one order: reads the products, computes the lines and totals, then writes everything in one
 * statement (ORDER_PLACEMENT_SQL.place) that first confirms the products are unchanged and every
 * line has the stock, and otherwise writes nothing. A short line is named in the error. A product
 * changed in between, a deadlock or a serialization failure means trying again from the start, at
 * the one retry point of the outermost transaction: here when the statement is its own transaction,
 * the caller's transaction otherwise (a staff mutation), which is aborted or must re-read anyway.
 */
export async function placeOrder(
  sql: Sql,
  request: PlaceOrderRequest,
  requestHash: string,
  actor: { id: string; name: string },
  customer: OrderView["customer"],
): Promise<{ order: OrderView; stockChanges: StockChange[] }> {
  const attempt = async () => {
    const placed = await tryPlaceOrder(sql, request, requestHash, actor, customer);
    if (placed) return placed;
    throw new RetryableConflictError("Some products changed while the order was placed. Please try again.");
  };
  return sql.inTransaction ? attempt() : retryingTransaction(attempt);
}

/** One attempt; undefined when a product changed between reading it and writing the order. */
async function tryPlaceOrder(
  sql: Sql,
  request: PlaceOrderRequest,
  requestHash: string,
  actor: { id: string; name: string },
  customer: OrderView["customer"],
): Promise<{ order: OrderView; stockChanges: StockChange[] } | undefined> {
  const actorId = actor.id;
  const lines = aggregateLines(request.items);
  const ids = lines.map((line) => line.productId);
  const products = await sql.rows<PlacementProduct>(ORDER_PLACEMENT_SQL.products, [ids]);
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
    return {
      ...line,
      productName: product.name,
      productSlug: product.slug,
      imageUrl: product.imageUrl,
      unitPriceCents: product.priceCents,
    };
  });
  const subtotalCents = orderTotalCents(priced);
  // Checked before any stock is looked at: such an order is refused whatever is on the shelf.
  if (subtotalCents > MAX_ORDER_TOTAL_CENTS)
    throw new InvalidInputError("Order total is too large", {
      totalCents: subtotalCents,
      maxTotalCents: MAX_ORDER_TOTAL_CENTS,
    });
  const address = request.shippingAddress;
  const [row] = await sql.rows<PlacedRow>(
    ORDER_PLACEMENT_SQL.place,
    placeValues({
      lines: priced.map((line) => ({ ...line, lineTotalCents: lineTotalCents(line) })),
      userId: request.userId,
      totalCents: subtotalCents,
      currency,
      address,
      idempotencyKey: request.idempotencyKey ?? null,
      requestHash,
      actorId,
    }),
  );
  if (!row) throw new Error("The order statement returned no row");
  if (!row.unchanged) return undefined;
  if (!row.enough) {
    const onHand = levelsOf(row.levels);
    const short = lines.find((line) => (onHand.get(line.productId) ?? 0) < line.quantity)!;
    throw new InsufficientInventoryError({
      productId: short.productId,
      productName: byId.get(short.productId)!.name,
      available: onHand.get(short.productId) ?? 0,
      requested: short.quantity,
    });
  }
  const order = { id: row.id!, number: row.number!, createdAt: row.createdAt!, updatedAt: row.updatedAt! };
  const before = levelsOf(row.levels);
  const stockChanges = lines.map((line) => ({
    productId: line.productId,
    onHand: (before.get(line.productId) ?? 0) - line.quantity,
    delta: -line.quantity,
  }));

  // The view of what was just written, so the caller need not read it all back.
  const view: OrderView = {
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
        productSlug: line.productSlug,
        imageUrl: line.imageUrl,
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
  return { order: view, stockChanges };
}

/** The stock each line's product had under the statement's locks, before it was taken. */
function levelsOf(levels: PlacedRow["levels"]): Map<string, number> {
  const rows = (typeof levels === "string" ? JSON.parse(levels) : (levels ?? [])) as {
    productId: string;
    onHand: number;
  }[];
  return new Map(rows.map((level) => [level.productId, level.onHand]));
}
