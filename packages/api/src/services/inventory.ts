import { Prisma } from "@stockroom/db";
import type { DbClient } from "../db-client.ts";
import { inTransaction } from "../db-client.ts";
import { ConflictError, NotFoundError } from "../errors.ts";
import { type AdjustStockData, MAX_STOCK_ON_HAND } from "../schemas/inventory.ts";
import { stockChanged } from "./catalog-changes.ts";
import { decodeCursor, decodeSortCursor, encodeCursor, encodeSortCursor } from "./cursor.ts";

export interface StockLevel {
  productId: string;
  onHand: number;
  version: number;
}

/**
 * Changes one product's stock with a single conditional UPDATE: it never goes below zero, and when
 * the caller says which version it read, a level that moved since is refused instead of overwritten.
 * The ledger row is written in the same transaction; the cache hears of it after commit. The other
 * writers of stock and its ledger are in inventory-ledger.ts: nothing else writes either table.
 */
export async function adjustStock(
  db: DbClient,
  data: AdjustStockData,
  actorId: string | null,
): Promise<StockLevel & { delta: number }> {
  return inTransaction(db, async (tx) => {
    const versionCheck =
      data.expectedVersion === undefined ? Prisma.empty : Prisma.sql`AND l.version = ${data.expectedVersion}`;
    const rows =
      "delta" in data
        ? await tx.$queryRaw<{ onHand: number; version: number; delta: number }[]>`
            UPDATE inventory_level l SET "onHand" = l."onHand" + ${data.delta}, version = l.version + 1, "updatedAt" = now()
            WHERE l."productId" = ${data.productId}::uuid
              AND l."onHand"::bigint + ${data.delta} BETWEEN 0 AND ${MAX_STOCK_ON_HAND} ${versionCheck}
            RETURNING l."onHand", l.version, ${data.delta}::int AS delta`
        : await tx.$queryRaw<{ onHand: number; version: number; delta: number }[]>`
            WITH previous AS (SELECT "productId", "onHand" FROM inventory_level WHERE "productId" = ${data.productId}::uuid FOR UPDATE)
            UPDATE inventory_level l SET "onHand" = ${data.set}, version = l.version + 1, "updatedAt" = now()
            FROM previous WHERE l."productId" = previous."productId" ${versionCheck}
            RETURNING l."onHand", l.version, (${data.set} - previous."onHand")::int AS delta`;
    const updated = rows[0];
    if (!updated) throw await explainRefusedAdjustment(tx, data);
    await tx.stockMovement.create({
      data: {
        productId: data.productId,
        delta: updated.delta,
        reason: data.reason,
        note: data.note,
        actorId,
        quantityAfter: updated.onHand,
      },
    });
    const level = {
      productId: data.productId,
      onHand: updated.onHand,
      version: updated.version,
      delta: updated.delta,
    };
    await stockChanged(tx, [level]);
    return level;
  });
}

async function explainRefusedAdjustment(db: DbClient, data: AdjustStockData): Promise<Error> {
  const level = await db.inventoryLevel.findUnique({ where: { productId: data.productId } });
  if (!level) return new NotFoundError("Product not found", { productId: data.productId });
  if (data.expectedVersion !== undefined && level.version !== data.expectedVersion) {
    return new ConflictError("Stock changed since you read it; review the new level and try again", {
      productId: data.productId,
      onHand: level.onHand,
      version: level.version,
    });
  }
  if ("delta" in data && level.onHand + data.delta > MAX_STOCK_ON_HAND) {
    return new ConflictError(`Stock cannot exceed ${MAX_STOCK_ON_HAND.toLocaleString("en-US")}`, {
      productId: data.productId,
      onHand: level.onHand,
      delta: data.delta,
    });
  }
  return new ConflictError("Stock cannot go below zero", {
    productId: data.productId,
    onHand: level.onHand,
    delta: "delta" in data ? data.delta : undefined,
  });
}

export async function listStockLevels(
  db: DbClient,
  filter: { lowStock: boolean; q?: string; cursor?: string; limit: number },
) {
  const conditions: Prisma.Sql[] = [];
  if (filter.lowStock) conditions.push(Prisma.sql`l."onHand" <= p."lowStockThreshold"`);
  if (filter.q)
    conditions.push(Prisma.sql`(p.name ILIKE ${`%${filter.q}%`} OR p.slug ILIKE ${`%${filter.q}%`})`);
  if (filter.cursor) {
    const after = decodeSortCursor(filter.cursor, "name");
    conditions.push(Prisma.sql`(p.name, p.id) > (${String(after.value)}, ${after.id}::uuid)`);
  }

  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const rows = await db.$queryRaw<
    {
      productId: string;
      name: string;
      slug: string;
      imageUrl: string | null;
      active: boolean;
      onHand: number;
      version: number;
      lowStockThreshold: number;
      updatedAt: Date;
    }[]
  >`
    SELECT p.id AS "productId", p.name, p.slug, p."imageUrl", p.active, l."onHand", l.version, p."lowStockThreshold", l."updatedAt"
    FROM inventory_level l JOIN product p ON p.id = l."productId"
    ${where}
    ORDER BY p.name, p.id
    LIMIT ${filter.limit + 1}`;
  const page = rows
    .slice(0, filter.limit)
    .map((row) => ({ ...row, low: row.onHand <= row.lowStockThreshold }));
  const last = page.at(-1);
  return {
    levels: page,
    nextCursor:
      rows.length > filter.limit && last ? encodeSortCursor("name", last.name, last.productId) : null,
  };
}

export async function listStockMovements(
  db: DbClient,
  filter: { productId: string; cursor?: string; limit: number },
) {
  const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const rows = await db.stockMovement.findMany({
    where: {
      productId: filter.productId,
      ...(after && {
        OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }],
      }),
    },
    select: {
      id: true,
      delta: true,
      reason: true,
      note: true,
      quantityAfter: true,
      orderId: true,
      createdAt: true,
      actor: { select: { id: true, name: true, email: true } },
      order: { select: { number: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filter.limit + 1,
  });
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return { movements: page, nextCursor: rows.length > filter.limit && last ? encodeCursor(last) : null };
}
