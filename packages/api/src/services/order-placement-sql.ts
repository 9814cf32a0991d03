import { orderEventJobCtes } from "../events/order-events.ts";
import { MAX_ADDRESSES_PER_USER } from "../schemas/address.ts";
import type { SqlStatement } from "../sql.ts";
import { orderSaleStockSql } from "./inventory-ledger.ts";

// The stock and event parts come from their one owner each: the inventory service writes stock and
// its ledger, the event module builds the job queue's enqueue call. This file only composes them.
const stock = orderSaleStockSql({
  variantIds: "$1::uuid[]",
  when: "(SELECT unchanged AND enough FROM checked)",
  from: "placed",
  orderIdSql: "placed.id",
  actorIdSql: "$19",
});
const orderCreatedJob = orderEventJobCtes(
  "order.created",
  "json_build_object('orderId', placed.id)",
  "placed",
);

/** A variant with its product as the `variants` statement returns it. */
export interface PlacementVariant {
  id: string;
  productId: string;
  sku: string;
  option1: string;
  option2: string;
  option3: string;
  position: number;
  priceCents: number;
  active: boolean;
  productActive: boolean;
  name: string;
  slug: string;
  imageUrl: string | null;
  currency: string;
}

/** What the `place` statement writes; `placeValues` puts it in the statement's parameter order. */
export interface PlacementWrite {
  lines: {
    variantId: string;
    productId: string;
    quantity: number;
    unitPriceCents: number;
    productName: string;
    lineTotalCents: number;
    sku: string;
    variantTitle: string;
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
    lines.map((line) => line.variantId),
    lines.map((line) => line.productId),
    lines.map((line) => line.quantity),
    lines.map((line) => line.unitPriceCents),
    lines.map((line) => line.productName),
    lines.map((line) => line.lineTotalCents),
    lines.map((line) => line.sku),
    lines.map((line) => line.variantTitle),
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
  /** $1 variant ids, $2 ids of products named without a variant (all their variants are read). */
  variants: {
    name: "order-variants",
    text: `SELECT v.id, v."productId", v.sku, v.option1, v.option2, v.option3, v.position, v."priceCents", v.active,
                  p.active AS "productActive", p.name, p.slug, p."imageUrl", trim(p.currency) AS currency
           FROM product_variant v JOIN product p ON p.id = v."productId"
           WHERE v.id = ANY($1::uuid[]) OR v."productId" = ANY($2::uuid[])`,
  },

  /**
   * The whole write, one statement and so one transaction. It locks the stock rows in variant-id
   * order (every lock is held before any row changes: concurrent multi-item orders cannot deadlock),
   * then checks that every variant and its product are still sold at the SKU, name and price the
   * totals were computed from (`unchanged`) and that every line has the stock (`enough`). Only if
   * both hold does it take the stock, write the order, its items, its first history row, the ledger
   * rows and the order.created job; otherwise it writes nothing and `levels` says what each line
   * has. A placed order's address also goes into the user's address book (`saved_address`): skipped
   * when it is there already (same customer_address_hash()) or the book is full, the default when the
   * book has none, and skipped rather than failing on any conflict with a concurrent change of the book.
   *
   * Lines: $1 variant ids, $2 product ids, $3 quantities, $4 unit prices, $5 product names, $6 line
   * totals, $7 SKUs, $8 variant titles. Order: $9 user, $10 total, $11 currency, $12–$16 street, city,
   * state, zip, country, $17 idempotency key, $18 request hash, $19 actor.
   */
  place: {
    name: "order-place",
    text: `WITH line AS (
             SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::text[], $6::bigint[], $7::text[], $8::text[])
               AS l("variantId", "productId", quantity, "unitPriceCents", "productName", "lineTotalCents", sku, "variantTitle")
           ), locked AS (
             ${stock.locked}
           ), checked AS (
             SELECT
               (SELECT count(*) FROM line JOIN product_variant v ON v.id = line."variantId" JOIN product p ON p.id = v."productId"
                WHERE v.active AND p.active AND v."priceCents" = line."unitPriceCents" AND v.sku = line.sku
                  AND p.name = line."productName")
                 = cardinality($1::uuid[]) AS unchanged,
               (SELECT count(*) FROM line JOIN locked USING ("variantId") WHERE locked."onHand" >= line.quantity)
                 = cardinality($1::uuid[]) AS enough
           ), taken AS (
             ${stock.taken}
           ), placed AS (
             INSERT INTO "order" ("userId", status, "subtotalCents", "totalCents", currency, "shipStreet",
               "shipCity", "shipState", "shipZip", "shipCountry", "idempotencyKey", "requestHash")
             SELECT $9, 'pending'::"OrderStatus", $10::bigint, $10::bigint, $11, $12, $13, $14, $15, $16, $17, $18
             WHERE (SELECT unchanged AND enough FROM checked)
             RETURNING id, number, "createdAt", "updatedAt"
           ), items AS (
             INSERT INTO order_item ("orderId", "productId", "variantId", sku, "productName", "variantTitle",
               "unitPriceCents", quantity, "lineTotalCents")
             SELECT placed.id, line."productId", line."variantId", line.sku, line."productName", line."variantTitle",
               line."unitPriceCents", line.quantity, line."lineTotalCents"
             FROM placed, line
           ), history AS (
             INSERT INTO order_status_history ("orderId", "fromStatus", "toStatus", "actorId")
             SELECT id, NULL, 'pending'::"OrderStatus", $19 FROM placed
           ), ledger AS (
             ${stock.ledger}
           ), book AS (
             SELECT count(*) AS saved, coalesce(bool_or("isDefault"), false) AS "hasDefault"
             FROM customer_address WHERE "userId" = $9
           ), saved_address AS (
             INSERT INTO customer_address ("userId", street, city, state, zip, country, "isDefault")
             SELECT $9, $12, $13, $14, $15, $16, NOT book."hasDefault"
             FROM placed, book WHERE book.saved < ${MAX_ADDRESSES_PER_USER}
             ON CONFLICT DO NOTHING
           ), ${orderCreatedJob}
           SELECT checked.unchanged, checked.enough, placed.id, placed.number, placed."createdAt",
             placed."updatedAt", (SELECT count(*) FROM job)::int AS queued,
             (SELECT json_agg(json_build_object('variantId', "variantId", 'onHand', "onHand")) FROM locked) AS levels
           FROM checked LEFT JOIN placed ON true`,
  },
} satisfies Record<string, SqlStatement>;
