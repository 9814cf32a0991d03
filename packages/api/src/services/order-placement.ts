import { createHash } from "node:crypto";
import { retryingTransaction } from "../db-client.ts";
import { lineTotalCents, orderTotalCents } from "../domain/money.ts";
import { aggregateLines, lineKey, type RequestedLine } from "../domain/order-lines.ts";
import { variantTitle } from "../domain/variants.ts";
import { InsufficientInventoryError, InvalidInputError } from "../errors.ts";
import { MAX_ORDER_TOTAL_CENTS, type ShippingAddress } from "../schemas/order.ts";
import type { Sql } from "../sql.ts";
import type { StockChange } from "./catalog-cache.ts";
import { ORDER_PLACEMENT_SQL, type PlacementVariant, placeValues } from "./order-placement-sql.ts";
import type { OrderView } from "./order-view.ts";
import { RetryableConflictError } from "./transaction-retry.ts";
import { idsToLoad, resolveVariantRef } from "./variant-refs.ts";

export interface PlaceOrderRequest {
  userId: string;
  items: RequestedLine[];
  shippingAddress: ShippingAddress;
  idempotencyKey?: string;
}

/** What makes two requests "the same" for an idempotency key: who, what (added up per line reference) and where. */
export function hashOrderRequest(request: PlaceOrderRequest): string {
  const totals = new Map<string, number>();
  for (const line of request.items)
    totals.set(lineKey(line), (totals.get(lineKey(line)) ?? 0) + line.quantity);
  const lines = [...totals].sort(([a], [b]) => a.localeCompare(b));
  const address = request.shippingAddress;
  const canonical = JSON.stringify([
    request.userId,
    lines,
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
  levels: { variantId: string; onHand: number }[] | string | null;
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
  const { variantIds, productIds } = idsToLoad(request.items);
  const variants = await sql.rows<PlacementVariant>(ORDER_PLACEMENT_SQL.variants, [variantIds, productIds]);
  const lines = aggregateLines(
    request.items.map((item) => ({
      variantId: resolveVariantRef(item, variants).id,
      quantity: item.quantity,
    })),
  );
  const byId = new Map(variants.map((variant) => [variant.id, variant]));
  const currencies = new Set(lines.map((line) => byId.get(line.variantId)!.currency));
  if (currencies.size > 1)
    throw new InvalidInputError("All items in one order must share a currency", {
      currencies: [...currencies],
    });
  const currency = [...currencies][0] ?? "USD";

  const priced = lines.map((line) => {
    const variant = byId.get(line.variantId)!;
    return {
      ...line,
      productId: variant.productId,
      sku: variant.sku,
      variantTitle: variantTitle([variant.option1, variant.option2, variant.option3]),
      productName: variant.name,
      productSlug: variant.slug,
      imageUrl: variant.imageUrl,
      unitPriceCents: variant.priceCents,
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
    const short = priced.find((line) => (onHand.get(line.variantId) ?? 0) < line.quantity)!;
    throw new InsufficientInventoryError({
      productId: short.productId,
      variantId: short.variantId,
      sku: short.sku,
      productName: short.productName,
      variantTitle: short.variantTitle,
      available: onHand.get(short.variantId) ?? 0,
      requested: short.quantity,
    });
  }
  const order = { id: row.id!, number: row.number!, createdAt: row.createdAt!, updatedAt: row.updatedAt! };
  const before = levelsOf(row.levels);
  const stockChanges = priced.map((line) => ({
    productId: line.productId,
    variantId: line.variantId,
    onHand: (before.get(line.variantId) ?? 0) - line.quantity,
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
        variantId: line.variantId,
        sku: line.sku,
        variantTitle: line.variantTitle,
        productName: line.productName,
        productSlug: line.productSlug,
        imageUrl: line.imageUrl,
        unitPriceCents: line.unitPriceCents,
        quantity: line.quantity,
        lineTotalCents: lineTotalCents(line),
      }))
      .sort(byNameAndTitle),
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

/** The stock each line's variant had under the statement's locks, before it was taken. */
function levelsOf(levels: PlacedRow["levels"]): Map<string, number> {
  const rows = (typeof levels === "string" ? JSON.parse(levels) : (levels ?? [])) as {
    variantId: string;
    onHand: number;
  }[];
  return new Map(rows.map((level) => [level.variantId, level.onHand]));
}

/** Order lines as orders show them: by product name, then variant title (as order-view.ts reads them). */
export function byNameAndTitle(
  a: { productName: string; variantTitle: string },
  b: { productName: string; variantTitle: string },
): number {
  return a.productName.localeCompare(b.productName) || a.variantTitle.localeCompare(b.variantTitle);
}
