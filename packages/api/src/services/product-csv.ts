import { Prisma } from "@stockroom/db";
import { type DbClient, inTransaction } from "../db-client.ts";
import { ConflictError, InvalidInputError } from "../errors.ts";
import { centsToDecimal, PRODUCT_CSV_COLUMNS } from "../schemas/product-csv.ts";
import { csvNumber, serializeCsv } from "./csv.ts";
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
      csvNumber(centsToDecimal(product.priceCents)),
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
    await setStockLevels(tx, updates, actorId);
    return { created: creates.length, updated: updates.length };
  });
}

/** New products with their stock levels and, like createProduct, an opening ledger row when stocked. */
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
  const stocked = rows.map(({ data }) => ({ productId: idBySlug.get(data.slug)!, stock: data.stock }));
  await tx.inventoryLevel.createMany({
    data: stocked.map(({ productId, stock }) => ({ productId, onHand: stock })),
  });
  const opening = stocked.filter(({ stock }) => stock > 0);
  if (opening.length === 0) return;
  await tx.stockMovement.createMany({
    data: opening.map(({ productId, stock }) => ({
      productId,
      delta: stock,
      reason: "restock" as const,
      note: "Opening stock",
      quantityAfter: stock,
      actorId,
    })),
  });
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

/**
 * Sets each differing stock level with one conditional UPDATE (rows locked in id order, as orders
 * lock them, so the two cannot deadlock) and writes an "adjustment" ledger row per change, with the
 * delta from the level as it stood when locked.
 */
async function setStockLevels(tx: DbClient, rows: UpdateRow[], actorId: string | null): Promise<void> {
  const targets = rows.filter(({ data, existing }) => data.stock !== (existing.inventory?.onHand ?? 0));
  if (targets.length === 0) return;
  const missing = targets.filter(({ existing }) => !existing.inventory);
  if (missing.length > 0) {
    await tx.inventoryLevel.createMany({
      data: missing.map(({ existing }) => ({ productId: existing.id, onHand: 0 })),
      skipDuplicates: true,
    });
  }
  const changes = await tx.$queryRaw<{ productId: string; onHand: number; delta: number }[]>`
    WITH target AS (
      SELECT * FROM unnest(${targets.map((row) => row.existing.id)}::uuid[], ${targets.map((row) => row.data.stock)}::int[])
        AS t("productId", "onHand")
    ), previous AS (
      SELECT l."productId", l."onHand" FROM inventory_level l JOIN target t ON t."productId" = l."productId"
      WHERE l."onHand" <> t."onHand"
      ORDER BY l."productId"
      FOR UPDATE OF l
    )
    UPDATE inventory_level l SET "onHand" = t."onHand", version = l.version + 1, "updatedAt" = now()
    FROM previous p JOIN target t ON t."productId" = p."productId"
    WHERE l."productId" = p."productId"
    RETURNING l."productId", l."onHand", (l."onHand" - p."onHand")::int AS delta`;
  if (changes.length === 0) return;
  await tx.stockMovement.createMany({
    data: changes.map((change) => ({
      productId: change.productId,
      delta: change.delta,
      reason: "adjustment" as const,
      note: "CSV import",
      quantityAfter: change.onHand,
      actorId,
    })),
  });
}
