import { type DbClient, inTransaction } from "../db-client.ts";
import { type OptionValues, optionColumns, variantProblems, variantTitle } from "../domain/variants.ts";
import { ConflictError, InvalidInputError, NotFoundError } from "../errors.ts";
import type { OptionData, VariantData, VariantPatch } from "../schemas/variant.ts";
import { catalogChanged } from "./catalog-changes.ts";
import { openStock } from "./inventory-ledger.ts";
import { type ProductDetail, productViewSelect, toProductView } from "./product-view.ts";
import { isUniqueViolation } from "./transaction-retry.ts";

// A product's options and variants: the one writer of product_option and product_variant (the
// product's price range follows by trigger, its stock levels are the inventory service's).

/** A SKU made from the product's slug and the variant's values: "TEE-M-BLACK", or "TEE" for the default. */
export function defaultSku(slug: string, values: OptionValues): string {
  return [slug, ...values.filter((value) => value !== "")]
    .join("-")
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toUpperCase()
    .slice(0, 64);
}

/** A clash with another variant as the 409 a caller can act on (SKU or combination), else undefined. */
export function variantConflict(error: unknown, variants: readonly { sku: string; title: string }[]) {
  if (isUniqueViolation(error, "sku"))
    return new ConflictError(
      variants.length === 1 ? `SKU ${variants[0]!.sku} is already in use` : "A SKU is already in use",
      { skus: variants.map((variant) => variant.sku) },
    );
  if (isUniqueViolation(error, "option1"))
    return new ConflictError(
      variants.length === 1
        ? `The product already has a ${variants[0]!.title} variant`
        : "Two variants are the same combination",
      { combinations: variants.map((variant) => variant.title) },
    );
  return undefined;
}

/** Writes a new product's options, in the order given (positions 1 to 3). */
export async function insertOptions(
  tx: DbClient,
  productId: string,
  options: readonly OptionData[],
): Promise<void> {
  if (options.length === 0) return;
  await tx.productOption.createMany({
    data: options.map((option, index) => ({
      productId,
      position: index + 1,
      name: option.name,
      values: option.values,
    })),
  });
}

/** New variants of one product, for insertVariantsOfProducts. */
export interface NewVariantsOf {
  product: { id: string; slug: string };
  /** The product's option names, in order. */
  names: readonly string[];
  variants: readonly VariantData[];
  /** The position of the first of them (after the product's existing variants). */
  firstPosition: number;
}

// Bind parameters per statement are capped at 65,535; 12 columns a row.
const INSERT_CHUNK = 2_000;

function variantRows({ product, names, variants, firstPosition }: NewVariantsOf) {
  return variants.map((variant, index) => {
    const [option1, option2, option3] = optionColumns(names, variant.options);
    return {
      productId: product.id,
      sku: variant.sku ?? defaultSku(product.slug, [option1, option2, option3]),
      option1,
      option2,
      option3,
      priceCents: variant.priceCents,
      compareAtPriceCents: variant.compareAtPriceCents ?? null,
      barcode: variant.barcode ?? null,
      weightGrams: variant.weightGrams ?? null,
      active: variant.active,
      position: firstPosition + index,
      stock: variant.stock,
    };
  });
}

/**
 * Writes the variants of one or more products with their opening stock, in the caller's transaction
 * (one INSERT per 2,000 rows: the product CSV writes thousands). The caller has checked each product's
 * variants as a whole (variantProblems); SKUs default to defaultSku. A SKU another variant has is a
 * 409 naming it.
 */
export async function insertVariantsOfProducts(
  tx: DbClient,
  products: readonly NewVariantsOf[],
  actorId: string | null,
): Promise<void> {
  const rows = products.flatMap(variantRows);
  if (rows.length === 0) return;
  // Named here, so the answer says which SKU is taken; a race past this check still meets the index.
  const taken = await tx.productVariant.findMany({
    where: { sku: { in: rows.map((row) => row.sku) } },
    select: { sku: true },
  });
  if (taken.length > 0) {
    const skus = taken.map((variant) => variant.sku);
    throw new ConflictError(
      skus.length === 1 ? `SKU ${skus[0]} is already in use` : `SKUs ${skus.join(", ")} are already in use`,
      { skus },
    );
  }
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const chunk = rows.slice(start, start + INSERT_CHUNK);
    try {
      const created = await tx.productVariant.createManyAndReturn({
        data: chunk.map(({ stock: _stock, ...row }) => row),
        select: { id: true, sku: true, productId: true },
      });
      const stockBySku = new Map(chunk.map((row) => [row.sku, row.stock]));
      await openStock(
        tx,
        created.map((variant) => ({
          productId: variant.productId,
          variantId: variant.id,
          onHand: stockBySku.get(variant.sku) ?? 0,
        })),
        actorId,
      );
    } catch (error) {
      throw (
        variantConflict(
          error,
          chunk.map((row) => ({
            sku: row.sku,
            title: variantTitle([row.option1, row.option2, row.option3]),
          })),
        ) ?? error
      );
    }
  }
}

/** insertVariantsOfProducts for one product's variants, after its existing ones. */
export function insertVariants(
  tx: DbClient,
  product: { id: string; slug: string },
  names: readonly string[],
  variants: readonly VariantData[],
  actorId: string | null,
  firstPosition = 0,
): Promise<void> {
  return insertVariantsOfProducts(tx, [{ product, names, variants, firstPosition }], actorId);
}

/**
 * A clash with another variant (the same combination or SKU): left to the database's unique indexes,
 * which answer it as a 409 naming the SKU or combination (variantConflict), races included.
 */
function isClash(problem: { path: (string | number)[] }): boolean {
  const last = problem.path.at(-1);
  return problem.path.length === 3 && (last === "options" || last === "sku");
}

/**
 * Serializes changes to one product's options and variants (two "Generate variants" at once would
 * both insert its options): the product row is locked FOR NO KEY UPDATE for the transaction, which
 * waits for another such change but not for orders (their foreign keys take KEY SHARE).
 */
export async function lockProductVariants(tx: DbClient, productId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM product WHERE id = ${productId}::uuid FOR NO KEY UPDATE`;
}

async function productWithVariants(db: DbClient, productId: string): Promise<ProductDetail> {
  const product = await db.product.findUnique({ where: { id: productId }, select: productViewSelect });
  if (!product) throw new NotFoundError("Product not found", { productId });
  return toProductView(product);
}

/** Adds one variant (one value of each of the product's options) with its opening stock. */
export async function addVariant(
  db: DbClient,
  productId: string,
  variant: VariantData,
  actorId: string | null,
): Promise<{ product: ProductDetail; variantId: string }> {
  return inTransaction(db, async (tx) => {
    await lockProductVariants(tx, productId);
    const product = await productWithVariants(tx, productId);
    const problems = variantProblems(product.options, [
      ...product.variants.map((existing) => ({ sku: existing.sku, options: existing.options })),
      variant,
    ]).filter((problem) => problem.path[1] === product.variants.length && !isClash(problem));
    if (problems.length > 0) throw new InvalidInputError(problems[0]!.message, { problems });
    const before = new Set(product.variants.map((existing) => existing.id));
    const last = Math.max(-1, ...product.variants.map((existing) => existing.position));
    await insertVariants(
      tx,
      product,
      product.options.map((option) => option.name),
      [variant],
      actorId,
      last + 1,
    );
    await catalogChanged(tx);
    const after = await productWithVariants(tx, productId);
    return { product: after, variantId: after.variants.find((existing) => !before.has(existing.id))!.id };
  });
}

/** Changes a variant's SKU, values, price, compare-at price, barcode, weight or whether it is sold. */
export async function updateVariant(
  db: DbClient,
  id: string,
  patch: VariantPatch,
): Promise<{ before: ProductDetail; after: ProductDetail }> {
  return inTransaction(db, async (tx) => {
    const found = await tx.productVariant.findUnique({ where: { id }, select: { productId: true } });
    if (!found) throw new NotFoundError("Variant not found", { variantId: id });
    await lockProductVariants(tx, found.productId);
    const before = await productWithVariants(tx, found.productId);
    const current = before.variants.find((variant) => variant.id === id)!;
    const { options, ...fields } = patch;
    let columns: Partial<Record<"option1" | "option2" | "option3", string>> = {};
    if (options) {
      const names = before.options.map((option) => option.name);
      const index = before.variants.indexOf(current);
      const problems = variantProblems(
        before.options,
        before.variants.map((variant, i) => ({
          sku: variant.sku,
          options: i === index ? options : variant.options,
        })),
      ).filter((problem) => problem.path[1] === index && !isClash(problem));
      if (problems.length > 0) throw new InvalidInputError(problems[0]!.message, { problems });
      const [option1, option2, option3] = optionColumns(names, options);
      columns = { option1, option2, option3 };
    }
    const sku = fields.sku ?? current.sku;
    const title = options ? variantTitle(Object.values(columns)) : current.title;
    try {
      await tx.productVariant.update({ where: { id }, data: { ...fields, ...columns } });
    } catch (error) {
      throw variantConflict(error, [{ sku, title }]) ?? error;
    }
    await catalogChanged(tx);
    return { before, after: await productWithVariants(tx, found.productId) };
  });
}

/** Puts a product's variants in the given order (each of its variant ids exactly once). */
export async function reorderVariants(
  db: DbClient,
  productId: string,
  variantIds: readonly string[],
): Promise<ProductDetail> {
  return inTransaction(db, async (tx) => {
    await lockProductVariants(tx, productId);
    const product = await productWithVariants(tx, productId);
    const ids = new Set(product.variants.map((variant) => variant.id));
    if (
      variantIds.length !== ids.size ||
      new Set(variantIds).size !== ids.size ||
      variantIds.some((id) => !ids.has(id))
    )
      throw new InvalidInputError("List each of the product's variants once", {
        variantIds: product.variants.map((variant) => variant.id),
      });
    await tx.$executeRaw`
      UPDATE product_variant v SET position = o.position - 1, "updatedAt" = now()
      FROM unnest(${[...variantIds]}::uuid[]) WITH ORDINALITY AS o(id, position)
      WHERE v.id = o.id AND v.position <> o.position - 1`;
    await catalogChanged(tx);
    return productWithVariants(tx, productId);
  });
}

/** The variant with this SKU, with its product (staff: archived products and inactive variants too). */
export async function variantBySku(db: DbClient, sku: string) {
  const found = await db.productVariant.findUnique({ where: { sku }, select: { id: true, productId: true } });
  if (!found) throw new NotFoundError("No variant has this SKU", { sku });
  const product = await productWithVariants(db, found.productId);
  return { product, variant: product.variants.find((variant) => variant.id === found.id)! };
}
