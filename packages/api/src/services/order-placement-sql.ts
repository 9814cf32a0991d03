import type { SqlStatement } from "../sql-transaction.ts";

/**
 * The statements of one order placement (see order-placement.ts). Exported so the benchmark's bare
 * pg baseline runs exactly these, and the comparison measures everything around them.
 */
export const ORDER_PLACEMENT_SQL = {
  /** $1 product ids. */
  products: {
    name: "order-products",
    text: `SELECT id, name, "priceCents", trim(currency) AS currency, active
           FROM product WHERE id = ANY($1::uuid[])`,
  },

  /**
   * The order, its items, its first history row and its order.created job, in one statement.
   * $1 user, $2 total, $3 currency, $4–$8 address, $9 idempotency key, $10 request hash,
   * $11–$15 items (product, name, unit price, quantity, line total), $16 actor.
   */
  order: {
    name: "order-insert",
    text: `WITH placed AS (
             INSERT INTO "order" ("userId", status, "subtotalCents", "totalCents", currency, "shipStreet",
               "shipCity", "shipState", "shipZip", "shipCountry", "idempotencyKey", "requestHash")
             VALUES ($1, 'pending', $2, $2, $3, $4, $5, $6, $7, $8, $9, $10)
             RETURNING id, number, "createdAt", "updatedAt"
           ), items AS (
             INSERT INTO order_item ("orderId", "productId", "productName", "unitPriceCents", quantity, "lineTotalCents")
             SELECT placed.id, line.*
             FROM placed, unnest($11::uuid[], $12::text[], $13::int[], $14::int[], $15::int[]) AS line
           ), history AS (
             INSERT INTO order_status_history ("orderId", "fromStatus", "toStatus", "actorId")
             SELECT id, NULL, 'pending', $16 FROM placed
           ), job AS (
             SELECT graphile_worker.add_job('order.created', json_build_object('orderId', id), max_attempts => 25)
             FROM placed
           )
           SELECT id, number, "createdAt", "updatedAt", (SELECT count(*) FROM job)::int AS queued FROM placed`,
  },

  /**
   * Takes the stock of every line with one conditional UPDATE and writes a ledger row per line taken.
   * The rows are locked in product-id order first (the count is a one-time filter, so all locks are
   * held before any row is updated): concurrent multi-item orders cannot deadlock. A line missing from
   * the result was short; the caller then rolls the whole transaction back.
   * $1 product ids, $2 quantities, $3 order, $4 actor.
   */
  takeStock: {
    name: "order-take-stock",
    text: `WITH locked AS (
             SELECT "productId" FROM inventory_level
             WHERE "productId" = ANY($1::uuid[]) ORDER BY "productId" FOR UPDATE
           ), taken AS (
             UPDATE inventory_level l
             SET "onHand" = l."onHand" - w.quantity, version = l.version + 1, "updatedAt" = now()
             FROM unnest($1::uuid[], $2::int[]) AS w("productId", quantity)
             WHERE l."productId" = w."productId" AND l."onHand" >= w.quantity
               AND (SELECT count(*) FROM locked) > 0
             RETURNING l."productId", l."onHand", w.quantity
           ), ledger AS (
             INSERT INTO stock_movement ("productId", delta, reason, "orderId", "actorId", "quantityAfter")
             SELECT "productId", -quantity, 'sale', $3, $4, "onHand" FROM taken
           )
           SELECT "productId", "onHand" FROM taken`,
  },

  /** $1 product id: what is left of a line that was short. */
  available: {
    name: "order-available",
    text: `SELECT "onHand" FROM inventory_level WHERE "productId" = $1::uuid`,
  },
} satisfies Record<string, SqlStatement>;
