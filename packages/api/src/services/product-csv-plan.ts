import type { DbClient } from "../db-client.ts";
import { combinationKey } from "../domain/variants.ts";
import { groupProductCsvRows } from "./product-csv-group.ts";
import {
  existingProductSelect,
  type PlanContext,
  type PlannedProduct,
  type PlannedVariant,
  planProduct,
} from "./product-csv-match.ts";
import { type CsvRow, checkProductCsvRows, readProductCsvRecords } from "./product-csv-rows.ts";
import { defaultSku } from "./variants.ts";

export type { PlannedProduct, PlannedVariant } from "./product-csv-match.ts";

export type ProductImportAction = "create product" | "add variant" | "update" | "unchanged";

/** One row of the preview: a variant of the file and what importing it does. */
export interface ProductImportRow {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  handle: string;
  /** As in the file, or the one an import will give it (its product's variant's, or one made from handle and values). */
  sku: string;
  /** The variant's title ("M / Black", or "Default" for a product without options). */
  title: string;
  /** The product's title. */
  name: string;
  action: ProductImportAction;
  errors: string[];
}

export interface ProductImportPlan {
  rows: ProductImportRow[];
  /** The products the file writes; complete only when no row has errors. */
  products: PlannedProduct[];
}

/**
 * Parses and checks every row of a product CSV against the database without writing anything, and
 * says what each row would do. Throws InvalidInputError for problems with the file as a whole.
 */
export async function planProductImport(db: DbClient, csvText: string): Promise<ProductImportPlan> {
  const rows = checkProductCsvRows(readProductCsvRecords(csvText));
  const products = groupProductCsvRows(rows);

  const handles = [...new Set(products.map((product) => product.handle).filter(Boolean))];
  // Every SKU a row names or would be given by default, to find the ones other products hold.
  const skus = products.flatMap((product) =>
    product.rows.map((row) => row.sku || defaultSku(product.handle, row.values)),
  );
  // One after the other: inside the import's transaction they share one connection.
  const existing = await db.product.findMany({
    where: { slug: { in: handles } },
    select: existingProductSelect,
  });
  const holders = await db.productVariant.findMany({
    where: { sku: { in: [...new Set(skus)] } },
    select: { sku: true, productId: true, product: { select: { slug: true } } },
  });
  const categories = await db.category.findMany({ select: { id: true, slug: true } });
  const context: PlanContext = {
    productBySlug: new Map(existing.map((product) => [product.slug, product])),
    holderBySku: new Map(holders.map((holder) => [holder.sku, holder])),
    categoryIdBySlug: new Map(categories.map((category) => [category.slug, category.id])),
  };

  const planned = products.flatMap((product) => planProduct(product, context) ?? []);
  flagSkusUsedTwice(planned);
  const actionOf = new Map<CsvRow, ProductImportAction>();
  for (const product of planned)
    for (const variant of product.variants) actionOf.set(variant.row, rowAction(product, variant));
  const nameOf = new Map(
    products.flatMap((product) =>
      product.rows.map((row) => [row, product.fields?.name ?? product.rows[0]!.productTitle]),
    ),
  );
  const skuOf = new Map(
    planned.flatMap((product) => product.variants.map((variant) => [variant.row, variant.sku])),
  );

  return {
    rows: rows.map((row) => ({
      line: row.line,
      handle: row.handle,
      sku: skuOf.get(row) ?? row.sku,
      title: row.title,
      name: nameOf.get(row) || row.productTitle,
      action: actionOf.get(row) ?? (context.productBySlug.has(row.handle) ? "update" : "create product"),
      errors: row.errors,
    })),
    products: planned,
  };
}

/** A SKU on two rows of the file (typed or made from handle and values) is an error on both. */
function flagSkusUsedTwice(products: readonly PlannedProduct[]): void {
  const linesBySku = new Map<string, number[]>();
  // Rows without a SKU cell that are the same combination already say so (and share a made SKU).
  const combinations = new Set<string>();
  const variants = products.flatMap((product) =>
    product.variants.filter((variant) => {
      if (variant.row.sku !== "") return true;
      const key = `${product.handle}\u0000${combinationKey(variant.row.values)}`;
      if (combinations.has(key)) return false;
      combinations.add(key);
      return true;
    }),
  );
  for (const { sku, row } of variants) linesBySku.set(sku, [...(linesBySku.get(sku) ?? []), row.line]);
  for (const { sku, row } of variants) {
    const others = linesBySku.get(sku)!.filter((line) => line !== row.line);
    if (others.length > 0)
      row.errors.push(
        `SKU: ${row.sku ? sku : `empty, and the one made from the handle and values (${sku})`} is also on line${others.length > 1 ? "s" : ""} ${others.join(", ")}`,
      );
  }
}

function rowAction(product: PlannedProduct, variant: PlannedVariant): ProductImportAction {
  if (!product.existing) return "create product";
  if (!variant.existing) return "add variant";
  const isFirst = product.variants[0] === variant;
  return variant.fieldsChanged || variant.stockChanged || (isFirst && product.fieldsChanged)
    ? "update"
    : "unchanged";
}
