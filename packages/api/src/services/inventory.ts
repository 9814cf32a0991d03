import { Prisma } from "@stockroom/db";
import type { DbClient } from "../db-client.ts";
import { inTransaction } from "../db-client.ts";
import { variantTitle } from "../domain/variants.ts";
import { ConflictError, NotFoundError } from "../errors.ts";
import { type AdjustStockData, MAX_STOCK_ON_HAND } from "../schemas/inventory.ts";
import { stockChanged } from "./catalog-changes.ts";
import { decodeCursor, decodeSortCursor, encodeCursor, encodeSortCursor } from "./cursor.ts";
import { likeLiteral } from "./like-pattern.ts";
import { ChooseVariantError, type VariantRef } from "./variant-refs.ts";

export interface StockLevel {
  productId: string;
  variantId: string;
  sku: string;
  onHand: number;
  version: number;
}

/**
 * The variant a staff stock change or ledger read means: a variant id (in any state: staff stock
 * archived products and inactive variants too), or a product with exactly one variant.
 */
export async function staffVariantOf(
  db: DbClient,
  ref: VariantRef,
): Promise<{ id: string; productId: string; sku: string }> {
  if (ref.variantId !== undefined) {
    const variant = await db.productVariant.findUnique({
      where: { id: ref.variantId },
      select: { id: true, productId: true, sku: true },
    });
    if (!variant || (ref.productId !== undefined && variant.productId !== ref.productId))
      throw new NotFoundError("Variant not found", { variantId: ref.variantId });
    return variant;
  }
  const variants = await db.productVariant.findMany({
    where: { productId: ref.productId },
    select: {
      id: true,
      productId: true,
      sku: true,
      option1: true,
      option2: true,
      option3: true,
      position: true,
      active: true,
    },
  });
  if (variants.length === 0) throw new NotFoundError("Product not found", { productId: ref.productId });
  if (variants.length > 1)
    throw new ChooseVariantError(
      ref.productId!,
      variants.map((variant) => ({ ...variant, productActive: true })),
    );
  return variants[0]!;
}

/**
 * Changes one variant's stock with a single conditional UPDATE: it never goes below zero, and when
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
    const variant = await staffVariantOf(tx, data);
    const versionCheck =
      data.expectedVersion === undefined ? Prisma.empty : Prisma.sql`AND l.version = ${data.expectedVersion}`;
    const rows =
      "delta" in data
        ? await tx.$queryRaw<{ onHand: number; version: number; delta: number }[]>`
            UPDATE inventory_level l SET "onHand" = l."onHand" + ${data.delta}, version = l.version + 1, "updatedAt" = now()
            WHERE l."variantId" = ${variant.id}::uuid
              AND l."onHand"::bigint + ${data.delta} BETWEEN 0 AND ${MAX_STOCK_ON_HAND} ${versionCheck}
            RETURNING l."onHand", l.version, ${data.delta}::int AS delta`
        : await tx.$queryRaw<{ onHand: number; version: number; delta: number }[]>`
            WITH previous AS (SELECT "variantId", "onHand" FROM inventory_level WHERE "variantId" = ${variant.id}::uuid FOR UPDATE)
            UPDATE inventory_level l SET "onHand" = ${data.set}, version = l.version + 1, "updatedAt" = now()
            FROM previous WHERE l."variantId" = previous."variantId" ${versionCheck}
            RETURNING l."onHand", l.version, (${data.set} - previous."onHand")::int AS delta`;
    const updated = rows[0];
    if (!updated) throw await explainRefusedAdjustment(tx, data, variant);
    await tx.stockMovement.create({
      data: {
        productId: variant.productId,
        variantId: variant.id,
        delta: updated.delta,
        reason: data.reason,
        note: data.note,
        actorId,
        quantityAfter: updated.onHand,
      },
    });
    const level = {
      productId: variant.productId,
      variantId: variant.id,
      sku: variant.sku,
      onHand: updated.onHand,
      version: updated.version,
      delta: updated.delta,
    };
    await stockChanged(tx, [level]);
    return level;
  });
}

async function explainRefusedAdjustment(
  db: DbClient,
  data: AdjustStockData,
  variant: { id: string; productId: string },
): Promise<Error> {
  const level = await db.inventoryLevel.findUnique({ where: { variantId: variant.id } });
  const ids = { productId: variant.productId, variantId: variant.id };
  if (!level) return new NotFoundError("Variant not found", ids);
  if (data.expectedVersion !== undefined && level.version !== data.expectedVersion) {
    return new ConflictError("Stock changed since you read it; review the new level and try again", {
      ...ids,
      onHand: level.onHand,
      version: level.version,
    });
  }
  if ("delta" in data && level.onHand + data.delta > MAX_STOCK_ON_HAND) {
    return new ConflictError(`Stock cannot exceed ${MAX_STOCK_ON_HAND.toLocaleString("en-US")}`, {
      ...ids,
      onHand: level.onHand,
      delta: data.delta,
    });
  }
  return new ConflictError("Stock cannot go below zero", {
    ...ids,
    onHand: level.onHand,
    delta: "delta" in data ? data.delta : undefined,
  });
}

export async function listStockLevels(
  db: DbClient,
  filter: { productId?: string; lowStock: boolean; q?: string; cursor?: string; limit: number },
) {
  const conditions: Prisma.Sql[] = [];
  if (filter.productId) conditions.push(Prisma.sql`v."productId" = ${filter.productId}::uuid`);
  if (filter.lowStock) conditions.push(Prisma.sql`l."lowStockOnHand" IS NOT NULL`);
  if (filter.q) {
    // Two index reads (trigram indexes on SKU, and on name and slug) rather than an OR across the
    // join, which would read every variant.
    const pattern = `%${likeLiteral(filter.q)}%`;
    conditions.push(Prisma.sql`v.id IN (
      SELECT id FROM product_variant WHERE sku ILIKE ${pattern}
      UNION
      SELECT matched.id FROM product named JOIN product_variant matched ON matched."productId" = named.id
      WHERE named.name ILIKE ${pattern} OR named.slug ILIKE ${pattern})`);
  }
  if (filter.cursor) {
    const after = decodeSortCursor(filter.cursor, "name");
    conditions.push(Prisma.sql`(p.name, v.id) > (${String(after.value)}, ${after.id}::uuid)`);
  }

  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const rows = await db.$queryRaw<
    {
      productId: string;
      variantId: string;
      sku: string;
      option1: string;
      option2: string;
      option3: string;
      variantActive: boolean;
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
    SELECT p.id AS "productId", v.id AS "variantId", v.sku, v.option1, v.option2, v.option3,
           v.active AS "variantActive", p.name, p.slug, p."imageUrl", p.active, l."onHand", l.version,
           p."lowStockThreshold", l."updatedAt"
    FROM inventory_level l JOIN product_variant v ON v.id = l."variantId" JOIN product p ON p.id = v."productId"
    ${where}
    ORDER BY p.name, v.id
    LIMIT ${filter.limit + 1}`;
  const page = rows.slice(0, filter.limit).map(({ option1, option2, option3, ...row }) => ({
    ...row,
    variantTitle: variantTitle([option1, option2, option3]),
    low: row.onHand <= row.lowStockThreshold,
  }));
  const last = page.at(-1);
  return {
    levels: page,
    nextCursor:
      rows.length > filter.limit && last ? encodeSortCursor("name", last.name, last.variantId) : null,
  };
}

export async function listStockMovements(
  db: DbClient,
  filter: { productId?: string; variantId?: string; cursor?: string; limit: number },
) {
  const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const rows = await db.stockMovement.findMany({
    where: {
      ...(filter.variantId !== undefined ? { variantId: filter.variantId } : { productId: filter.productId }),
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
      variantId: true,
      variant: { select: { sku: true, option1: true, option2: true, option3: true } },
      createdAt: true,
      actor: { select: { id: true, name: true, email: true } },
      order: { select: { number: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filter.limit + 1,
  });
  const page = rows.slice(0, filter.limit).map(({ variant, ...movement }) => ({
    ...movement,
    sku: variant.sku,
    variantTitle: variantTitle([variant.option1, variant.option2, variant.option3]),
  }));
  const last = page.at(-1);
  return { movements: page, nextCursor: rows.length > filter.limit && last ? encodeCursor(last) : null };
}
