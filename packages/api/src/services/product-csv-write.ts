import type { DbClient } from "../db-client.ts";
import { optionsByName } from "../domain/variants.ts";
import { ConflictError } from "../errors.ts";
import type { VariantData } from "../schemas/variant.ts";
import { setStockLevels } from "./inventory-ledger.ts";
import type { PlannedProduct, PlannedVariant } from "./product-csv-plan.ts";
import { isUniqueViolation } from "./transaction-retry.ts";
import { insertOptions, insertVariantsOfProducts, type NewVariantsOf } from "./variants.ts";

// The writes of a checked import plan, set-based: a statement per kind of change, not per row.

const variantDataOf = ({ cells, sku, row }: PlannedVariant, names: readonly string[]): VariantData => ({
  sku,
  options: optionsByName(names, row.values),
  priceCents: cells.priceCents,
  compareAtPriceCents: cells.compareAtPriceCents,
  barcode: cells.barcode ?? null,
  weightGrams: cells["weight grams"] ?? null,
  active: cells["variant active"],
  stock: cells.stock,
});

/** Writes every product of the plan, in the caller's transaction. */
export async function writeProductImport(
  tx: DbClient,
  products: readonly PlannedProduct[],
  actorId: string | null,
): Promise<void> {
  const created = await createProducts(
    tx,
    products.filter((product) => !product.existing),
  );
  const existing = products.filter((product) => product.existing);
  await updateOptionValues(tx, existing);
  await insertVariantsOfProducts(
    tx,
    [
      ...created.map(({ id, slug, planned }) => ({
        product: { id, slug },
        names: planned.options.map((option) => option.name),
        variants: planned.variants,
        firstPosition: 0,
      })),
      ...existing.map((planned) => ({
        product: planned.existing!,
        names: planned.options.map((option) => option.name),
        variants: planned.variants.filter((variant) => !variant.existing),
        firstPosition: Math.max(-1, ...planned.existing!.variants.map((variant) => variant.position)) + 1,
      })),
    ]
      .filter((entry) => entry.variants.length > 0)
      .map(
        (entry): NewVariantsOf => ({
          ...entry,
          variants: entry.variants.map((variant) => variantDataOf(variant, entry.names)),
        }),
      ),
    actorId,
  );
  await updateProductFields(
    tx,
    existing.filter((product) => product.fieldsChanged),
  );
  const matched = existing.flatMap((product) => product.variants.filter((variant) => variant.existing));
  await updateVariantFields(
    tx,
    matched.filter((variant) => variant.fieldsChanged),
  );
  await setStockLevels(
    tx,
    existing.flatMap((product) =>
      product.variants
        .filter((variant) => variant.existing && variant.stockChanged)
        .map(({ existing: variant, cells }) => ({
          productId: product.existing!.id,
          variantId: variant!.id,
          onHand: cells.stock,
          hasLevel: Boolean(variant!.inventory),
        })),
    ),
    actorId,
    "CSV import",
  );
}

/** New products with their options; their variants follow. */
async function createProducts(tx: DbClient, products: readonly PlannedProduct[]) {
  if (products.length === 0) return [];
  let rows: { id: string; slug: string }[];
  try {
    rows = await tx.product.createManyAndReturn({
      data: products.map(({ handle, fields, variants }) => {
        // The price range of its active variants (of all while none is); the trigger keeps it after.
        const active = variants.filter((variant) => variant.cells["variant active"]);
        const prices = (active.length > 0 ? active : variants).map((variant) => variant.cells.priceCents);
        return {
          slug: handle,
          name: fields.name,
          description: fields.description,
          priceCents: Math.min(...prices),
          maxPriceCents: Math.max(...prices),
          currency: fields.currency,
          categoryId: fields.categoryId,
          lowStockThreshold: fields.lowStockThreshold,
          active: fields.active,
        };
      }),
      select: { id: true, slug: true },
    });
  } catch (error) {
    // Someone created one of these handles between the preview's check and this insert.
    if (isUniqueViolation(error, "slug"))
      throw new ConflictError("A product with one of these handles was just created; preview the file again");
    throw error;
  }
  const plannedBySlug = new Map(products.map((product) => [product.handle, product]));
  const created = rows.map((row) => ({ ...row, planned: plannedBySlug.get(row.slug)! }));
  const withOptions = created.filter(({ planned }) => planned.options.length > 0);
  if (withOptions.length > 0)
    await tx.productOption.createMany({
      data: withOptions.flatMap(({ id, planned }) =>
        planned.options.map((option, index) => ({
          productId: id,
          position: index + 1,
          name: option.name,
          values: option.values,
        })),
      ),
    });
  return created;
}

/** Values the file adds to an existing product's options, after the ones it had. */
async function updateOptionValues(tx: DbClient, products: readonly PlannedProduct[]): Promise<void> {
  for (const product of products) {
    const before = product.existing!.options;
    const grown = product.options.filter(
      (option, index) => option.values.length > before[index]!.values.length,
    );
    if (grown.length === 0) continue;
    // Rewritten whole, in position order, as the variants service writes a product's options.
    await tx.productOption.deleteMany({ where: { productId: product.existing!.id } });
    await insertOptions(tx, product.existing!.id, product.options);
  }
}

/** One UPDATE for every product whose fields differ; unchanged products keep their updatedAt. */
async function updateProductFields(tx: DbClient, products: readonly PlannedProduct[]): Promise<void> {
  if (products.length === 0) return;
  const column = <T>(of: (product: PlannedProduct) => T) => products.map(of);
  await tx.$executeRaw`
    UPDATE product p
    SET name = v.name, description = v.description, currency = v.currency,
        "categoryId" = v."categoryId", "lowStockThreshold" = v."lowStockThreshold", active = v.active,
        "updatedAt" = now()
    FROM unnest(
      ${column((product) => product.existing!.id)}::uuid[], ${column((product) => product.fields.name)}::text[],
      ${column((product) => product.fields.description)}::text[],
      ${column((product) => product.fields.currency)}::text[],
      ${column((product) => product.fields.categoryId)}::uuid[],
      ${column((product) => product.fields.lowStockThreshold)}::int[],
      ${column((product) => product.fields.active)}::boolean[]
    ) AS v(id, name, description, currency, "categoryId", "lowStockThreshold", active)
    WHERE p.id = v.id`;
}

/** One UPDATE for every variant whose fields differ (the products' price ranges follow by trigger). */
async function updateVariantFields(tx: DbClient, variants: readonly PlannedVariant[]): Promise<void> {
  if (variants.length === 0) return;
  const column = <T>(of: (variant: PlannedVariant) => T) => variants.map(of);
  await tx.$executeRaw`
    UPDATE product_variant pv
    SET "priceCents" = v."priceCents", "compareAtPriceCents" = v."compareAtPriceCents", barcode = v.barcode,
        "weightGrams" = v."weightGrams", active = v.active, "updatedAt" = now()
    FROM unnest(
      ${column((variant) => variant.existing!.id)}::uuid[],
      ${column((variant) => variant.cells.priceCents)}::int[],
      ${column((variant) => variant.cells.compareAtPriceCents)}::int[],
      ${column((variant) => variant.cells.barcode ?? null)}::text[],
      ${column((variant) => variant.cells["weight grams"] ?? null)}::int[],
      ${column((variant) => variant.cells["variant active"])}::boolean[]
    ) AS v(id, "priceCents", "compareAtPriceCents", barcode, "weightGrams", active)
    WHERE pv.id = v.id`;
}
