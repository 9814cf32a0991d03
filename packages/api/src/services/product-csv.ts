import { Prisma } from "@stockroom/db";
import { type DbClient, inTransaction } from "../db-client.ts";
import { ConflictError, InvalidInputError } from "../errors.ts";
import { PRODUCT_CSV_COLUMNS, priceCellOf } from "../schemas/product-csv.ts";
import { catalogChanged } from "./catalog-changes.ts";
import { csvNumber, serializeCsv } from "./csv.ts";
import { openStock, setStockLevels } from "./inventory-ledger.ts";
import { type PlannedRow, type ProductImportRow, planProductImport } from "./product-csv-plan.ts";

export type { ProductImportRow } from "./product-csv-plan.ts";

export interface ProductImportPreview {
  rows: ProductImportRow[];
  /** True when no row has errors: the file can be imported as it is. */
  valid: boolean;
  creates: number;
  updates: number;
}

const exportSelect = {
  slug: true,
  name: true,
  description: true,
  priceCents: true,
  currency: true,
  active: true,
  lowStockThreshold: true,
  category: { select: { slug: true } },
  inventory: { select: { onHand: true } },
} satisfies Prisma.ProductSelect;

/**
 * Every product, active and archived, by name: the same columns the import reads. Text cells that a
 * spreadsheet would run as formulas are neutralised (see csv.ts); the numeric columns are numbers.
 */
export async function exportProductsCsv(db: DbClient): Promise<{ csv: string; rows: number }> {
  const products = await db.product.findMany({
    select: exportSelect,
    orderBy: [{ name: "asc" }, { slug: "asc" }],
  });
  const csv = serializeCsv([
    PRODUCT_CSV_COLUMNS,
    ...products.map((product) => [
      product.slug,
      product.name,
      product.description,
      csvNumber(priceCellOf(product.priceCents, product.currency.trim())),
      product.currency.trim(),
      product.category?.slug ?? "",
      csvNumber(product.inventory?.onHand ?? 0),
      csvNumber(product.lowStockThreshold),
      String(product.active),
    ]),
  ]);
  return { csv, rows: products.length };
}

const toView = ({ line, slug, name, action, errors }: PlannedRow): ProductImportRow => ({
  line,
  slug,
  name,
  action,
  errors,
});

/** What importing the file would do, row by row, without writing anything. */
export async function previewProductImport(db: DbClient, csvText: string): Promise<ProductImportPreview> {
  const rows = (await planProductImport(db, csvText)).map(toView);
  return {
    rows,
    valid: rows.every((row) => row.errors.length === 0),
    creates: rows.filter((row) => row.action === "create").length,
    updates: rows.filter((row) => row.action === "update").length,
  };
}

type ReadyRow = PlannedRow & { data: NonNullable<PlannedRow["data"]> };
type UpdateRow = ReadyRow & { existing: NonNullable<PlannedRow["existing"]> };

/**
 * Imports the file in one transaction, exactly as the preview of the same file describes, or, when
 * any row has errors, writes nothing and throws them all.
 */
export async function importProducts(
  db: DbClient,
  csvText: string,
  actorId: string | null,
): Promise<{ created: number; updated: number }> {
  return inTransaction(db, async (tx) => {
    const rows = await planProductImport(tx, csvText);
    const failed = rows.filter((row) => row.errors.length > 0 || !row.data);
    if (failed.length > 0) {
      throw new InvalidInputError(
        `${failed.length} row${failed.length === 1 ? " has" : "s have"} errors; nothing was imported`,
        { rows: failed.map(toView) },
      );
    }
    const ready = rows as ReadyRow[];
    const creates = ready.filter((row) => !row.existing);
    const updates = ready.filter((row): row is UpdateRow => Boolean(row.existing));
    await createProducts(tx, creates, actorId);
    await updateProductFields(tx, updates);
    await setStockLevels(
      tx,
      updates
        .filter(({ data, existing }) => data.stock !== (existing.inventory?.onHand ?? 0))
        .map(({ data, existing }) => ({
          productId: existing.id,
          onHand: data.stock,
          hasLevel: Boolean(existing.inventory),
        })),
      actorId,
      "CSV import",
    );
    await catalogChanged(tx);
    return { created: creates.length, updated: updates.length };
  });
}

/** New products with their stock levels and, like createProduct, an opening ledger row when stocked (inventory service). */
async function createProducts(tx: DbClient, rows: ReadyRow[], actorId: string | null): Promise<void> {
  if (rows.length === 0) return;
  let created: { id: string; slug: string }[];
  try {
    created = await tx.product.createManyAndReturn({
      data: rows.map(({ data }) => ({
        slug: data.slug,
        name: data.name,
        description: data.description,
        priceCents: data.price,
        currency: data.currency,
        categoryId: data.categoryId,
        lowStockThreshold: data.lowStockThreshold,
        active: data.active,
      })),
      select: { id: true, slug: true },
    });
  } catch (error) {
    // Someone created one of these slugs between the preview's check and this insert.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError("A product with one of these slugs was just created; preview the file again");
    }
    throw error;
  }
  const idBySlug = new Map(created.map((product) => [product.slug, product.id]));
  await openStock(
    tx,
    rows.map(({ data }) => ({ productId: idBySlug.get(data.slug)!, onHand: data.stock })),
    actorId,
  );
}

/** One UPDATE for every row whose fields differ; unchanged products keep their updatedAt. */
async function updateProductFields(tx: DbClient, rows: UpdateRow[]): Promise<void> {
  const changed = rows.filter(
    ({ data, existing }) =>
      data.name !== existing.name ||
      data.description !== existing.description ||
      data.price !== existing.priceCents ||
      data.currency !== existing.currency.trim() ||
      data.categoryId !== existing.categoryId ||
      data.lowStockThreshold !== existing.lowStockThreshold ||
      data.active !== existing.active,
  );
  if (changed.length === 0) return;
  const column = <T>(of: (row: UpdateRow) => T) => changed.map(of);
  await tx.$executeRaw`
    UPDATE product p
    SET name = v.name, description = v.description, "priceCents" = v."priceCents", currency = v.currency,
        "categoryId" = v."categoryId", "lowStockThreshold" = v."lowStockThreshold", active = v.active,
        "updatedAt" = now()
    FROM unnest(
      ${column((row) => row.existing.id)}::uuid[], ${column((row) => row.data.name)}::text[],
      ${column((row) => row.data.description)}::text[], ${column((row) => row.data.price)}::int[],
      ${column((row) => row.data.currency)}::text[], ${column((row) => row.data.categoryId)}::uuid[],
      ${column((row) => row.data.lowStockThreshold)}::int[], ${column((row) => row.data.active)}::boolean[]
    ) AS v(id, name, description, "priceCents", currency, "categoryId", "lowStockThreshold", active)
    WHERE p.id = v.id`;
}
