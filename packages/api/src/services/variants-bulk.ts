import type { DbClient } from "../db-client.ts";
import { optionColumns, variantTitle } from "../domain/variants.ts";
import type { VariantData } from "../schemas/variant.ts";
import { openStock } from "./inventory-ledger.ts";
import { defaultSku, variantConflict } from "./variants.ts";

// insertVariants (variants.ts) for many products at once: one INSERT per chunk instead of a few
// statements per product, for the product CSV's thousands of rows. It belongs beside insertVariants,
// as the same writer of product_variant; it lives here until variants.ts takes it.

export interface NewVariantsOf {
  product: { id: string; slug: string };
  /** The product's option names, in order. */
  names: readonly string[];
  variants: readonly VariantData[];
  /** The position of the first of them (after the product's existing variants). */
  firstPosition: number;
}

// Bind parameters per statement are capped at 65,535; 12 columns a row.
const CHUNK = 2_000;

/**
 * Writes the variants of several products with their opening stock, in the caller's transaction,
 * exactly as insertVariants would one product at a time. The caller has checked each product's
 * variants as a whole (variantProblems).
 */
export async function insertVariantsOfProducts(
  tx: DbClient,
  products: readonly NewVariantsOf[],
  actorId: string | null,
): Promise<void> {
  const rows = products.flatMap(({ product, names, variants, firstPosition }) =>
    variants.map((variant, index) => {
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
    }),
  );
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
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
