import type { DbClient } from "../db-client.ts";
import type { StockChange } from "./catalog-cache.ts";
import { stockChanged } from "./catalog-changes.ts";

// The writes of stock (inventory_level, one row per variant) and its ledger (stock_movement) besides
// adjustStock (inventory.ts): together the only code that changes either table, so a new column of
// stock (a reserved quantity, a location) is written in these two files. Each says what it changed,
// so the catalog cache is told after the transaction commits, whoever called.

/** A variant's stock, with its product (the ledger and the cache are also kept per product). */
export interface VariantStock {
  productId: string;
  variantId: string;
  onHand: number;
}

/** Opening levels of new variants, with an "Opening stock" ledger row for each one that starts stocked. */
export async function openStock(
  tx: DbClient,
  levels: readonly VariantStock[],
  actorId: string | null,
): Promise<void> {
  if (levels.length === 0) return;
  await tx.inventoryLevel.createMany({
    data: levels.map(({ variantId, onHand }) => ({ variantId, onHand })),
  });
  const stocked = levels.filter(({ onHand }) => onHand > 0);
  if (stocked.length > 0) {
    await tx.stockMovement.createMany({
      data: stocked.map(({ productId, variantId, onHand }) => ({
        productId,
        variantId,
        delta: onHand,
        reason: "restock" as const,
        note: "Opening stock",
        quantityAfter: onHand,
        actorId,
      })),
    });
  }
  await stockChanged(
    tx,
    stocked.map((level) => ({ ...level, delta: level.onHand })),
  );
}

/**
 * Sets each variant's stock to a target level with one conditional UPDATE (rows locked in variant-id
 * order, as orders lock them, so the two cannot deadlock) and writes an "adjustment" ledger row per
 * change, with the delta from the level as it stood when locked. A variant without a level gets one first.
 */
export async function setStockLevels(
  tx: DbClient,
  targets: readonly (VariantStock & { hasLevel: boolean })[],
  actorId: string | null,
  note: string,
): Promise<StockChange[]> {
  if (targets.length === 0) return [];
  const missing = targets.filter(({ hasLevel }) => !hasLevel);
  if (missing.length > 0) {
    await tx.inventoryLevel.createMany({
      data: missing.map(({ variantId }) => ({ variantId, onHand: 0 })),
      skipDuplicates: true,
    });
  }
  const changes = await tx.$queryRaw<StockChange[]>`
    WITH target AS (
      SELECT * FROM unnest(${targets.map((row) => row.variantId)}::uuid[], ${targets.map((row) => row.productId)}::uuid[],
                           ${targets.map((row) => row.onHand)}::int[])
        AS t("variantId", "productId", "onHand")
    ), previous AS (
      SELECT l."variantId", l."onHand" FROM inventory_level l JOIN target t ON t."variantId" = l."variantId"
      WHERE l."onHand" <> t."onHand"
      ORDER BY l."variantId"
      FOR UPDATE OF l
    )
    UPDATE inventory_level l SET "onHand" = t."onHand", version = l.version + 1, "updatedAt" = now()
    FROM previous p JOIN target t ON t."variantId" = p."variantId"
    WHERE l."variantId" = p."variantId"
    RETURNING t."productId", l."variantId", l."onHand", (l."onHand" - p."onHand")::int AS delta`;
  if (changes.length === 0) return [];
  await tx.stockMovement.createMany({
    data: changes.map((change) => ({
      productId: change.productId,
      variantId: change.variantId,
      delta: change.delta,
      reason: "adjustment" as const,
      note,
      quantityAfter: change.onHand,
      actorId,
    })),
  });
  await stockChanged(tx, changes);
  return changes;
}

/** Puts every item of a cancelled order back, with a "cancellation" ledger row per variant. */
export async function restockOrder(
  tx: DbClient,
  orderId: string,
  actorId: string,
  note: string | undefined,
): Promise<StockChange[]> {
  const restocked = await tx.$queryRaw<(StockChange & { quantity: number })[]>`
    UPDATE inventory_level l SET "onHand" = l."onHand" + i.quantity, version = l.version + 1, "updatedAt" = now()
    FROM (SELECT "variantId", min("productId"::text)::uuid AS "productId", sum(quantity)::int AS quantity
          FROM order_item WHERE "orderId" = ${orderId}::uuid GROUP BY "variantId") i
    WHERE l."variantId" = i."variantId"
    RETURNING i."productId", l."variantId", l."onHand", i.quantity, i.quantity AS delta`;
  await tx.stockMovement.createMany({
    data: restocked.map((row) => ({
      productId: row.productId,
      variantId: row.variantId,
      delta: row.quantity,
      reason: "cancellation" as const,
      orderId,
      actorId,
      quantityAfter: row.onHand,
      note,
    })),
  });
  const changes = restocked.map(({ productId, variantId, onHand, delta }) => ({
    productId,
    variantId,
    onHand,
    delta,
  }));
  await stockChanged(tx, changes);
  return changes;
}

/**
 * The stock part of the one-statement order write (order-placement-sql.ts composes it), as CTEs
 * over the statement's `line` ("variantId", "productId", quantity) rows:
 *
 * - `locked` locks the lines' stock rows in variant-id order (`variantIds`: the SQL array of ids);
 *   every lock is held before any row changes, so concurrent multi-item orders cannot deadlock.
 * - `taken` takes each line's quantity when `when` (an SQL boolean) holds, never below zero, and
 *   returns ("variantId", "productId", "onHand" after, quantity).
 * - `ledger` writes a "sale" row per taken line for the order `orderIdSql` of the CTE `from`.
 */
export function orderSaleStockSql(parts: {
  variantIds: string;
  when: string;
  from: string;
  orderIdSql: string;
  actorIdSql: string;
}): { locked: string; taken: string; ledger: string } {
  return {
    locked: `SELECT "variantId", "onHand" FROM inventory_level
             WHERE "variantId" = ANY(${parts.variantIds}) ORDER BY "variantId" FOR UPDATE`,
    taken: `UPDATE inventory_level l
             SET "onHand" = l."onHand" - line.quantity, version = l.version + 1, "updatedAt" = now()
             FROM line
             WHERE l."variantId" = line."variantId" AND l."onHand" >= line.quantity AND ${parts.when}
             RETURNING l."variantId", line."productId", l."onHand", line.quantity`,
    ledger: `INSERT INTO stock_movement ("productId", "variantId", delta, reason, "orderId", "actorId", "quantityAfter")
             SELECT taken."productId", taken."variantId", -taken.quantity, 'sale'::"StockMovementReason",
               ${parts.orderIdSql}, ${parts.actorIdSql}, taken."onHand"
             FROM taken, ${parts.from}`,
  };
}

/** Said by order placement once its statement took stock (see orderSaleStockSql). */
export function stockSold(db: DbClient, changes: readonly StockChange[]): Promise<void> {
  return stockChanged(db, changes);
}
