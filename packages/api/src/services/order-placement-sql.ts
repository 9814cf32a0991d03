import { orderEventJobCtes } from "../events/order-events.ts";
import { MAX_ADDRESSES_PER_USER } from "../schemas/address.ts";
import type { SqlStatement } from "../sql.ts";
import { orderSaleStockSql } from "./inventory-ledger.ts";

// The stock and event parts come from their one owner each: the inventory service writes stock and
// its ledger, the event module builds the job queue's enqueue call. This file only composes them.
const stock = orderSaleStockSql({
  productIds: "$1::uuid[]",
  when: "(SELECT unchanged AND enough FROM checked)",
  from: "placed",
  orderIdSql: "placed.id",
  actorIdSql: "$16",
});
const orderCreatedJob = orderEventJobCtes(
  "order.created",
  "json_build_object('orderId', placed.id)",
  "placed",
);

/** A product as the `products` statement returns it. */
export interface PlacementProduct {
  id: string;
  name: string;
  slug: string;
  imageUrl: string | null;
  priceCents: number;
  currency: string;
  active: boolean;
}

/** What the `place` statement writes; `placeValues` puts it in the statement's parameter order. */
export interface PlacementWrite {
  lines: {
    productId: string;
    quantity: number;
    unitPriceCents: number;
    productName: string;
    lineTotalCents: number;
  }[];
  userId: string;
  totalCents: number;
  currency: string;
  address: { street: string; city: string; state: string; zip: string; country: string };
  idempotencyKey: string | null;
  requestHash: string | null;
  actorId: string;
}

export function placeValues(write: PlacementWrite): unknown[] {
  const { lines, address } = write;
  return [
    lines.map((line) => line.productId),
    lines.map((line) => line.quantity),
    lines.map((line) => line.unitPriceCents),
    lines.map((line) => line.productName),
    lines.map((line) => line.lineTotalCents),
    write.userId,
    write.totalCents,
    write.currency,
    address.street,
    address.city,
    address.state,
    address.zip,
    address.country,
    write.idempotencyKey,
    write.requestHash,
    write.actorId,
  ];
}

/**
 * The two statements of one order placement (see order-placement.ts). Exported so the benchmark's
 * bare pg baseline runs exactly these, and the comparison measures everything around them.
 */
export const ORDER_PLACEMENT_SQL = {
  /** $1 product ids. */
  products: {
    name: "order-products",
    text: `SELECT id, name, slug, "imageUrl", "priceCents", trim(currency) AS currency, active
           FROM product WHERE id = ANY($1::uuid[])`,
  },

  /**
   * The whole write, one statement and so one transaction. It locks the stock rows in product-id
   * order (every lock is held before any row changes: concurrent multi-item orders cannot deadlock),
   * then checks that every product is still active at the name and price the totals were computed
   * from (`unchanged`) and that every line has the stock (`enough`). Only if both hold does it take
   * the stock, write the order, its items, its first history row, the ledger rows and the
   * order.created job; otherwise it writes nothing and `levels` says what each line has. A placed
   * order's address also goes into the user's address book (`saved_address`): skipped when it is
   * there already (same customer_address_hash()) or the book is full, the default when the book has
   * none, and skipped rather than failing on any conflict with a concurrent change of the book.
   *
   * Lines: $1 product ids, $2 quantities, $3 unit prices, $4 names, $5 line totals.
   * Order: $6 user, $7 total, $8 currency, $9–$13 street, city, state, zip, country,
   * $14 idempotency key, $15 request hash, $16 actor.
   */
  place: {
    name: "order-place",
    text: `WITH line AS (
             SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[], $4::text[], $5::bigint[])
               AS l("productId", quantity, "unitPriceCents", "productName", "lineTotalCents")
           ), locked AS (
             ${stock.locked}
           ), checked AS (
             SELECT
               (SELECT count(*) FROM line JOIN product p ON p.id = line."productId"
                WHERE p.active AND p."priceCents" = line."unitPriceCents" AND p.name = line."productName")
                 = cardinality($1::uuid[]) AS unchanged,
               (SELECT count(*) FROM line JOIN locked USING ("productId") WHERE locked."onHand" >= line.quantity)
                 = cardinality($1::uuid[]) AS enough
           ), taken AS (
             ${stock.taken}
           ), placed AS (
             INSERT INTO "order" ("userId", status, "subtotalCents", "totalCents", currency, "shipStreet",
               "shipCity", "shipState", "shipZip", "shipCountry", "idempotencyKey", "requestHash")
             SELECT $6, 'pending'::"OrderStatus", $7::bigint, $7::bigint, $8, $9, $10, $11, $12, $13, $14, $15
             WHERE (SELECT unchanged AND enough FROM checked)
             RETURNING id, number, "createdAt", "updatedAt"
           ), items AS (
             INSERT INTO order_item ("orderId", "productId", "productName", "unitPriceCents", quantity, "lineTotalCents")
             SELECT placed.id, line."productId", line."productName", line."unitPriceCents", line.quantity,
               line."lineTotalCents"
             FROM placed, line
           ), history AS (
             INSERT INTO order_status_history ("orderId", "fromStatus", "toStatus", "actorId")
             SELECT id, NULL, 'pending'::"OrderStatus", $16 FROM placed
           ), ledger AS (
             ${stock.ledger}
           ), book AS (
             SELECT count(*) AS saved, coalesce(bool_or("isDefault"), false) AS "hasDefault"
             FROM customer_address WHERE "userId" = $6
           ), saved_address AS (
             INSERT INTO customer_address ("userId", street, city, state, zip, country, "isDefault")
             SELECT $6, $9, $10, $11, $12, $13, NOT book."hasDefault"
             FROM placed, book WHERE book.saved < ${MAX_ADDRESSES_PER_USER}
             ON CONFLICT DO NOTHING
           ), ${orderCreatedJob}
           SELECT checked.unchanged, checked.enough, placed.id, placed.number, placed."createdAt",
             placed."updatedAt", (SELECT count(*) FROM job)::int AS queued,
             (SELECT json_agg(json_build_object('productId', "productId", 'onHand', "onHand")) FROM locked) AS levels
           FROM checked LEFT JOIN placed ON true`,
  },
} satisfies Record<string, SqlStatement>;
