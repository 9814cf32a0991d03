import type { DbClient } from "../db-client.ts";
import { variantTitle } from "../domain/variants.ts";
import { InvalidInputError, NotFoundError } from "../errors.ts";

/** A line's reference to what it buys: a variant, or a product that has one active variant. */
export interface VariantRef {
  variantId?: string | undefined;
  productId?: string | undefined;
}

/** The columns of a variant and its product that resolving a reference needs. */
export interface RefVariant {
  id: string;
  productId: string;
  option1: string;
  option2: string;
  option3: string;
  position: number;
  active: boolean;
  productActive: boolean;
}

/** Asked for a product with several variants (or none active) without saying which: 400, with the choices. */
export class ChooseVariantError extends InvalidInputError {
  constructor(productId: string, variants: readonly RefVariant[]) {
    super("Choose a variant", {
      productId,
      variants: [...variants]
        .filter((variant) => variant.active)
        .sort((a, b) => a.position - b.position)
        .map((variant) => ({
          id: variant.id,
          title: variantTitle([variant.option1, variant.option2, variant.option3]),
        })),
    });
  }
}

/**
 * The variant a reference means, among `rows` (every variant of the referenced products, and the
 * referenced variants). A variant id must be a buyable variant (of `productId`, when both are given);
 * a product id alone must have exactly one active variant. Archived products and inactive variants
 * are not found.
 */
export function resolveVariantRef<V extends RefVariant>(ref: VariantRef, rows: readonly V[]): V {
  if (ref.variantId !== undefined) {
    const variant = rows.find((row) => row.id === ref.variantId);
    if (
      !variant?.active ||
      !variant.productActive ||
      (ref.productId !== undefined && variant.productId !== ref.productId)
    )
      throw new NotFoundError("Variant not found", { variantId: ref.variantId });
    return variant;
  }
  const productId = ref.productId!;
  const ofProduct = rows.filter((row) => row.productId === productId);
  if (ofProduct.length === 0 || !ofProduct[0]!.productActive)
    throw new NotFoundError("Product not found", { productId });
  const active = ofProduct.filter((row) => row.active);
  if (active.length === 0) throw new NotFoundError("Product not found", { productId });
  if (active.length > 1) throw new ChooseVariantError(productId, ofProduct);
  return active[0]!;
}

/** The ids to load for `refs`: variant ids, and the products referenced without a variant. */
export function idsToLoad(refs: readonly VariantRef[]): { variantIds: string[]; productIds: string[] } {
  return {
    variantIds: [...new Set(refs.flatMap((ref) => (ref.variantId ? [ref.variantId] : [])))],
    productIds: [
      ...new Set(
        refs.flatMap((ref) => (ref.variantId === undefined && ref.productId ? [ref.productId] : [])),
      ),
    ],
  };
}

/** A variant as carts and stock adjustments resolve it, with what they show of its product. */
export interface LoadedVariant extends RefVariant {
  sku: string;
  priceCents: number;
}

/** Every variant `refs` may mean, for resolveVariantRef. */
export async function loadRefVariants(db: DbClient, refs: readonly VariantRef[]): Promise<LoadedVariant[]> {
  const { variantIds, productIds } = idsToLoad(refs);
  const rows = await db.productVariant.findMany({
    where: { OR: [{ id: { in: variantIds } }, { productId: { in: productIds } }] },
    select: {
      id: true,
      productId: true,
      sku: true,
      option1: true,
      option2: true,
      option3: true,
      position: true,
      priceCents: true,
      active: true,
      product: { select: { active: true } },
    },
  });
  return rows.map(({ product, ...variant }) => ({ ...variant, productActive: product.active }));
}

/** The one variant `ref` means (see resolveVariantRef). */
export async function resolveVariant(db: DbClient, ref: VariantRef): Promise<LoadedVariant> {
  return resolveVariantRef(ref, await loadRefVariants(db, [ref]));
}
