import { type DbClient, inTransaction } from "../db-client.ts";
import {
  combinationKey,
  type OptionValues,
  optionColumns,
  variantProblems,
  variantTitle,
} from "../domain/variants.ts";
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
    return updateVariants(tx, found.productId, [{ id, patch }]);
  });
}

/** One variant's changes in a batch (updateVariants). */
export interface VariantPatchOf {
  id: string;
  patch: VariantPatch;
}

const listed = (items: readonly string[]) => items.join(", ");

/** The 409 for SKUs that others hold, or that two of the product's variants would share. */
function takenSkus(skus: readonly string[]): ConflictError {
  return new ConflictError(
    skus.length === 1 ? `SKU ${skus[0]} is already in use` : `SKUs ${listed(skus)} are already in use`,
    { skus: [...skus] },
  );
}

/** The 409 for combinations two of the product's variants would share. */
function twinCombinations(titles: readonly string[]): ConflictError {
  return new ConflictError(
    titles.length === 1
      ? `The product already has a ${titles[0]} variant`
      : `The product already has variants ${listed(titles)}`,
    { combinations: [...titles] },
  );
}

/** A value no real SKU or option value can be (they start with a letter or digit), unique by the id. */
const placeholderOf = (id: string) => `~moving~${id}`;

/**
 * Changes many variants of one product at once, all or nothing: SKUs, values, prices, barcodes,
 * weights, whether each is sold. The result must hold as a whole (no two variants share a SKU or a
 * combination, and no other product's variant has one of the SKUs), so swaps and cycles of SKUs or
 * combinations among the patched variants succeed. A variant that is not the product's is a 404.
 */
export async function updateVariants(
  db: DbClient,
  productId: string,
  patches: readonly VariantPatchOf[],
): Promise<{ before: ProductDetail; after: ProductDetail }> {
  return inTransaction(db, async (tx) => {
    await lockProductVariants(tx, productId);
    const before = await productWithVariants(tx, productId);
    const byId = new Map(before.variants.map((variant) => [variant.id, variant]));
    const seen = new Set<string>();
    for (const { id } of patches) {
      if (!byId.has(id)) throw new NotFoundError("Variant not found", { variantId: id, productId });
      if (seen.has(id)) throw new InvalidInputError("List each variant once", { variantId: id });
      seen.add(id);
    }
    const names = before.options.map((option) => option.name);
    const patchOf = new Map(patches.map((entry, index) => [entry.id, { ...entry, index }]));
    // The product's variants as they would be: what the unique indexes must accept as a whole.
    const result = before.variants.map((variant) => {
      const patch = patchOf.get(variant.id)?.patch;
      return { sku: patch?.sku ?? variant.sku, options: patch?.options ?? variant.options };
    });
    const problems = variantProblems(before.options, result);
    const invalid = problems.flatMap((problem) => {
      if (problem.path[0] !== "variants") return [];
      const variant = before.variants[Number(problem.path[1])]!;
      const entry = patchOf.get(variant.id);
      if (!entry?.patch.options || isClash(problem)) return [];
      return [{ ...problem, path: ["variants", entry.index, ...problem.path.slice(2)] }];
    });
    if (invalid.length > 0) throw new InvalidInputError(invalid[0]!.message, { problems: invalid });
    const clashes = problems.filter((problem) => problem.path[0] === "variants" && isClash(problem));
    const twinSkus = clashes.filter((problem) => problem.path[2] === "sku");
    if (twinSkus.length > 0)
      throw takenSkus([...new Set(twinSkus.map((problem) => result[Number(problem.path[1])]!.sku))]);
    if (clashes.length > 0)
      throw twinCombinations([
        ...new Set(
          clashes.map((problem) =>
            variantTitle(optionColumns(names, result[Number(problem.path[1])]!.options)),
          ),
        ),
      ]);
    const moves = patches.map(({ id, patch }) => {
      const current = byId.get(id)!;
      return {
        id,
        sku: patch.sku !== undefined && patch.sku !== current.sku ? patch.sku : undefined,
        combination:
          patch.options !== undefined &&
          combinationKey(optionColumns(names, patch.options)) !==
            combinationKey(optionColumns(names, current.options)),
      };
    });
    const newSkus = moves.flatMap((move) => (move.sku === undefined ? [] : [move.sku]));
    // Named here, so the answer says which SKU is taken; a race past this check still meets the index.
    const elsewhere = await tx.productVariant.findMany({
      where: { sku: { in: newSkus }, productId: { not: productId } },
      select: { sku: true },
    });
    if (elsewhere.length > 0) throw takenSkus(elsewhere.map((variant) => variant.sku));

    // Postgres checks a unique index that is not deferrable row by row, as each row is written, not
    // at the end of the statement or transaction: giving A the SKU B still has fails even when B takes
    // A's next. So the SKUs and combinations that change first move to placeholders no one else can
    // hold (unseen outside this transaction), and only then take their final values.
    for (const move of moves) {
      if (move.sku === undefined && !move.combination) continue;
      await tx.productVariant.update({
        where: { id: move.id },
        data: {
          ...(move.sku === undefined ? {} : { sku: placeholderOf(move.id) }),
          ...(move.combination ? { option1: placeholderOf(move.id) } : {}),
        },
      });
    }
    for (const { id, patch } of patches) {
      const { options, ...fields } = patch;
      const columns = options ? optionColumns(names, options) : undefined;
      const current = byId.get(id)!;
      try {
        await tx.productVariant.update({
          where: { id },
          data: {
            ...fields,
            ...(columns ? { option1: columns[0], option2: columns[1], option3: columns[2] } : {}),
          },
        });
      } catch (error) {
        const title = columns ? variantTitle(columns) : current.title;
        throw variantConflict(error, [{ sku: fields.sku ?? current.sku, title }]) ?? error;
      }
    }
    await catalogChanged(tx);
    return { before, after: await productWithVariants(tx, productId) };
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
