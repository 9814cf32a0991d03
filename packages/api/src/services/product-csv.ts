import { type DbClient, inTransaction } from "../db-client.ts";
import { InvalidInputError } from "../errors.ts";
import { catalogChanged } from "./catalog-changes.ts";
import { type ProductImportAction, type ProductImportRow, planProductImport } from "./product-csv-plan.ts";
import { writeProductImport } from "./product-csv-write.ts";

export { exportProductsCsv } from "./product-csv-export.ts";
export type { ProductImportAction, ProductImportRow } from "./product-csv-plan.ts";

/** How many rows of the file do each thing. */
export interface ProductImportCounts {
  /** New products (each with its variants). */
  products: number;
  /** Rows of new products' variants. */
  creates: number;
  /** Rows that add a variant to an existing product. */
  adds: number;
  updates: number;
  unchanged: number;
}

export interface ProductImportPreview extends ProductImportCounts {
  rows: ProductImportRow[];
  /** True when no row has errors: the file can be imported as it is. */
  valid: boolean;
}

function countsOf(rows: readonly ProductImportRow[]): ProductImportCounts {
  const count = (action: ProductImportAction) => rows.filter((row) => row.action === action).length;
  const created = rows.filter((row) => row.action === "create product");
  return {
    products: new Set(created.map((row) => row.handle)).size,
    creates: created.length,
    adds: count("add variant"),
    updates: count("update"),
    unchanged: count("unchanged"),
  };
}

/** What importing the file would do, row by row, without writing anything. */
export async function previewProductImport(db: DbClient, csvText: string): Promise<ProductImportPreview> {
  const { rows } = await planProductImport(db, csvText);
  return { rows, valid: rows.every((row) => row.errors.length === 0), ...countsOf(rows) };
}

/**
 * Imports the file in one transaction, exactly as the preview of the same file describes, or, when
 * any row has errors, writes nothing and throws them all.
 */
export async function importProducts(
  db: DbClient,
  csvText: string,
  actorId: string | null,
): Promise<ProductImportCounts> {
  return inTransaction(db, async (tx) => {
    const { rows, products } = await planProductImport(tx, csvText);
    const failed = rows.filter((row) => row.errors.length > 0);
    if (failed.length > 0) {
      throw new InvalidInputError(
        `${failed.length} row${failed.length === 1 ? " has" : "s have"} errors; nothing was imported`,
        { rows: failed },
      );
    }
    await writeProductImport(tx, products, actorId);
    await catalogChanged(tx);
    return countsOf(rows);
  });
}
