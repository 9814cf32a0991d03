import type { Db } from "../client.ts";
import { demoProducts } from "./catalog-data.ts";
import { demoVariantsOf } from "./demo-variants.ts";

/**
 * Creates the demo products that are missing, each with its options, variants, a stock level per
 * variant and an opening-stock movement for every variant with stock. Returns how many it created.
 */
export async function seedProducts(db: Db): Promise<number> {
  const categories = await db.category.findMany({ select: { id: true, slug: true } });
  const categoryIds = new Map(categories.map((category) => [category.slug, category.id]));
  const existing = new Set(
    (
      await db.product.findMany({
        select: { slug: true },
        where: { slug: { in: demoProducts.map((p) => p.slug) } },
      })
    ).map((product) => product.slug),
  );
  const missing = demoProducts.filter((product) => !existing.has(product.slug));
  // Spread creation times so "newest" sorts are meaningful; the first product is the oldest.
  const now = Date.now();
  for (const product of missing) {
    const createdAt = new Date(now - (demoProducts.length - demoProducts.indexOf(product)) * 3_600_000);
    const { options, variants } = demoVariantsOf(product);
    // The price range the product_variant trigger would set; the product row needs it up front.
    const prices = variants.map((variant) => variant.priceCents);
    await db.$transaction(async (tx) => {
      const created = await tx.product.create({
        data: {
          slug: product.slug,
          name: product.name,
          description: product.description,
          priceCents: Math.min(...prices),
          maxPriceCents: Math.max(...prices),
          imageUrl: `/images/products/${product.slug}.svg`,
          categoryId: categoryIds.get(product.categorySlug) ?? null,
          createdAt,
          options: { create: options },
          variants: {
            create: variants.map((variant) => ({
              sku: variant.sku,
              option1: variant.option1,
              option2: variant.option2,
              option3: variant.option3,
              priceCents: variant.priceCents,
              compareAtPriceCents: variant.compareAtPriceCents,
              position: variant.position,
              createdAt,
              inventory: { create: { onHand: variant.stock } },
            })),
          },
        },
        select: { id: true, variants: { select: { id: true, inventory: { select: { onHand: true } } } } },
      });
      await tx.stockMovement.createMany({
        data: created.variants.flatMap(({ id, inventory }) =>
          inventory && inventory.onHand > 0
            ? [
                {
                  productId: created.id,
                  variantId: id,
                  delta: inventory.onHand,
                  reason: "restock" as const,
                  note: "Opening stock",
                  quantityAfter: inventory.onHand,
                },
              ]
            : [],
        ),
      });
    });
  }
  return missing.length;
}
