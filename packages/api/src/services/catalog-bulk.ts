import { type DbClient, inTransaction } from "../db-client.ts";
import { InvalidInputError, NotFoundError } from "../errors.ts";
import { type BulkArchiveProductsData, MAX_BULK_PRODUCTS } from "../schemas/catalog.ts";
import { catalogChanged } from "./catalog-changes.ts";
import { type ProductView, productViewSelect, toProductView } from "./product-view.ts";

export interface BulkArchiveResult {
  /** Every named product as it is now, in the order asked for. */
  products: ProductView[];
  /** The products that changed, with their state before; those already as asked are left out. */
  changes: { before: ProductView; after: ProductView }[];
}

/**
 * Archives or restores many products in one transaction: all of them or none (an unknown id refuses
 * the whole call, naming every unknown one). Products already as asked are left alone, so the call
 * is idempotent; the catalog cache hears of it once, after commit, like a single archive.
 */
export async function setProductsArchived(
  db: DbClient,
  input: BulkArchiveProductsData,
): Promise<BulkArchiveResult> {
  const ids = [...new Set(input.ids)];
  if (ids.length === 0 || ids.length > MAX_BULK_PRODUCTS)
    throw new InvalidInputError(`Select between 1 and ${MAX_BULK_PRODUCTS} products`, { count: ids.length });
  const active = !input.archived;
  return inTransaction(db, async (tx) => {
    // Locked in id order, so two bulk calls over overlapping products cannot deadlock.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM product WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
    const found = new Set(locked.map((row) => row.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new NotFoundError(
        missing.length === 1 ? `Product ${missing[0]} not found` : `${missing.length} products not found`,
        { productIds: missing },
      );
    }
    const before = await tx.product.findMany({ where: { id: { in: ids } }, select: productViewSelect });
    const toChange = before.filter((product) => product.active !== active).map((product) => product.id);
    if (toChange.length > 0) {
      await tx.product.updateMany({ where: { id: { in: toChange } }, data: { active } });
      await catalogChanged(tx);
    }
    const after = await tx.product.findMany({ where: { id: { in: ids } }, select: productViewSelect });
    const beforeById = new Map(before.map((product) => [product.id, toProductView(product)]));
    const afterById = new Map(after.map((product) => [product.id, toProductView(product)]));
    return {
      products: ids.map((id) => afterById.get(id)!),
      changes: toChange.map((id) => ({ before: beforeById.get(id)!, after: afterById.get(id)! })),
    };
  });
}
